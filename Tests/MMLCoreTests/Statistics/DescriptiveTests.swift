// Descriptive statistics, covariance/correlation and MvNormal pdf against NumPy/SciPy (descriptive.json).
import Testing
@testable import MMLCore

private struct VectorCase: Decodable {
    let name: String
    let data: [Double]
    let mean, median, mode, `var`, var_n, std, std_n, iqr: Double
    let quantiles_p, quantiles, zscore: [Double]
    let skewness, skewness_unbiased, kurtosis, kurtosis_unbiased: Double
    let counts_values: [Double]
    let counts: [Int]
}

private struct PairCase: Decodable {
    let x, y: [Double]
    let cov, cov_n, pearson, spearman: Double
}

private struct MatrixCase: Decodable {
    let rows: [[Double]]
    let cov, corr, spearman: [[Double]]
}

private struct MvCase: Decodable {
    let mean: [Double]
    let cov: [[Double]]
    let points: [[Double]]
    let pdf, logpdf: [Double]
}

private struct DescriptiveFile: Decodable {
    let vectors: [VectorCase]
    let pairs: [PairCase]
    let matrix: MatrixCase
    let mvnormal: MvCase
}

private func load() throws -> DescriptiveFile { try ProbFixtures.load("descriptive.json", as: DescriptiveFile.self) }

private func expectClose(_ a: Double, _ b: Double, _ what: String, rel: Double = 1e-10) {
    #expect(ProbFixtures.close(a, b, rel: rel), "\(what): \(a) vs reference \(b)")
}

private func expectClose(_ a: [Double], _ b: [Double], _ what: String, rel: Double = 1e-10) {
    #expect(a.count == b.count, "\(what): lengths differ")
    for (i, (u, v)) in zip(a, b).enumerated() { expectClose(u, v, "\(what)[\(i)]", rel: rel) }
}

@Test func vectorStatisticsAgreeWithNumPyAndSciPy() throws {
    for c in try load().vectors {
        let x = c.data
        expectClose(try Stats.mean(x), c.mean, "\(c.name) mean")
        expectClose(try Stats.median(x), c.median, "\(c.name) median")
        expectClose(try Stats.mode(x), c.mode, "\(c.name) mode")
        expectClose(try Stats.variance(x), c.var, "\(c.name) var")
        expectClose(try Stats.variance(x, corrected: false), c.var_n, "\(c.name) var n")
        expectClose(try Stats.std(x), c.std, "\(c.name) std")
        expectClose(try Stats.std(x, corrected: false), c.std_n, "\(c.name) std n")
        expectClose(try Stats.quantile(x, c.quantiles_p), c.quantiles, "\(c.name) quantile")
        expectClose(try Stats.iqr(x), c.iqr, "\(c.name) iqr")
        // z-scores near 0 are differences of nearly equal numbers: compare absolutely at data scale.
        for (a, b) in zip(try Stats.zscore(x), c.zscore) { #expect(abs(a - b) <= 1e-9, "\(c.name) zscore \(a) vs \(b)") }
        // Reference: exact rational arithmetic (SciPy is 2e-9 off on `big`, whose mean is 1e6).
        let shapeTol = 1e-10
        expectClose(try Stats.skewness(x), c.skewness, "\(c.name) skewness", rel: shapeTol)
        expectClose(try Stats.skewness(x, bias: false), c.skewness_unbiased, "\(c.name) skewness G1", rel: shapeTol)
        expectClose(try Stats.kurtosis(x), c.kurtosis, "\(c.name) kurtosis", rel: shapeTol)
        expectClose(try Stats.kurtosis(x, bias: false), c.kurtosis_unbiased, "\(c.name) kurtosis G2", rel: shapeTol)
        let t = try Stats.counts(x)
        #expect(t.values == c.counts_values && t.counts == c.counts, "\(c.name) counts")
        let d = try Stats.describe(x)
        #expect(d.count == x.count)
        expectClose([d.mean, d.std, d.min, d.q1, d.median, d.q3, d.max],
                    [c.mean, c.std, c.quantiles[0], c.quantiles[2], c.quantiles[3], c.quantiles[4], c.quantiles[7]], "\(c.name) describe")
    }
}

@Test func covarianceAndCorrelationAgreeWithNumPyAndSciPy() throws {
    let f = try load()
    for (i, c) in f.pairs.enumerated() {
        expectClose(try Stats.covariance(c.x, c.y), c.cov, "pair \(i) cov")
        expectClose(try Stats.covariance(c.x, c.y, corrected: false), c.cov_n, "pair \(i) cov n")
        expectClose(try Stats.correlation(c.x, c.y), c.pearson, "pair \(i) pearson")
        expectClose(try Stats.correlation(c.x, c.y, method: .spearman), c.spearman, "pair \(i) spearman")
    }
    let m = Matrix(rowArrays: f.matrix.rows)
    let cov = try Stats.covariance(m), corr = try Stats.correlation(m), sp = try Stats.correlation(m, method: .spearman)
    for i in 0..<m.cols {
        for j in 0..<m.cols {
            expectClose(cov[i, j], f.matrix.cov[i][j], "cov[\(i),\(j)]")
            expectClose(corr[i, j], f.matrix.corr[i][j], "corr[\(i),\(j)]")
            expectClose(sp[i, j], f.matrix.spearman[i][j], "spearman[\(i),\(j)]")
        }
    }
    let colMeans = try Stats.columnwise(m) { try Stats.mean($0) }
    expectClose(colMeans[0], try Stats.mean(m.column(0)), "column mean")
}

@Test func mvNormalPdfAgreesWithSciPy() throws {
    let c = try load().mvnormal
    let d = try MvNormal(mean: c.mean, covariance: Matrix(rowArrays: c.cov))
    for (i, x) in c.points.enumerated() {
        expectClose(try d.pdf(x), c.pdf[i], "pdf \(x)")
        expectClose(try d.pdf(x, log: true), c.logpdf[i], "logpdf \(x)")
    }
}

@Test func mvNormalValidatesAndSamplesWithTheRightMoments() throws {
    #expect(throws: ProbabilityError.self) { try MvNormal(mean: [0, 0], covariance: Matrix(rowArrays: [[1, 2], [2, 1]])) }
    #expect(throws: ProbabilityError.self) { try MvNormal(mean: [0, 0], covariance: Matrix(rowArrays: [[1, 0.5], [0.4, 1]])) }
    #expect(throws: ProbabilityError.self) { try MvNormal(mean: [0], covariance: Matrix(rowArrays: [[1, 0], [0, 1]])) }
    let sigma = Matrix(rowArrays: [[2, 0.6], [0.6, 1]])
    let d = try MvNormal(mean: [1, -1], covariance: sigma)
    let n = 20_000
    let s = try d.sample(n, using: RandomState(seed: 123))
    let cov = try Stats.covariance(s)
    // Standard errors at n = 20,000 are ≈ 0.01–0.02; allow 5 of them.
    #expect(abs(try Stats.mean(s.column(0)) - 1) < 0.05)
    #expect(abs(try Stats.mean(s.column(1)) + 1) < 0.05)
    #expect(abs(cov[0, 0] - 2) < 0.1 && abs(cov[1, 1] - 1) < 0.05 && abs(cov[0, 1] - 0.6) < 0.05)
    // Kolmogorov–Smirnov on the projection a·X ~ Normal(a·μ, √(aᵀΣa)) with a = (1, 2).
    let proj = (0..<n).map { s[$0, 0] + 2 * s[$0, 1] }
    let target = try Distribution.normal(1 - 2, (2 + 4 * 0.6 + 4 * 1.0).squareRoot())
    #expect(ksStatistic(proj, target) < 1.63 / Double(n).squareRoot())  // 1% critical value
}

/// The Kolmogorov–Smirnov distance between the empirical cdf of the data and a distribution.
func ksStatistic(_ x: [Double], _ d: Distribution) -> Double {
    let s = x.sorted()
    let n = Double(s.count)
    var dmax = 0.0
    for (i, v) in s.enumerated() {
        let f = d.cdf(v)
        dmax = max(dmax, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return dmax
}

@Test func descriptiveErrorsAreClear() {
    #expect(throws: ProbabilityError.self) { try Stats.mean([]) }
    #expect(throws: ProbabilityError.self) { try Stats.variance([1]) }
    #expect(throws: ProbabilityError.self) { try Stats.median([1, .nan]) }
    #expect(throws: ProbabilityError.self) { try Stats.quantile([1, 2], 1.2) }
    #expect(throws: ProbabilityError.self) { try Stats.correlation([1, 1, 1], [1, 2, 3]) }
    #expect(throws: ProbabilityError.self) { try Stats.covariance([1, 2], [1, 2, 3]) }
    #expect(throws: ProbabilityError.self) { try Stats.zscore([2, 2, 2]) }
}

@Test func varianceKeepsPrecisionWithALargeMean() throws {
    // Exact: values 1e9 + {1, 2, 3, 4} have sample variance 5/3.
    let x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]
    #expect(abs(try Stats.variance(x) - 5.0 / 3.0) < 1e-9)
}
