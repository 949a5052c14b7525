// Several numeric expressions over the same parameters (an optimizer's f and the entries of its
// gradient) flattened into one straight-line program over a register file, the subexpressions
// they have in common computed once.
//
// The tree walk of the numeric form costs a virtual call and an optional per node, and a frame
// per function; f and ∇f of a formula also repeat each other's work (Rosenbrock's f and its
// exact gradient share x², y − x², 1 − x). The program runs each distinct node once, in one loop
// over an array of small instructions. Every instruction computes exactly what its node
// computes, on the same operands in the same order, so the results are bit for bit those of
// the tree walk; only structurally identical subtrees share a register, and those compute the
// same bits. A node the program cannot hold (a call of a user function, a node added to the
// numeric form later) makes `init` fail, and the caller keeps the tree walk.

/// Straight-line code for a list of numeric expressions of `parameterCount` parameters.
final class StraightLineProgram {
    enum Opcode: UInt8 {
        case add, subtract, multiply, square, negate
        /// /, \ and the other powers, by `Arithmetic.arithmetic` (`aux` indexes `operators`).
        case arithmetic
        /// A one-value builtin (`aux` indexes `unaryBuiltins`).
        case unaryBuiltin
        /// A two-value builtin's scalar kernel (`aux` indexes `kernels`).
        case binaryKernel
    }

    /// One operation. Its result goes to register `firstTemporary + i` for the i-th instruction.
    struct Instruction {
        let opcode: Opcode
        let a: Int32, b: Int32
        let aux: Int32
    }

    let parameterCount: Int
    /// Registers: the parameters, then constants (set once), then globals (read at each run),
    /// then one per instruction.
    private let registers: UnsafeMutablePointer<Double>
    private let code: UnsafeMutableBufferPointer<Instruction>
    private let firstTemporary: Int
    /// Number globals: their register, slot and the constant a read gives while the slot is
    /// empty (`pi`), as `NumGlobal` reads them.
    private let globals: [(register: Int, slot: Int, fallback: Double?)]
    /// Slots of the builtins called, which no variable may shadow (as `NumUnaryBuiltin` checks).
    private let builtinSlots: [Int]
    private let operators: [BinaryOperator]
    private let unaryBuiltins: [(body: @Sendable (Value, SourceSpan, Interpreter) throws -> Value, span: SourceSpan)]
    private let kernels: [(Double, Double) -> Double]
    /// The register holding each output.
    private let outputs: [Int]
    /// For each output, how many instructions compute it and the outputs before it.
    let ends: [Int]

    /// The program computing `expressions` (each over parameter slots `0..<parameterCount`);
    /// nil when one of them holds a node the program has no instruction for.
    init?(_ expressions: [NumExpr], parameterCount: Int) {
        var builder = Builder(parameterCount: parameterCount)
        var results: [Builder.Operand] = [], ends: [Int] = []
        for e in expressions {
            guard let r = builder.flatten(e) else { return nil }
            results.append(r)
            ends.append(builder.code.count)
        }
        let firstTemporary = parameterCount + builder.constants.count + builder.globals.count
        self.parameterCount = parameterCount
        self.firstTemporary = firstTemporary
        outputs = results.map { Int(builder.index($0, firstTemporary: firstTemporary)) }
        self.ends = ends
        registers = .allocate(capacity: firstTemporary + builder.code.count)
        registers.initialize(repeating: 0, count: firstTemporary + builder.code.count)
        for (i, c) in builder.constants.enumerated() { registers[parameterCount + i] = c }
        code = .allocate(capacity: builder.code.count)
        _ = code.initialize(from: builder.code.map {
            Instruction(opcode: $0.opcode, a: builder.index($0.a, firstTemporary: firstTemporary),
                        b: builder.index($0.b, firstTemporary: firstTemporary), aux: Int32($0.aux))
        })
        let globalBase = parameterCount + builder.constants.count
        globals = builder.globals.enumerated().map { (globalBase + $0.offset, $0.element.slot, $0.element.fallback) }
        builtinSlots = builder.builtinSlots
        operators = builder.operators
        unaryBuiltins = builder.unaryBuiltins
        kernels = builder.kernels
    }

    deinit {
        registers.deallocate()
        code.deallocate()
    }

    /// Runs the first `count` instructions (`ends[k]` computes outputs 0…k) at the point `x`;
    /// false means bail, as the tree walk would: a global that is not a number, a shadowed
    /// builtin, a builtin whose result is not a number.
    func run(_ ip: Interpreter, _ x: [Double], count: Int) -> Bool {
        let r = registers
        for i in 0..<parameterCount {
            let v = x[i]
            // The tree walk reads this pattern as an unassigned local and bails.
            if v.bitPattern == unassignedNumber.bitPattern { return false }
            r[i] = v
        }
        for g in globals {
            if let v = ip.globals.number(at: g.slot) {
                r[g.register] = v
            } else if ip.globals.isEmpty(g.slot), let v = g.fallback {
                r[g.register] = v
            } else {
                return false
            }
        }
        for slot in builtinSlots where !ip.globals.isEmpty(slot) { return false }
        let t = r + firstTemporary
        for i in 0..<count {
            let ins = code[i]
            let (a, b) = (r[Int(ins.a)], r[Int(ins.b)])
            switch ins.opcode {
            case .add: t[i] = a + b
            case .subtract: t[i] = a - b
            case .multiply: t[i] = a * b
            case .square: t[i] = a * a
            case .negate: t[i] = -a
            case .arithmetic: t[i] = Arithmetic.arithmetic(operators[Int(ins.aux)], a, b)
            case .binaryKernel: t[i] = kernels[Int(ins.aux)](a, b)
            case .unaryBuiltin:
                let builtin = unaryBuiltins[Int(ins.aux)]
                guard case .number(let y)? = try? builtin.body(.number(a), builtin.span, ip) else { return false }
                t[i] = y
            }
        }
        return true
    }

    /// Output `k` after a run that computed it.
    func output(_ k: Int) -> Double { registers[outputs[k]] }

    /// Outputs `first…` after a run that computed them, into `out` (as many as it holds).
    @inline(__always)
    func copyOutputs(from first: Int, into out: UnsafeMutableBufferPointer<Double>) {
        outputs.withUnsafeBufferPointer { outputs in
            for i in 0..<out.count { out[i] = registers[outputs[first + i]] }
        }
    }

    /// How many operations a run of every output makes (each distinct subexpression once).
    var instructionCount: Int { code.count }

    /// Builds the program: a post-order walk of each expression that gives every distinct
    /// node one register.
    private struct Builder {
        /// What a register holds; equal keys compute equal bits.
        enum Key: Hashable {
            case constant(UInt64)
            case global(Int)
            case instruction(Opcode, Int, Int, Int)
        }

        let parameterCount: Int
        var constants: [Double] = []
        var globals: [(slot: Int, fallback: Double?)] = []
        /// Instructions whose operands are numbered before the register file is laid out.
        var code: [(opcode: Opcode, a: Operand, b: Operand, aux: Int)] = []
        var builtinSlots: [Int] = []
        var operators: [BinaryOperator] = []
        var unaryBuiltins: [(body: @Sendable (Value, SourceSpan, Interpreter) throws -> Value, span: SourceSpan)] = []
        var kernels: [(Double, Double) -> Double] = []
        private var registerOf: [Key: Operand] = [:]

        init(parameterCount: Int) { self.parameterCount = parameterCount }

        enum Operand: Hashable {
            case parameter(Int), constant(Int), global(Int), temporary(Int)

            var id: Int {
                switch self {
                case .parameter(let i): return i
                case .constant(let i): return 1 << 40 | i
                case .global(let i): return 2 << 40 | i
                case .temporary(let i): return 3 << 40 | i
                }
            }
        }

        /// Where a flattened expression's value will be; nil for a node it cannot hold.
        mutating func flatten(_ e: NumExpr) -> Operand? { flattenOperand(e) }

        /// The register of an operand once the file is laid out (constants, globals and
        /// temporaries are numbered among their own kind while building).
        func index(_ o: Operand, firstTemporary: Int) -> Int32 {
            switch o {
            case .parameter(let i): return Int32(i)
            case .constant(let i): return Int32(parameterCount + i)
            case .global(let i): return Int32(parameterCount + constants.count + i)
            case .temporary(let i): return Int32(firstTemporary + i)
            }
        }

        private mutating func flattenOperand(_ e: NumExpr) -> Operand? {
            guard DepthGuard.hasRoom else { return nil }
            switch e {
            case let c as NumConstant: return constant(c.constant)
            case let l as NumLocal: return l.slot < parameterCount ? .parameter(l.slot) : nil
            case let g as NumGlobal: return global(g.slot, g.fallback)
            case let n as NumNegate: return unary(.negate, n.operand)
            case let n as NumSquare: return unary(.square, n.base)
            case let n as NumAdd: return binary(.add, n.lhs, n.rhs)
            case let n as NumSubtract: return binary(.subtract, n.lhs, n.rhs)
            case let n as NumMultiply: return binary(.multiply, n.lhs, n.rhs)
            case let n as NumArithmetic:
                let aux = operators.firstIndex(of: n.op) ?? operators.count
                if aux == operators.count { operators.append(n.op) }
                return binary(.arithmetic, n.lhs, n.rhs, aux: aux)
            case let n as NumUnaryBuiltin:
                guard let a = flattenOperand(n.argument) else { return nil }
                if !builtinSlots.contains(n.slot) { builtinSlots.append(n.slot) }
                // The builtin in a slot is one function: its slot names it.
                let aux = unaryBuiltinSlots.firstIndex(of: n.slot) ?? unaryBuiltinSlots.count
                if aux == unaryBuiltinSlots.count {
                    unaryBuiltinSlots.append(n.slot)
                    unaryBuiltins.append((n.body, n.span))
                }
                return emit(.unaryBuiltin, a, a, aux: aux)
            case let n as NumBinaryKernel:
                guard let a = flattenOperand(n.first), let b = flattenOperand(n.second) else { return nil }
                if !builtinSlots.contains(n.slot) { builtinSlots.append(n.slot) }
                let aux = kernelSlots.firstIndex(of: n.slot) ?? kernelSlots.count
                if aux == kernelSlots.count {
                    kernelSlots.append(n.slot)
                    kernels.append(n.kernel)
                }
                return emit(.binaryKernel, a, b, aux: aux)
            default:
                return nil  // a call of a user function, or a node this program does not know
            }
        }

        private var unaryBuiltinSlots: [Int] = []
        private var kernelSlots: [Int] = []

        private mutating func operand(_ o: NumOperand) -> Operand? {
            switch o {
            case .constant(let c): return constant(c)
            case .local(let slot): return slot < parameterCount ? .parameter(slot) : nil
            case .node(let n): return flattenOperand(n)
            }
        }

        private mutating func constant(_ c: Double) -> Operand {
            let key = Key.constant(c.bitPattern)
            if let r = registerOf[key] { return r }
            let r = Operand.constant(constants.count)
            constants.append(c)
            registerOf[key] = r
            return r
        }

        private mutating func global(_ slot: Int, _ fallback: Double?) -> Operand {
            // A slot names one global, and the fallback is the constant of that name.
            let key = Key.global(slot)
            if let r = registerOf[key] { return r }
            let r = Operand.global(globals.count)
            globals.append((slot, fallback))
            registerOf[key] = r
            return r
        }

        private mutating func unary(_ opcode: Opcode, _ o: NumOperand) -> Operand? {
            guard let a = operand(o) else { return nil }
            return emit(opcode, a, a, aux: 0)
        }

        private mutating func unary(_ opcode: Opcode, _ e: NumExpr) -> Operand? {
            guard let a = flattenOperand(e) else { return nil }
            return emit(opcode, a, a, aux: 0)
        }

        private mutating func binary(_ opcode: Opcode, _ l: NumOperand, _ r: NumOperand, aux: Int = 0) -> Operand? {
            guard let a = operand(l), let b = operand(r) else { return nil }
            return emit(opcode, a, b, aux: aux)
        }

        /// The register of an instruction, shared with an identical one made before.
        private mutating func emit(_ opcode: Opcode, _ a: Operand, _ b: Operand, aux: Int) -> Operand {
            let key = Key.instruction(opcode, a.id, b.id, aux)
            if let r = registerOf[key] { return r }
            let r = Operand.temporary(code.count)
            code.append((opcode, a, b, aux))
            registerOf[key] = r
            return r
        }
    }
}
