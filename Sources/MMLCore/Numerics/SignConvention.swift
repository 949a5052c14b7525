// The one sign rule for eigenvectors, singular vectors and principal components.
import Numerics

/// Makes vectors reproducible on every machine: the largest-magnitude component is made
/// positive (real vectors) or real and positive (complex vectors). Among components whose
/// magnitudes tie within a relative 1e-10, the first one counts, so rounding noise cannot
/// flip the choice.
enum SignConvention {
    static let tieTolerance = 1e-10

    /// Index of the component that decides the sign: the first of the largest magnitudes.
    static func leadingIndex(_ magnitudes: [Double]) -> Int? {
        guard let biggest = magnitudes.max(), biggest > 0 else { return nil }
        return magnitudes.firstIndex { $0 >= biggest * (1 - tieTolerance) }
    }

    /// +1 or −1: the factor that makes real vector `v` follow the convention.
    static func sign(ofColumn v: ArraySlice<Double>) -> Double {
        let base = v.startIndex
        guard let p = leadingIndex(v.map { abs($0) }) else { return 1 }
        return v[base + p] < 0 ? -1 : 1
    }

    /// Applies the convention to every column of `m` in place; returns the signs used.
    @discardableResult
    static func normalizeColumns(_ m: inout Matrix) -> [Double] {
        var signs: [Double] = []
        for j in 0..<m.cols {
            let range = (j * m.rows)..<((j + 1) * m.rows)
            let s = sign(ofColumn: m.data[range])
            if s < 0 { for k in range { m.data[k] = -m.data[k] } }
            signs.append(s)
        }
        return signs
    }

    /// Scales a complex vector to unit length and rotates its phase so the leading component
    /// is real and positive.
    static func normalize(_ v: [Complex<Double>]) -> [Complex<Double>] {
        let length = v.reduce(0.0) { $0 + $1.lengthSquared }.squareRoot()
        guard length > 0, length.isFinite, let p = leadingIndex(v.map(\.length)) else { return v }
        let lead = v[p]
        let phase = lead.conjugate.divided(by: lead.length)  // unit complex number
        var out = v.map { ($0 * phase).divided(by: length) }
        out[p] = Complex(out[p].real, 0)  // exactly real, not 1e-17·i
        return out
    }
}
