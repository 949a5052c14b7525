// Loads the NumPy/SciPy/SymPy reference cases (Scripts/fixtures/linalg.py) and compares numbers.
import Foundation
import MMLCore
import MMLTestSupport
import Numerics
import Testing

/// One matrix with its reference results (fields absent where they do not apply).
struct FixtureCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Lstsq: Decodable, Sendable { var b: [Double]; var x: [Double]; var residual: Double; var rank: Int }
    struct Solve: Decodable, Sendable { var b: [Double]; var x: [Double] }

    var name: String
    var tags: [String]
    var A: [[Double]]
    var rank: Int
    var nullity: Int
    var svals: [Double]
    var cond: Double?
    var pinv: [[Double]]
    var lstsq: Lstsq
    var qr_R: [[Double]]?
    var lu_perm: [Int]
    var lu_L: [[Double]]
    var lu_U: [[Double]]
    var rref: [[Double]]?
    var pivots: [Int]?
    var singular: Bool?
    var det: Double?
    var det_exact: Bool?
    var inv: [[Double]]?
    var solve: Solve?
    var ill_warning: Bool?
    var symmetric: Bool?
    var eigvals: [[Double]]?
    var defective: Bool?
    var eigvecs: [[[Double]]]?

    var testDescription: String { name }
    var matrix: Matrix { fixtureMatrix(A) }

    /// σ1/σr over the non-zero singular values: how much rounding error results may amplify.
    var effectiveCondition: Double {
        guard rank > 0 else { return 1 }
        return svals[0] / svals[rank - 1]
    }
}

struct PCAFixture: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var X: [[Double]]
    var k: Int
    var scale: Bool
    var components: [[Double]]
    var explained_variance: [Double]
    var explained_ratio: [Double]
    var scores: [[Double]]
    var mean: [Double]
    var scale_values: [Double]?
    var singular_values: [Double]
    var testDescription: String { name }
}

struct FixtureFile: Decodable, Sendable {
    var cases: [FixtureCase]
    var pca: [PCAFixture]
}

enum LinAlgFixtures {
    static let path = repositoryRoot + "/Tests/MMLCoreTests/Fixtures/linalg/cases.json"

    /// The decoded fixture file, or nil when it is missing or malformed (a test reports that).
    static let file: FixtureFile? = {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(FixtureFile.self, from: data)
    }()

    static var cases: [FixtureCase] { file?.cases ?? [] }
    static var pca: [PCAFixture] { file?.pca ?? [] }
}

func fixtureMatrix(_ rows: [[Double]]) -> Matrix {
    rows.isEmpty ? Matrix(rows: 0, cols: 0, data: []) : Matrix(rowArrays: rows)
}

/// Norm-wise relative comparison: every |a − e| ≤ rtol · max(1, max|e|).
func close(_ a: [Double], _ e: [Double], rtol: Double) -> Bool {
    guard a.count == e.count else { return false }
    let scale = max(1, e.reduce(0) { max($0, abs($1)) })
    return zip(a, e).allSatisfy { abs($0 - $1) <= rtol * scale }
}

func close(_ a: Matrix, _ e: Matrix, rtol: Double) -> Bool {
    a.rows == e.rows && a.cols == e.cols && close(a.data, e.data, rtol: rtol)
}

func close(_ a: Matrix, _ rows: [[Double]], rtol: Double) -> Bool {
    close(a, fixtureMatrix(rows), rtol: rtol)
}

/// A − B elementwise (shapes must agree).
func minus(_ a: Matrix, _ b: Matrix) -> Matrix {
    Matrix(rows: a.rows, cols: a.cols, data: zip(a.data, b.data).map { $0 - $1 })
}

func maxAbs(_ m: Matrix) -> Double { m.data.reduce(0) { max($0, abs($1)) } }
