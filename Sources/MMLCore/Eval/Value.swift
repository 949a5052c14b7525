// The values an MML program computes with.
import ComplexModule
import RealModule

/// Every value a variable can hold.
public enum Value: @unchecked Sendable {
    case number(Double)
    case bool(Bool)
    case complex(Complex<Double>)
    /// Text; long text is charged to the memory budget while it lives (see `StringValue`).
    case string(StringValue)
    /// A real matrix; a vector is an n×1 matrix, a boolean array has `isLogical` set.
    case matrix(Matrix)
    /// A complex matrix or vector, e.g. eigenvalues of a rotation (boxed: it is rare and large).
    indirect case complexMatrix(ComplexMatrix)
    /// `a:b` or `a:step:b`, kept lazy so `for i in 1:10000000` allocates nothing.
    case range(RangeValue)
    case function(Function)
    /// A record (boxed: keeping it inline would make every `Value` larger, and values are
    /// copied on every step of the evaluator).
    indirect case record(Record)
    /// Several results, as returned by `eig` and unpacked by `a, b = …`.
    case tuple([Value])
    /// Values defined by library domains: tables, distributions, figures, test results.
    case object(any MMLObject)
    /// The result of a statement that produces nothing to show (print, assert, a loop).
    case nothing

    /// The kind of value in words, for messages and `typeof`.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .bool: return "bool"
        case .complex: return "complex"
        case .string: return "string"
        case .matrix(let m):
            if m.isLogical { return m.isVector ? "bool vector" : "bool matrix" }
            return m.isVector ? "vector" : "matrix"
        case .complexMatrix(let m): return m.cols == 1 ? "complex vector" : "complex matrix"
        case .range: return "range"
        case .function(let f): return f.kindName
        case .record(let r): return r.isTuple ? "tuple" : "record"
        case .tuple: return "tuple"
        case .object(let o): return o.typeName
        case .nothing: return "nothing"
        }
    }

    /// The value as a matrix when it is numeric (a number is 1×1, a range a column).
    public var asMatrix: Matrix? {
        switch self {
        case .number(let x): return Matrix(rows: 1, cols: 1, data: [x])
        case .bool(let b): return Matrix(rows: 1, cols: 1, data: [b ? 1 : 0], isLogical: true)
        case .matrix(let m): return m
        case .range(let r): return r.matrix
        default: return nil
        }
    }
}

/// An arithmetic sequence `start, start + step, …` with `count` elements.
public struct RangeValue: Sendable, Equatable {
    public var start: Double
    public var step: Double
    public var count: Int

    /// The range from `start` to `stop` (inclusive when reached within rounding).
    public init(start: Double, step: Double, stop: Double) {
        self.start = start
        self.step = step
        let n = ((stop - start) / step).nextUp
        // A tolerance of a few ulps absorbs 0:0.1:1 rounding (10 steps, not 9.999…).
        let tolerance = 1e-10
        if step == 0 || !n.isFinite || n < -tolerance {
            count = 0
        } else {
            count = Int(min((n + tolerance).rounded(.down), Double(Int.max / 2))) + 1
        }
    }

    public init(start: Double, step: Double, count: Int) {
        self.start = start
        self.step = step
        self.count = count
    }

    @inlinable public func element(_ k: Int) -> Double { start + Double(k) * step }

    public var last: Double { element(count - 1) }

    public var matrix: Matrix {
        Matrix(column: (0..<count).map { element($0) })
    }
}

extension Value {
    /// True when both are the same value, found without comparing large contents: equal
    /// scalars and strings, or the same storage (a matrix not written since, the same function
    /// or object). False may still mean equal contents; used to find what a run changed.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern
        case (.bool(let a), .bool(let b)): return a == b
        case (.complex(let a), .complex(let b)): return a.real.bitPattern == b.real.bitPattern && a.imaginary.bitPattern == b.imaginary.bitPattern
        case (.string(let a), .string(let b)): return a == b
        case (.matrix(let a), .matrix(let b)): return a.sharesStorage(with: b)
        case (.complexMatrix(let a), .complexMatrix(let b)): return a == b
        case (.range(let a), .range(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        case (.record(let a), .record(let b)):
            return a.names == b.names && a.title == b.title && a.isTuple == b.isTuple
                && zip(a.values, b.values).allSatisfy { $0.isIdentical(to: $1) }
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let a), .object(let b)): return a === b
        case (.nothing, .nothing): return true
        default: return false
        }
    }
}

/// A record: named fields in the order they were made. Used for results such as
/// `gd(…)` (x, value, path) and for user data.
public struct Record: Sendable {
    public private(set) var names: [String]
    public private(set) var values: [Value]
    /// What produced it, shown as a header when printed (e.g. "gradient descent result").
    public var title: String?
    /// A multi-value result (`eig`, `svd`, `m, i = max(v)`): a tuple whose parts have names.
    /// `a, b = r` unpacks its fields in order and `r[k]` is the k-th; `r.name` reads one.
    public private(set) var isTuple = false

    public init(_ fields: [(String, Value)], title: String? = nil) {
        names = fields.map(\.0)
        values = fields.map(\.1)
        self.title = title
    }

    /// A tuple with named parts; `names` is usually a constant array, so building one costs
    /// only the array of values.
    public init(tuple names: [String], _ values: [Value]) {
        self.names = names
        self.values = values
        isTuple = true
    }

    public subscript(name: String) -> Value? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { values[i] = newValue } else {
                    names.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    public var fields: [(String, Value)] { Array(zip(names, values)) }
}

/// Values that library domains define (tables, distributions, figures, test reports)
/// plug into the language through this protocol without reshaping the core.
public protocol MMLObject: AnyObject {
    /// The kind in words, e.g. "distribution", "table".
    var typeName: String { get }
    /// The text shown when the value is printed.
    func display(_ options: DisplayOptions) -> String
    /// Field names accessible with `.name` (used by completion and errors).
    var fieldNames: [String] { get }
    /// The value of a field, or nil when there is no such field.
    func field(_ name: String) -> Value?
}

extension MMLObject {
    public var fieldNames: [String] { [] }
    public func field(_ name: String) -> Value? { nil }
}
