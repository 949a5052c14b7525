// An optimizer's result as the record MML shows: x, value, steps, converged, diverged, message,
// path (one row per iterate), values, grad_norm, and f (the function, for plot_path).

extension OptimizationResult {
    /// The fields of the record gd, newton and minimize return (`record` builds it).
    static let fields: [ResultField] = [
        ResultField("x", "the point found (a number when x0 is a number)"),
        ResultField("value", "f(x) at the point found (for newton's root finding, f(x) itself)"),
        ResultField("steps", "how many updates were made"),
        ResultField("converged", "true when the stopping test was met (|∇f| ≤ tol; |f(x)| ≤ tol for newton's root finding)"),
        ResultField("diverged", "true when x or f(x) became inf or nan, or f kept growing"),
        ResultField("message", "why it stopped, in words"),
        ResultField("path", "every iterate, one row each, x0 first"),
        ResultField("values", "f along the path"),
        ResultField("grad_norm", "|∇f| along the path (|f′| or ‖J‖ for newton's root finding)"),
        ResultField("f", "the function, for plot_path"),
    ]

    /// The result as an MML record. `scalar` gives x (and path rows) as numbers for a start
    /// point that was a single number.
    func record(scalar: Bool, function: Function) -> Value {
        let n = x.count
        let xValue: Value = scalar && n == 1 ? .number(x[0]) : .matrix(Matrix(column: x))
        let valueField: Value = residual.map { .matrix(Matrix(column: $0)) } ?? .number(value)
        let fields: [(String, Value)] = [
            ("x", xValue),
            ("value", valueField),
            ("steps", .number(Double(steps))),
            ("converged", .bool(converged)),
            ("diverged", .bool(diverged)),
            ("message", .string(message)),
            ("path", .matrix(Matrix(rows: pathCount, cols: n, data: pathColumns))),
            ("values", .matrix(Matrix(column: values))),
            ("grad_norm", .matrix(Matrix(column: gradientNorms))),
            ("f", .function(function)),
        ]
        return .record(Record(fields, title: "\(method.rawValue) result"))
    }
}

/// Warnings after a run: divergence, stalls and (unless `quietAtStepLimit`, for gd, where a step
/// budget is often the point of the exercise) running out of steps, each with its hint; and
/// cautions about what was found (a maximum or saddle instead of a minimum).
func reportOutcome(_ result: OptimizationResult, caller: String, quietAtStepLimit: Bool = false, ip: Interpreter, at span: SourceSpan) {
    switch result.stop {
    case .maxSteps where quietAtStepLimit:
        break
    case .diverged, .maxSteps, .stalled:
        ip.warn("\(caller): \(result.message)", at: span, hint: result.hint)
    case .converged:
        if let caution = result.caution { ip.warn("\(caller): \(caution)", at: span) }
    }
}
