// Seeded data sets for exercises: make_blobs (clusters for classification) and make_regression
// (a noisy linear relation), drawn as scikit-learn draws them.

extension Builtins {
    static let dataGenerators: [Builtin] = [
        Builtin("make_blobs", [.req("n"), .opt("centers", "3"), .key("features", "2"), .key("std", "1"), .key("box", "[-10, 10]"), .key("seed", "session")],
                area: .optimization, summary: "Points in normal clusters for classification exercises: X (one point per row) and labels y",
                help: "X, y = make_blobs(n, centers) draws n points around `centers` cluster centres (a count, placed uniformly at random in the box, or a matrix with one centre per row), each coordinate normal with standard deviation std (one value, or one per centre); y gives each point's cluster, numbered 0, 1, …. The rows come shuffled. seed=s makes the data reproducible without touching the session's generator; the numbers equal scikit-learn's make_blobs(n, n_features, centers, cluster_std, center_box, random_state=s).",
                examples: [BuiltinExample("X, y = make_blobs(6, 2, seed=0); size(X)", "[6, 2]"),
                           BuiltinExample("X, y = make_blobs(4, [0, 0; 5, 5], std=0, seed=1); sum(y)", "2")],
                result: .fields([ResultField("X", "the points, one per row"), ResultField("labels", "each point's cluster, numbered from 0")]),
                body: .general { args in
            let centers: BlobCenters
            let features = try args.int("features", default: 2, in: 1...1000)
            if let c = args.optional("centers"), case .matrix(let m) = c, m.count > 1 {
                centers = .given(m.isRow ? m : m.isVector ? m.transposed : m)
            } else {
                centers = .random(count: try args.int("centers", default: 3, in: 1...1000), features: features)
            }
            let std = try args.has("std") ? args.dataVector("std") : [1]
            var box = (-10.0, 10.0)
            if args.has("box") {
                let b = try args.dataVector("box")
                guard b.count == 2 else { throw args.error("make_blobs: box must be [low, high]", at: "box") }
                box = (b[0], b[1])
            }
            let random = try args.generator()
            let n = try args.int("n", in: 1...DataGenerators.maxSamples)
            let blobs = try DataGenerators.makeBlobs(samples: n, centers: centers, std: std, box: box, random: random)
            return .record(Record(tuple: ["X", "labels"], [.matrix(blobs.X), .matrix(Matrix(column: blobs.labels))]))
        }),
        Builtin("make_regression", [.req("n"), .key("features", "1"), .key("noise", "0"), .key("bias", "0"), .key("informative", "10"), .key("coef", "false"), .key("seed", "session")],
                area: .optimization, summary: "A linear-regression data set y = X·w + bias + noise: returns X, y (and the true w with coef=true)",
                help: "X, y = make_regression(n, features=d, noise=σ) draws X (n×d) standard normal, true weights w with the first `informative` of them 100·U(0, 1) and the rest 0, and y = X·w + bias + N(0, σ²); samples and features come shuffled. coef=true returns X, y, w. seed=s makes the data reproducible without touching the session's generator; the numbers equal scikit-learn's make_regression(n, d, n_informative, noise=σ, bias, random_state=s).",
                examples: [BuiltinExample("X, y = make_regression(5, seed=1); size(X)", "[5, 1]"),
                           BuiltinExample("X, y, w = make_regression(20, features=3, informative=2, coef=true, seed=0); sum(w == 0)", "1")],
                result: .fields([ResultField("X", "the inputs, n×d standard normal"), ResultField("y", "X·w + bias + noise"),
                                 ResultField("w", "the true weights", only: "with coef=true")]),
                body: .general { args in
            let n = try args.int("n", in: 1...DataGenerators.maxSamples)
            let d = try args.int("features", default: 1, in: 1...1000)
            let informative = try args.int("informative", default: 10, in: 0...1000)
            let noise = try args.number("noise", default: 0)
            let bias = try args.number("bias", default: 0)
            let random = try args.generator()
            let data = try DataGenerators.makeRegression(samples: n, features: d, informative: informative, noise: noise, bias: bias, random: random)
            var out: [Value] = [.matrix(data.X), .matrix(Matrix(column: data.y))]
            var names = ["X", "y"]
            if try args.bool("coef", default: false) {
                out.append(.matrix(Matrix(column: data.coef)))
                names.append("w")
            }
            return .record(Record(tuple: names, out))
        }),
    ]
}

extension Arguments {
    /// A fresh generator seeded with `seed=` (like scikit-learn's random_state), or the session's.
    func generator() throws -> RandomState {
        guard has("seed") else { return interpreter.random }
        let s = try int("seed", in: 0...Int(UInt32.max))
        return RandomState(seed: UInt32(s))
    }
}
