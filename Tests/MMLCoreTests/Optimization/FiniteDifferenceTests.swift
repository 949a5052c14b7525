// Numeric derivatives against exact ones (calculus by hand), including near a domain edge.
import Foundation
import MMLCore
import Testing

@Suite("Optimization finite differences") struct FiniteDifferenceTests {
    @Test(arguments: [-2.0, -0.3, 0, 0.7, 3, 40])
    func derivativeOfSmoothFunctionsHasTenDigits(_ x: Double) {
        #expect(abs(FiniteDifferences.derivative({ sin($0) }, at: x) - cos(x)) <= 1e-10)
        #expect(abs(FiniteDifferences.derivative({ exp($0 / 10) }, at: x) - exp(x / 10) / 10) <= 1e-10 * exp(x / 10))
        // Polynomials of degree ≤ 4 are differentiated exactly by the five-point stencil (up to rounding).
        let p = FiniteDifferences.derivative({ $0 * $0 * $0 * $0 - 3 * $0 }, at: x)
        #expect(abs(p - (4 * x * x * x - 3)) <= 1e-9 * max(1, abs(4 * x * x * x)))
    }

    @Test func derivativeNearTheEdgeOfTheDomainShrinksTheStep() {
        // log is undefined below 0; at x = 1e-4 the default stencil would reach negative x.
        let d = FiniteDifferences.derivative({ log($0) }, at: 1e-4)
        #expect(abs(d - 1e4) <= 1e-6 * 1e4)
        // Right at the edge a one-sided formula is used; it is exact for a quadratic.
        #expect(abs(FiniteDifferences.derivative({ $0 < 0 ? .nan : $0 * $0 + $0 }, at: 0) - 1) <= 1e-9)
        #expect(abs(FiniteDifferences.derivative({ $0 > 2 ? .nan : $0 * $0 }, at: 2) - 4) <= 1e-9)
        // Where no stencil gives finite values the derivative is nan, not a made-up number.
        #expect(FiniteDifferences.derivative({ _ in Double.nan }, at: 1).isNaN)
    }

    @Test func gradientJacobianAndHessianOfKnownFunctions() {
        // f(x, y) = x²y + e^y: ∇f = (2xy, x² + e^y), H = [2y, 2x; 2x, e^y].
        let f: ([Double]) -> Double = { $0[0] * $0[0] * $0[1] + exp($0[1]) }
        let x = [1.5, -0.5]
        let g = FiniteDifferences.gradient(f, at: x)
        #expect(abs(g[0] - 2 * 1.5 * -0.5) <= 1e-10 && abs(g[1] - (2.25 + exp(-0.5))) <= 1e-10)
        let H = FiniteDifferences.hessian(f, at: x)
        let exact = [[-1.0, 3.0], [3.0, exp(-0.5)]]
        for i in 0..<2 { for j in 0..<2 { #expect(abs(H[i, j] - exact[i][j]) <= 1e-7) } }
        let Hg = FiniteDifferences.hessian(gradient: { [2 * $0[0] * $0[1], $0[0] * $0[0] + exp($0[1])] }, at: x)
        for i in 0..<2 { for j in 0..<2 { #expect(abs(Hg[i, j] - exact[i][j]) <= 1e-9) } }
        // F(x, y) = (xy, x + sin y): J = [y, x; 1, cos y].
        let J = FiniteDifferences.jacobian({ [$0[0] * $0[1], $0[0] + sin($0[1])] }, at: x, outputs: 2)
        let exactJ = [[-0.5, 1.5], [1.0, cos(-0.5)]]
        for i in 0..<2 { for j in 0..<2 { #expect(abs(J[i, j] - exactJ[i][j]) <= 1e-10) } }
    }
}
