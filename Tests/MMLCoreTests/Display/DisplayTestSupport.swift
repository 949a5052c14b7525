// Short names the display tests use for the text of the layouts the value printer shows.
import Numerics
@testable import MMLCore

/// `m` as the value printer lays it out: `displayMatrix(m, options:).text`.
func formatMatrix(_ m: Matrix, options: DisplayOptions = DisplayOptions()) -> String {
    displayMatrix(m, options: options).text
}

/// The complex matrix `real + i·imaginary` as the value printer lays it out.
func formatComplexMatrix(real: Matrix, imaginary: Matrix, options: DisplayOptions = DisplayOptions()) -> String {
    displayComplexMatrix(real: real, imaginary: imaginary, options: options).text
}

/// `z` as `a + bi` with both parts in `style` (as in a complex matrix cell).
func formatComplex(_ z: Complex<Double>, style: FormatStyle) -> String {
    complexText(z, style: style, rationalFallback: .short)
}
