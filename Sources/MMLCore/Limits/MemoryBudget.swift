// One memory budget for the element storage a program makes (matrices, vectors, table
// columns, strings): charged when storage is created, released when its owner goes away, checked
// before each allocation whose size the program controls.
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A limit on the bytes of element storage alive at once, and the bytes in use now.
///
/// Storage is charged through `StorageCharge` objects (one per matrix, column or string storage of
/// `StorageCharge.minimumBytes` or more), so the count is one atomic add when storage is made
/// and one when it is freed — never per element. Allocations whose size a program chooses
/// call `reserve` first and are refused before memory is touched; storage made without a
/// check (copy-on-write copies) may overdraw, which the next `checkOverdraft` reports.
public final class MemoryBudget: Sendable {
    private let limitBytes: Atomic<Int>
    private let usedBytes = Atomic<Int>(0)

    /// A budget of `limit` bytes.
    public init(limit: Int) { limitBytes = Atomic(limit) }

    /// The process's budget, which every interpreter uses unless given its own. The front
    /// ends set its `limit` from `--max-memory`.
    public static let shared = MemoryBudget(limit: defaultLimit())

    /// The budget that storage made on this thread is charged to (see `Interpreter.withLimits`).
    @TaskLocal public static var current: MemoryBudget?

    /// The most bytes of element storage that may be alive at once.
    public var limit: Int {
        get { limitBytes.load(ordering: .relaxed) }
        set { limitBytes.store(max(0, newValue), ordering: .relaxed) }
    }

    /// The bytes of element storage alive now.
    public var used: Int { usedBytes.load(ordering: .relaxed) }

    /// True when storage made without a check has pushed `used` past `limit`.
    public var isOverdrawn: Bool { used > limit }

    /// Throws `MemoryBudgetError` when `bytes` more would pass the limit (nothing is charged:
    /// the storage made next charges itself).
    public func reserve(_ bytes: Int) throws(MemoryBudgetError) {
        let used = self.used, limit = self.limit
        guard bytes <= limit - used else { throw MemoryBudgetError(requested: bytes, used: used, limit: limit) }
    }

    /// `reserve` for `count` elements of `stride` bytes, refusing counts whose size overflows.
    public func reserve(count: Int, stride: Int) throws(MemoryBudgetError) {
        let (bytes, overflow) = max(0, count).multipliedReportingOverflow(by: stride)
        try reserve(overflow ? Int.max : bytes)
    }

    /// Throws when storage made without a check has pushed `used` past `limit`.
    public func checkOverdraft() throws(MemoryBudgetError) {
        let used = self.used, limit = self.limit
        if used > limit { throw MemoryBudgetError(requested: 0, used: used, limit: limit) }
    }

    func charge(_ bytes: Int) { usedBytes.add(bytes, ordering: .relaxed) }
    func release(_ bytes: Int) { usedBytes.subtract(bytes, ordering: .relaxed) }

    /// 75% of the smaller of physical memory and what the address-space limit (RLIMIT_AS)
    /// leaves beyond what the process has mapped already: the rest is room for the
    /// interpreter itself, LAPACK workspaces and temporaries that are not counted.
    static func defaultLimit() -> Int {
        let pageSize = max(1, sysconf(Int32(_SC_PAGESIZE)))
        var room = max(0, sysconf(Int32(_SC_PHYS_PAGES))) * pageSize
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur < UInt(Int.max) {  // RLIM_INFINITY is all ones
            room = min(room, max(0, Int(limit.rlim_cur) - mappedBytes(pageSize: pageSize)))
        }
        return room / 4 * 3
    }

    /// The process's mapped address space in bytes (the first field of /proc/self/statm).
    private static func mappedBytes(pageSize: Int) -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 64)
        guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (text.split(separator: " ").first.flatMap { Int($0) } ?? 0) * pageSize
    }

    /// Parses a size such as `4G`, `512M`, `1.5GiB` or `2000000000` (bytes); nil when it is not one.
    public static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text.filter { $0 != " " })
        var scale = 1.0
        let units: [(String, Double)] = [("TiB", 0x1p40), ("GiB", 0x1p30), ("MiB", 0x1p20), ("KiB", 0x1p10),
                                         ("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10),
                                         ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("B", 1)]
        for (suffix, factor) in units where digits.uppercased().hasSuffix(suffix.uppercased()) {
            digits = digits.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let number = Double(digits), number.isFinite, number >= 0 else { return nil }
        let bytes = number * scale
        return bytes < 0x1p62 ? Int(bytes) : nil
    }
}

/// The element storage of one matrix, column or long string, charged to a budget while it is alive.
public final class StorageCharge: Sendable {
    /// Storage smaller than this is not charged: a count of tiny matrices would cost more
    /// than their memory (an object and two atomic adds per scalar-sized temporary).
    public static let minimumBytes = 1024

    /// The bytes charged.
    public let bytes: Int
    let budget: MemoryBudget

    init(bytes: Int, budget: MemoryBudget) {
        self.bytes = bytes
        self.budget = budget
        budget.charge(bytes)
    }

    deinit { budget.release(bytes) }

    /// A charge for `count` elements of `stride` bytes to the current budget, or nil when the
    /// storage is too small to count.
    @inline(__always)
    static func make(count: Int, stride: Int = MemoryLayout<Double>.stride) -> StorageCharge? {
        count * stride < minimumBytes ? nil : StorageCharge(bytes: count * stride, budget: MemoryBudget.current ?? .shared)
    }

    /// A charge for an array of strings: its slots, and the text of strings too long to be
    /// stored inside their slot (Swift keeps up to 15 bytes of UTF-8 inline).
    static func make(strings: [String?]) -> StorageCharge? {
        let text = strings.reduce(0) { $0 + (($1?.utf8.count ?? 0) > 15 ? $1!.utf8.count : 0) }
        return make(count: strings.count * MemoryLayout<String?>.stride + text, stride: 1)
    }
}

/// More element storage was asked for than the memory budget has left.
public struct MemoryBudgetError: EngineError, Equatable {
    public static let kind = DiagnosticKind.memory

    /// Bytes the refused allocation needed (0 when the budget was found overdrawn).
    public var requested: Int
    /// Bytes in use when it was refused.
    public var used: Int
    /// The budget.
    public var limit: Int

    public var message: String {
        let limitText = formatBytes(Double(limit)), usedText = formatBytes(Double(used))
        if requested == 0 {
            return "out of memory: the program holds \(usedText), more than MML's memory budget of \(limitText)"
        }
        let need = requested == Int.max ? "more memory than any machine has" : formatBytes(Double(requested))
        let free = formatBytes(Double(max(0, limit - used)))
        return "out of memory: this needs \(need), but only \(free) of MML's \(limitText) memory budget is free"
    }

    public var hint: String? {
        "raise the budget with --max-memory (e.g. --max-memory 8G), or work with smaller data or free variables you no longer need"
    }
}
