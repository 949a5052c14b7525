// Dense complex matrices, for eigenvectors of matrices with complex eigenvalues.
import Numerics

/// A dense `rows × cols` complex matrix, column-major like `Matrix`.
///
/// Storage is split: `real` and `imaginary` are two column-major Double arrays of the same
/// shape (element (i, j) is `real[i + j*rows] + i·imaginary[i + j*rows]`). Split storage makes
/// the real part a plain `Matrix` with no copy, and matches how dgeev reports complex vectors;
/// nothing in MML needs LAPACK's interleaved complex layout yet.
public struct ComplexMatrix: Sendable, Equatable {
    public private(set) var rows: Int
    public private(set) var cols: Int
    /// Real parts, column-major.
    public private(set) var real: [Double]
    /// Imaginary parts, column-major.
    public private(set) var imaginary: [Double]
    /// Both parts' storage, charged to the memory budget (see `Matrix`).
    private var charge: StorageCharge?

    public static func == (a: ComplexMatrix, b: ComplexMatrix) -> Bool {
        a.rows == b.rows && a.cols == b.cols && a.real == b.real && a.imaginary == b.imaginary
    }

    /// A complex matrix from its real and imaginary parts (which must have the same shape).
    public init(real: Matrix, imaginary: Matrix) throws {
        guard real.rows == imaginary.rows, real.cols == imaginary.cols else {
            throw LinAlgError.shapeMismatch("complex matrix", real, imaginary, need: "equal shapes")
        }
        self.rows = real.rows
        self.cols = real.cols
        self.real = real.data
        self.imaginary = imaginary.data
        charge = StorageCharge.make(count: self.real.count, stride: 2 * MemoryLayout<Double>.stride)
    }

    /// A real matrix viewed as complex (zero imaginary part).
    public init(_ m: Matrix) {
        rows = m.rows
        cols = m.cols
        real = m.data
        imaginary = [Double](repeating: 0, count: m.data.count)
        charge = StorageCharge.make(count: real.count, stride: 2 * MemoryLayout<Double>.stride)
    }

    /// A complex column vector.
    public init(column: [Complex<Double>]) {
        rows = column.count
        cols = 1
        real = column.map(\.real)
        imaginary = column.map(\.imaginary)
        charge = StorageCharge.make(count: real.count, stride: 2 * MemoryLayout<Double>.stride)
    }

    /// Element at 0-based row `i`, column `j`.
    public subscript(i: Int, j: Int) -> Complex<Double> {
        get { Complex(real[i + j * rows], imaginary[i + j * rows]) }
        set {
            if charge != nil, !isKnownUniquelyReferenced(&charge) {
                charge = StorageCharge.make(count: real.count, stride: 2 * MemoryLayout<Double>.stride)
            }
            real[i + j * rows] = newValue.real
            imaginary[i + j * rows] = newValue.imaginary
        }
    }

    /// Elements of 0-based column `j`.
    public func column(_ j: Int) -> [Complex<Double>] {
        (0..<rows).map { self[$0, j] }
    }

    /// The real parts as a `Matrix`.
    public var realPart: Matrix { Matrix(rows: rows, cols: cols, data: real) }

    /// The imaginary parts as a `Matrix`.
    public var imaginaryPart: Matrix { Matrix(rows: rows, cols: cols, data: imaginary) }

    /// True when every imaginary part is exactly zero.
    public var isReal: Bool { imaginary.allSatisfy { $0 == 0 } }

    public var shapeDescription: String { "\(rows)×\(cols)" }

    /// The product `self · other`, as four real dgemm products:
    /// (A + iB)(C + iD) = (AC − BD) + i(AD + BC).
    public func multiplied(by other: ComplexMatrix) throws -> ComplexMatrix {
        guard cols == other.rows else {
            throw LinAlgError("complex product: shapes \(shapeDescription) and \(other.shapeDescription) do not fit")
        }
        let (a, b) = (realPart, imaginaryPart), (c, d) = (other.realPart, other.imaginaryPart)
        let (ac, bd) = (try LAPACK.gemm(a, c), try LAPACK.gemm(b, d))
        let (ad, bc) = (try LAPACK.gemm(a, d), try LAPACK.gemm(b, c))
        return try ComplexMatrix(real: Matrix(rows: ac.rows, cols: ac.cols, data: zip(ac.data, bd.data).map { $0 - $1 }),
                                 imaginary: Matrix(rows: ad.rows, cols: ad.cols, data: zip(ad.data, bc.data).map { $0 + $1 }))
    }
}
