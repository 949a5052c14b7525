// Loading the committed prob fixtures (made by Scripts/fixtures/prob.py) and comparing numbers.
import Foundation
import MMLTestSupport

/// A JSON number that may also be "inf", "-inf" or "nan" (JSON has no such numbers).
struct FixtureNumber: Decodable {
    let value: Double
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) {
            value = d
        } else {
            switch try c.decode(String.self) {
            case "inf": value = .infinity
            case "-inf": value = -.infinity
            default: value = .nan
            }
        }
    }
}

enum ProbFixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/prob/" + name)
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// Agreement within `rel` relative, or `abs` absolute for tiny values (the 1e-10 / 1e-300).
    static func close(_ a: Double, _ b: Double, rel: Double = 1e-10, abs absTol: Double = 1e-300) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return Swift.abs(a - b) <= max(rel * max(Swift.abs(a), Swift.abs(b)), absTol)
    }
}
