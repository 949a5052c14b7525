// Principal component analysis as builtins: pca returns a record, reconstruct maps scores back.

extension Builtins {
    static let pcaBuiltins: [Builtin] = [
        Builtin("pca", [.req("X"), .opt("k", "min(n, d)"), .key("scale", "false")], area: .linearAlgebra,
                summary: "Principal component analysis of data with observations as rows",
                help: "pca(X, k) finds the k directions along which the rows of X (n observations of d variables) vary most. It centres each column (and with scale=true also divides it by its standard deviation, for variables in different units), finds the directions from the SVD of the result (for large tall data, n ≥ 2d and n·d² ≥ 10⁵, from the eigenvectors of its covariance matrix instead — a quarter of the work — unless that would cost digits: when the smallest kept variance is below 10⁻⁶ of the largest, the SVD is used), and returns a record: components (d×k, one unit direction per column, largest entry positive — the eigenvectors of the covariance matrix), explained_variance (the variance along each, σ²/(n − 1) — the eigenvalues of cov(X)), explained_ratio (each one's share of the total variance), scores (n×k, the coordinates of each observation along the components), mean (the column means, a row), singular_values (of the centred data), and scale (the standard deviations, only with scale=true). reconstruct(p, p.scores) maps the scores back to the data.",
                examples: [BuiltinExample("p = pca([1, 2; 2, 4; 3, 6; 4, 8]); p.explained_ratio", "[1, 0]"),
                           BuiltinExample("p = pca([1, 2; 2, 4; 3, 6; 4, 8], 1); p.components", "[0.447214, 0.894427]")],
                result: .fields([
                    ResultField("components", "d×k, one unit direction per column (the eigenvectors of cov(X))"),
                    ResultField("explained_variance", "the variance along each component (the eigenvalues of cov(X))"),
                    ResultField("explained_ratio", "each component's share of the total variance"),
                    ResultField("scores", "n×k, the coordinates of each observation along the components"),
                    ResultField("mean", "the column means, a row"),
                    ResultField("singular_values", "the singular values of the centred data"),
                    ResultField("scale", "the column standard deviations, a row", only: "with scale=true"),
                ]),
                body: .general { args in
            let x = try args.matrix("X")
            let k: Int? = args.has("k") ? try args.int("k", in: 1...Int.max / 2) : nil
            let scale = try args.bool("scale", default: false)
            let p = try args.blaming("X") { try LinAlg.pca(x, k: k, scale: scale) }
            let d = x.cols, kept = p.components.cols
            var fields: [(String, Value)] = [
                ("components", .matrix(p.components)),
                ("explained_variance", LinAlgValues.column(p.explainedVariance)),
                ("explained_ratio", LinAlgValues.column(p.explainedRatio)),
                ("scores", .matrix(p.scores)),
                ("mean", .matrix(Matrix(rows: 1, cols: d, data: p.mean))),
                ("singular_values", LinAlgValues.column(p.singularValues)),
            ]
            if let s = p.scale { fields.append(("scale", .matrix(Matrix(rows: 1, cols: d, data: s)))) }
            let title = "PCA: \(kept) of \(d) component\(d == 1 ? "" : "s") for \(x.rows) observations"
                + (scale ? " (scaled)" : "")
            return .record(Record(fields, title: title))
        }),
        Builtin("reconstruct", [.req("p"), .opt("scores", "p.scores")], area: .linearAlgebra,
                summary: "Map PCA scores back to data space",
                help: "reconstruct(p, scores) is scores * p.components' (times p.scale when the PCA was scaled) plus p.mean: the points in the original variables that the scores stand for. With all components it gives back X; with fewer, the closest approximation of X that uses only k directions (the best rank-k fit). The scores default to p.scores.",
                examples: [BuiltinExample("X = [1, 2; 2, 4; 3, 7]; p = pca(X, 1); round(reconstruct(p) * 100) / 100",
                                          "  1.07  1.97\n  1.89  4.05\n  3.05  6.98")],
                body: .general { args in
            let p = try pcaFields(args)
            let scores = args.has("scores") ? try args.matrix("scores") : p.scores
            let k = p.components.cols
            guard scores.cols == k else {
                throw args.error("reconstruct: the scores have \(scores.cols) column\(scores.cols == 1 ? "" : "s") but the PCA kept \(k) component\(k == 1 ? "" : "s")",
                                 at: "scores", hint: "pass p.scores, or new scores with one column per component (n×\(k))")
            }
            return .matrix(try args.blaming(args.has("scores") ? "scores" : "p") { try LinAlg.reconstruct(p, scores: scores) })
        }),
    ]

    /// The parts of a `pca` record that reconstruct needs, checked for shape.
    private static func pcaFields(_ args: Arguments) throws -> PCAResult {
        let hint = "pass the record that pca(X, k) returned"
        guard case .record(let r) = try args.value("p") else {
            throw args.error("reconstruct: `p` must be the record returned by pca, not a \(try args.value("p").typeName)", at: "p", hint: hint)
        }
        func matrix(_ name: String) throws -> Matrix {
            guard let m = r[name]?.asMatrix else {
                throw args.error("reconstruct: the record has no numeric field `\(name)`", at: "p", hint: hint)
            }
            return m
        }
        let components = try matrix("components")
        let mean = try matrix("mean")
        let scores = try matrix("scores")
        let scale = r["scale"] == nil ? nil : try matrix("scale").data
        let d = components.rows
        guard mean.count == d, scale.map({ $0.count == d }) ?? true else {
            throw args.error("reconstruct: p.mean has \(mean.count) entries but p.components has \(d) rows", at: "p", hint: hint)
        }
        return PCAResult(components: components, explainedVariance: [], explainedRatio: [], scores: scores,
                         mean: mean.data, scale: scale, singularValues: [])
    }
}
