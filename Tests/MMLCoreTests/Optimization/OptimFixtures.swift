// The committed scipy/numpy/scikit-learn reference cases (Scripts/fixtures/optim.py), decoded.
import Foundation
import MMLTestSupport
import Testing

struct OptimFixtureFile: Decodable {
    struct BFGSCase: Decodable, NamedCase {
        var name, body, setup: String
        var params: [String]
        var x0, x: [Double]
        var fun, xtol: Double
    }
    struct GDCase: Decodable, NamedCase {
        var name, body: String
        var params: [String]
        var x0, x: [Double]
        var rate, fun: Double
        var steps: Int
    }
    struct SystemCase: Decodable, NamedCase {
        var name, body: String
        var params: [String]
        var x0, x: [Double]
    }
    struct PolyfitCase: Decodable {
        var xs, ys, p: [Double]
        var deg: Int
    }
    struct LineCase: Decodable {
        var xs, ys: [Double]
        var slope, intercept, r2: Double
    }
    struct LossCase: Decodable {
        var yhat, y, p, labels: [Double]
        var probs, onehot: [[Double]]
        var mse: Double
        var log_loss: Double
        var cross_entropy: Double
    }
    struct BlobsCase: Decodable {
        var n, features, seed: Int
        var centers: Centers
        var std: [Double]
        var X: [[Double]]
        var y: [Double]
        enum Centers: Decodable {
            case count(Int), given([[Double]])
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let k = try? c.decode(Int.self) { self = .count(k) } else { self = .given(try c.decode([[Double]].self)) }
            }
        }
    }
    struct RegressionCase: Decodable {
        var n, features, informative, seed: Int
        var noise, bias: Double
        var X: [[Double]]
        var y, coef: [Double]
    }

    var bfgs: [BFGSCase]
    var gd: [GDCase]
    var newton_systems: [SystemCase]
    var polyfit: [PolyfitCase]
    var fit_line: [LineCase]
    var losses: [LossCase]
    var make_blobs: [BlobsCase]
    var make_regression: [RegressionCase]
}

/// Cases named in test output.
protocol NamedCase: CustomTestStringConvertible, Sendable {
    var name: String { get }
}
extension NamedCase {
    var testDescription: String { name }
}

enum OptimFixtures {
    static let path = repositoryRoot + "/Tests/MMLCoreTests/Fixtures/optim/cases.json"
    static let file: OptimFixtureFile? = {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(OptimFixtureFile.self, from: data)
    }()
    static var bfgs: [OptimFixtureFile.BFGSCase] { file?.bfgs ?? [] }
    static var gd: [OptimFixtureFile.GDCase] { file?.gd ?? [] }
    static var systems: [OptimFixtureFile.SystemCase] { file?.newton_systems ?? [] }
}

/// |a − b| ≤ tol·max(1, |b|) for every pair, and the same length.
func near(_ a: [Double], _ b: [Double], tol: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol * max(1, abs($1)) }
}
