// pca's two routes — eigenvectors of XᵀX for tall, well-conditioned data, the SVD otherwise —
// give the same answer where the covariance route is taken, and the SVD route is taken where
// the covariance route would lose digits (checked against a matrix built from its exact SVD).
import Foundation
@testable import MMLCore
import Testing

@Suite("PCA routes") struct PCARouteTests {
    /// X minus its column means.
    private func centred(_ x: Matrix) -> Matrix {
        var c = x
        for j in 0..<x.cols {
            let mu = (0..<x.rows).reduce(0.0) { $0 + x[$1, j] } / Double(x.rows)
            for i in 0..<x.rows { c[i, j] -= mu }
        }
        return c
    }

    private func maxAbs(_ m: Matrix) -> Double { m.data.reduce(0) { Swift.max($0, abs($1)) } }

    private func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.data, b.data).reduce(0) { Swift.max($0, abs($1.0 - $1.1)) }
    }

    /// 3000 × 12 Gaussian data mixed by a fixed random matrix (plus 3·I, so it is well conditioned).
    private func tallRandomData() -> Matrix {
        var rng = SplitMix(state: 18)
        func gaussian() -> Double {
            let u = Double.random(in: Double.ulpOfOne..<1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let (n, d) = (3000, 12)
        var z = Matrix(rows: n, cols: d, data: (0..<(n * d)).map { _ in gaussian() })
        var mix = Matrix(rows: d, cols: d, data: (0..<(d * d)).map { _ in gaussian() })
        for j in 0..<d { mix[j, j] += 3 }
        z = (try? LAPACK.gemm(z, mix)) ?? z
        for i in 0..<n { for j in 0..<d { z[i, j] += Double(j) } }  // non-zero means
        return z
    }

    @Test(arguments: [3, 12])
    func tallRandomDataTakesTheCovarianceRouteAndAgreesWithTheSVD(keep: Int) throws {
        let x = tallRandomData()
        let c = centred(x)
        let svd = try LinAlg.pcaBySVD(c, keep: keep)
        let cov = try #require(try LinAlg.pcaByCovariance(c, keep: keep))
        for (a, b) in zip(cov.singularValues, svd.singularValues) {
            #expect(abs(a - b) <= 1e-11 * b)
        }
        #expect(maxDifference(cov.components, svd.components) <= 1e-9)
        #expect(maxDifference(cov.scores, svd.scores) <= 1e-9 * maxAbs(svd.scores))
        // pca itself takes this route: same axes, and explained ratios that match the SVD's.
        let p = try LinAlg.pca(x, k: keep)
        #expect(maxDifference(p.components, cov.components) <= 1e-12)
        #expect(maxDifference(p.scores, cov.scores) <= 1e-12 * maxAbs(cov.scores))
        let total = svd.singularValues.reduce(0) { $0 + $1 * $1 }
        for j in 0..<keep {
            let expected = svd.singularValues[j] * svd.singularValues[j] / total
            #expect(abs(p.explainedRatio[j] - expected) <= 1e-12 * expected)
        }
    }

    /// X = U·diag(σ)·Vᵀ with orthonormal, zero-mean U (cosines) and a rotation V, so its
    /// principal axes are known exactly: σ = 1, 10⁻², 10⁻⁷ (λ₃/λ₁ = 10⁻¹⁴).
    private let sigma = [1.0, 1e-2, 1e-7]
    private let rotation: Matrix = {
        let (a, b) = (0.7, 1.1)
        let rz = Matrix(rowArrays: [[cos(a), -sin(a), 0], [sin(a), cos(a), 0], [0, 0, 1]])
        let rx = Matrix(rowArrays: [[1, 0, 0], [0, cos(b), -sin(b)], [0, sin(b), cos(b)]])
        return (try? LAPACK.gemm(rz, rx)) ?? rz
    }()

    private func illConditioned() throws -> (x: Matrix, u: Matrix) {
        let n = 20000  // enough work (n·d²) for the covariance route to be considered
        var u = Matrix(rows: n, cols: 3, data: [Double](repeating: 0, count: n * 3))
        for j in 0..<3 {
            for i in 0..<n { u[i, j] = cos(Double.pi * Double(j + 1) * (Double(i) + 0.5) / Double(n)) * (2 / Double(n)).squareRoot() }
        }
        var us = u
        for j in 0..<3 { for i in 0..<n { us[i, j] *= sigma[j] } }
        return (try LAPACK.gemm(us, rotation, transposeB: true), u)
    }

    @Test func illConditionedDataTakesTheSVDRoute() throws {
        let (x, u) = try illConditioned()
        let c = centred(x)
        #expect(try LinAlg.pcaByCovariance(c, keep: 3) == nil)
        let p = try LinAlg.pca(x, k: 3)
        let svd = try LinAlg.pcaBySVD(c, keep: 3)
        #expect(maxDifference(p.components, svd.components) <= 1e-12)
        #expect(abs(p.singularValues[2] - svd.singularValues[2]) <= 1e-9 * sigma[2])
        // The exact answer: σ, V's columns under the sign convention, scores U·diag(σ) likewise.
        var v = rotation
        let signs = SignConvention.normalizeColumns(&v)
        for j in 0..<3 {
            #expect(abs(p.singularValues[j] - sigma[j]) <= 1e-7 * sigma[j])
            for i in 0..<3 { #expect(abs(p.components[i, j] - v[i, j]) <= 1e-8) }
            for i in 0..<x.rows { #expect(abs(p.scores[i, j] - signs[j] * sigma[j] * u[i, j]) <= 1e-12) }
        }
        // What the criterion prevents: forced through XᵀX, σ₃ loses most of its digits.
        let forced = try #require(try LinAlg.pcaByCovariance(c, keep: 3, minimumRatio: 0))
        #expect(abs(forced.singularValues[2] - sigma[2]) > 1e-5 * sigma[2])
    }

    @Test func keepingOnlyTheWellConditionedAxesTakesTheCovarianceRoute() throws {
        let (x, _) = try illConditioned()
        let c = centred(x)
        // λ₂/λ₁ = 10⁻⁴: within the route's bound, and the two kept values are right.
        let cov = try #require(try LinAlg.pcaByCovariance(c, keep: 2))
        let p = try LinAlg.pca(x, k: 2)
        #expect(maxDifference(p.components, cov.components) <= 1e-12)
        var v = rotation
        SignConvention.normalizeColumns(&v)
        for j in 0..<2 {
            #expect(abs(p.singularValues[j] - sigma[j]) <= 1e-10 * sigma[j])
            for i in 0..<3 { #expect(abs(p.components[i, j] - v[i, j]) <= 1e-10) }
        }
    }

    @Test func wideOrSquareDataTakesTheSVDRoute() throws {
        let x = Matrix(rows: 5, cols: 3, data: (1...15).map { sin(Double($0 * $0)) })
        #expect(try LinAlg.pcaByCovariance(centred(x), keep: 2) == nil)  // n < 2d
        // Tall but small (n·d² below the work the route pays off for): the SVD's answer.
        let small = Matrix(rows: 60, cols: 3, data: (1...180).map { sin(Double($0 * $0)) })
        #expect(try LinAlg.pcaByCovariance(centred(small), keep: 2) == nil)
    }
}
