// Builtins about truth: all, any, approx.

extension Builtins {
    static let logic: [Builtin] = [
        Builtin("all", [.req("x")], area: .logic, summary: "True when every element is true (nonzero)",
                help: "all(v > 0) is true when the condition holds for every element. Use it to turn an elementwise comparison into one true/false for `if`.",
                examples: [BuiltinExample("all([1, 2, 3] > 0)", "true"), BuiltinExample("all([1, -2] > 0)", "false")], body: .general { args in
            if case .bool(let b) = try args.value("x") { return .bool(b) }
            return .bool(try args.matrix("x").data.allSatisfy { $0 != 0 })
        }),
        Builtin("any", [.req("x")], area: .logic, summary: "True when at least one element is true (nonzero)",
                examples: [BuiltinExample("any([1, -2] < 0)", "true"), BuiltinExample("any([1, 2] < 0)", "false")], body: .general { args in
            if case .bool(let b) = try args.value("x") { return .bool(b) }
            return .bool(try args.matrix("x").data.contains { $0 != 0 })
        }),
        Builtin("approx", [.req("a"), .req("b"), .key("tol", "1e-9")], area: .logic, summary: "True when a and b agree within a tolerance",
                help: "approx(a, b) compares numbers, vectors or matrices of the same shape: each |aᵢ − bᵢ| must be at most tol·max(1, |bᵢ|). Use it instead of == for computed numbers: 0.1 + 0.2 == 0.3 is false, approx(0.1 + 0.2, 0.3) is true.",
                examples: [BuiltinExample("approx(0.1 + 0.2, 0.3)", "true"), BuiltinExample("approx([1, 2], [1, 2.1], tol=0.01)", "false")], body: .general { args in
            let tol = try args.number("tol", default: 1e-9)
            return .bool(Checking.agree(try args.value("a"), try args.value("b"), tol: tol) == nil)
        }),
    ]
}
