// Paths and fixtures shared by the data-table tests.
import Foundation
import MMLTestSupport
@testable import MMLCore

enum MMLTestSupportPaths {
    static let samples = repositoryRoot + "/Samples/data/"
}

/// Tests/MMLCoreTests/Fixtures/data/reference.json, made by Scripts/fixtures/data.py.
struct DataReference: Decodable {
    let iris_describe: [String: [Double]]
    let advertising_describe: [String: [Double]]
    let iris_species: [String]
    let iris_species_mean: [String: [Double]]
    let iris_species_sum: [String: [Double]]
    let abtest_groups: [String]
    let abtest_counts: [Int]
    let abtest_conversion: [Double]

    static func load() throws -> DataReference {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/data/reference.json")
        return try JSONDecoder().decode(DataReference.self, from: Data(contentsOf: url))
    }
}
