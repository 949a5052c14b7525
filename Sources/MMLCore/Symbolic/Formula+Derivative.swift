// Differentiation: each node kind owns its rule; functions supply d/du from their builtin's facet; the
// chain rule is applied in exactly one place (`chain`).

extension Formula {
    /// The highest derivative order `derivative(_:order:)` accepts (formulas grow quickly).
    public static let maximumDerivativeOrder = 64

    /// ∂/∂`variable` of this formula, simplified unless `simplify` is false.
    public func derivative(_ variable: String, simplify: Bool = true) throws -> Formula {
        let d = try differentiate(variable, nil)
        guard simplify else { return d }
        let simple = d.simplified()
        try StopToken.check()  // simplifying stops short when asked to stop
        return simple
    }

    /// The `order`-th derivative with respect to `variable` (order 0 is the formula itself).
    public func derivative(_ variable: String, order: Int, simplify: Bool = true) throws -> Formula {
        guard order >= 0, order <= Formula.maximumDerivativeOrder else {
            throw SymbolicError("the order of a derivative must be between 0 and \(Formula.maximumDerivativeOrder), not \(order)")
        }
        var e = self
        for _ in 0..<order {
            e = try e.differentiate(variable, nil)
            if simplify { e = e.simplified() }
            try StopToken.check()
        }
        return e
    }

    /// The gradient: one partial derivative per variable, in the given order.
    public func gradient(_ variables: [String], simplify: Bool = true) throws -> [Formula] {
        try variables.map { try derivative($0, simplify: simplify) }
    }

    /// The Hessian: second partial derivatives, `H[i][j] = ∂²f/∂vᵢ∂vⱼ`.
    public func hessian(_ variables: [String], simplify: Bool = true) throws -> [[Formula]] {
        let g = try gradient(variables, simplify: simplify)
        return try g.map { try $0.gradient(variables, simplify: simplify) }
    }

    /// The Jacobian of a vector of formulas: `J[i][j] = ∂Fᵢ/∂vⱼ`.
    public static func jacobian(_ components: [Formula], _ variables: [String], simplify: Bool = true) throws -> [[Formula]] {
        try components.map { try $0.gradient(variables, simplify: simplify) }
    }

    /// The derivative with its derivation, rule by rule.
    public func derivation(_ variable: String) throws -> Derivation {
        let recorder = StepRecorder()
        let raw = try differentiate(variable, recorder)
        return Derivation(variable: variable, function: self, steps: recorder.steps.compactMap { $0 },
                          result: raw, simplified: try derivative(variable))
    }

    // MARK: - Rules

    func differentiate(_ v: String, _ rec: StepRecorder?) throws -> Formula {
        try DepthGuard.check()
        switch self {
        case .number, .constant, .data:
            rec?.leaf(self, .constant)
            return .zero
        case .variable(let name):
            rec?.leaf(self, name == v ? .variable : .constant)
            return name == v ? .one : .zero
        case .vectorVariable(let name):
            if name == v {
                throw SymbolicError("`\(name)` is a vector parameter; differentiate with respect to it with grad",
                                    hint: "grad gives the vector of partial derivatives")
            }
            rec?.leaf(self, .constant)
            return .zero
        case .sum(let terms):
            let slot = rec?.open(self, .sum)
            let d = Formula.add(try terms.map { try $0.differentiate(v, rec) })
            rec?.close(slot, d)
            return d
        case .product(let factors):
            return try differentiateProduct(factors, v, rec)
        case .power(let base, let exponent):
            return try differentiatePower(base, exponent, v, rec)
        case .call(let name, let args):
            return try chain(name, args, v, rec)
        case .matrixProduct(let a, let b):
            let slot = rec?.open(self, .product)
            let d = Formula.add([Formula.matmul(try a.differentiate(v, rec), b), Formula.matmul(a, try b.differentiate(v, rec))])
            rec?.close(slot, d)
            return d
        }
    }

    private func differentiateProduct(_ factors: [Formula], _ v: String, _ rec: StepRecorder?) throws -> Formula {
        try StopToken.check()  // products are where derivatives grow
        let constant = factors.filter { !$0.contains(variable: v) }
        let varying = factors.filter { $0.contains(variable: v) }
        if varying.isEmpty {
            rec?.leaf(self, .constant)
            return .zero
        }
        if !constant.isEmpty {
            // (c·g)' = c·g'
            let slot = rec?.open(self, .constantMultiple)
            let d = Formula.mul(constant + [try Formula.mul(varying).differentiate(v, rec)])
            rec?.close(slot, d)
            return d
        }
        var numerator: [Formula] = [], denominator: [Formula] = []
        for f in varying {
            if case .power(let b, let e) = f, let n = e.numberValue, n.isNegative {
                denominator.append(Formula.pow(b, .number(-n)))
            } else {
                numerator.append(f)
            }
        }
        // The quotient rule is what a learner expects to see in a derivation; without a
        // derivation the product rule over negative powers gives the same derivative in a form
        // that stays smaller under repeated differentiation (as SymPy does).
        if rec != nil && !numerator.isEmpty && !denominator.isEmpty {
            // (n/d)' = (n'·d − n·d')/d²
            let slot = rec?.open(self, .quotient)
            let n = Formula.mul(numerator), d = Formula.mul(denominator)
            let dn = try n.differentiate(v, rec), dd = try d.differentiate(v, rec)
            let r = Formula.div(Formula.sub(Formula.mul([dn, d]), Formula.mul([n, dd])), Formula.pow(d, .int(2)))
            rec?.close(slot, r)
            return r
        }
        // (f·g·h)' = f'·g·h + f·g'·h + f·g·h'
        let slot = rec?.open(self, .product)
        var terms: [Formula] = []
        for i in varying.indices {
            let di = try varying[i].differentiate(v, rec)
            var fs = varying
            fs[i] = di
            terms.append(Formula.mul(fs))
        }
        let d = Formula.add(terms)
        rec?.close(slot, d)
        return d
    }

    private func differentiatePower(_ base: Formula, _ exponent: Formula, _ v: String, _ rec: StepRecorder?) throws -> Formula {
        let baseVaries = base.contains(variable: v), exponentVaries = exponent.contains(variable: v)
        switch (baseVaries, exponentVaries) {
        case (false, false):
            rec?.leaf(self, .constant)
            return .zero
        case (true, false):
            // (uⁿ)' = n·uⁿ⁻¹·u'
            let simple = base == .variable(v)
            let slot = rec?.open(self, simple ? .power : .chainPower, inner: simple ? nil : base)
            let du = try base.differentiate(v, rec)
            let d = Formula.mul([exponent, Formula.pow(base, Formula.sub(exponent, .one)), du])
            rec?.close(slot, d)
            return d
        case (false, true):
            // (aᵘ)' = aᵘ·ln(a)·u'
            let slot = rec?.open(self, .exponential, inner: exponent)
            let du = try exponent.differentiate(v, rec)
            let d = Formula.mul([self, Formula.apply("log", [base]), du])
            rec?.close(slot, d)
            return d
        case (true, true):
            // (uᵛ)' = uᵛ·(v'·ln(u) + v·u'/u)
            let slot = rec?.open(self, .generalPower)
            let du = try base.differentiate(v, rec), dv = try exponent.differentiate(v, rec)
            let d = Formula.mul([self, Formula.add([Formula.mul([dv, Formula.apply("log", [base])]),
                                             Formula.mul([exponent, du, Formula.pow(base, .minusOne)])])])
            rec?.close(slot, d)
            return d
        }
    }

    /// The chain rule, the only place it is applied: d f(u₁,…) = Σ ∂f/∂uᵢ · duᵢ.
    private func chain(_ name: String, _ args: [Formula], _ v: String, _ rec: StepRecorder?) throws -> Formula {
        guard let function = SymbolicFunctions.table[name] else { throw SymbolicError.noDerivativeRule(name) }
        guard function.arity.contains(args.count) else { throw SymbolicError.wrongArity(name, args.count, function.arity) }
        if !args.contains(where: { $0.contains(variable: v) }) {
            rec?.leaf(self, .constant)
            return .zero
        }
        let direct = args.count == 1 && args[0] == .variable(v)
        let kind: StepRule
        switch function.derivative {
        case .directional: kind = .linear
        default: kind = direct ? .function : .chain
        }
        let slot = rec?.open(self, kind, outer: name, inner: args.count == 1 ? args[0] : nil)
        let dargs = try args.map { try $0.differentiate(v, rec) }
        let result: Formula
        switch function.derivative {
        case .directional(let rule, _):
            result = rule(args, dargs)
        case .zeroAlmostEverywhere:
            result = .zero
        case .derivative(let rule):
            result = Formula.mul([rule(args[0]), dargs[0]])
        case .partials(let rule):
            let partials = rule(args)
            result = Formula.add(zip(partials, dargs).compactMap { p, du in du.isZero ? nil : Formula.mul([p, du]) })
        }
        rec?.close(slot, result)
        return result
    }
}
