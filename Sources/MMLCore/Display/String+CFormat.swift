// printf-style formatting of one number through the C library (Foundation's String(format:)
// would pull Foundation and ICU into every start of mml: several milliseconds).
import Glibc

extension String {
    /// `value` formatted by a printf conversion for one double, such as "%.6g" or "%.2f".
    init(cFormat format: String, _ value: Double) {
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        if needed >= buffer.count {  // "%f" of a huge number
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
