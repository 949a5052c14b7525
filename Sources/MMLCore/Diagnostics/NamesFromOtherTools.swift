// Names a learner brings from R, NumPy/SciPy, Octave or Python, and what MML calls the same
// thing. A misspelling hint would mislead here (`sd` is one letter from `gd`, `len` from
// `det`, `pnorm` from `norm`), so an unknown name found in this table is answered with its
// MML equivalent instead.

enum NamesFromOtherTools {
    /// The hint for `name`, when it is a well-known name of another tool.
    static func hint(for name: String) -> String? {
        if let known = table[name] { return known }
        if let distribution = rStyleDistributionHint(name) { return distribution }
        return nil
    }

    private static let noPrefix = "MML's functions need no module prefix: write mean(x), not np.mean(x)"

    static let table: [String: String] = [
        // Module prefixes.
        "np": noPrefix, "numpy": noPrefix, "math": noPrefix, "scipy": noPrefix, "stats": noPrefix,
        "plt": "MML's plots need no module prefix: write plot(x, y), scatter(x, y), hist(x)",
        // R.
        "sd": "R's sd(x) is std(x) in MML",
        "c": "R's c(1, 2, 3) is [1, 2, 3] in MML",
        "t": "R's t(A) is A' (or transpose(A)) in MML",
        "nrow": "R's nrow(A) is rows(A) in MML (nrows(t) for a table)",
        "ncol": "R's ncol(A) is cols(A) in MML (ncols(t) for a table)",
        "dim": "R's dim(A) is size(A) in MML",
        "rep": "R's rep(x, n) is repeat(x, n) in MML",
        "seq": "R's seq(a, b, by=s) is the range a:s:b in MML; seq(a, b, length.out=n) is linspace(a, b, n)",
        "summary": "R's summary(x) is describe(x) in MML",
        "cor": "R's cor(x, y) is corr(x, y) in MML",
        "uniroot": "R's uniroot(f, …) is newton(f, x0) in MML",
        "optim": "R's optim(x0, f) is minimize(f, x0) in MML",
        // NumPy, SciPy and Python.
        "len": "Python's len(x) is length(x) in MML (size(A) gives rows and columns)",
        "arange": "NumPy's arange(a, b, s) is the range a:s:b in MML (its end is included: 1:5 is 1, 2, 3, 4, 5)",
        "percentile": "NumPy's percentile(x, q) is quantile(x, q/100) in MML",
        "variance": "the variance of x is var(x) in MML",
        "stdev": "the standard deviation of x is std(x) in MML",
        "matmul": "a matrix product is A * B in MML (.* multiplies element by element)",
        "identity": "the n×n identity matrix is eye(n) in MML",
        "fsolve": "SciPy's fsolve(F, x0) is newton(F, x0) in MML",
        "quad": "SciPy's quad(f, a, b) is integrate(f, a, b) in MML",
        // Octave and MATLAB.
        "numel": "Octave's numel(A) is prod(size(A)) in MML",
        "disp": "Octave's disp(x) is print(x) in MML (show(x) prints `x = …`)",
        "printf": "to print text and numbers write print(\"x = \" + string(x)) in MML",
        "fprintf": "to print text and numbers write print(\"x = \" + string(x)) in MML",
        "sprintf": "to build text from numbers write \"x = \" + string(x) in MML",
        "integral": "Octave's integral(f, a, b) is integrate(f, a, b) in MML",
        "fzero": "Octave's fzero(f, x0) is newton(f, x0) in MML",
        "fminsearch": "Octave's fminsearch(f, x0) is minimize(f, x0) in MML",
        "fminunc": "Octave's fminunc(f, x0) is minimize(f, x0) in MML",
        "normpdf": "Octave's normpdf(x, μ, σ) is pdf(Normal(μ, σ), x) in MML",
        "normcdf": "Octave's normcdf(x, μ, σ) is cdf(Normal(μ, σ), x) in MML",
        "norminv": "Octave's norminv(p, μ, σ) is quantile(Normal(μ, σ), p) in MML",
        "binopdf": "Octave's binopdf(k, n, p) is pmf(Binomial(n, p), k) in MML",
        "binocdf": "Octave's binocdf(k, n, p) is cdf(Binomial(n, p), k) in MML",
    ]

    /// R's d/p/q/r functions of a distribution (`pnorm`, `dbinom`, `qt`, `rpois`, …).
    private static func rStyleDistributionHint(_ name: String) -> String? {
        guard let prefix = name.first, let use = rPrefixes[prefix],
              let family = rFamilies[String(name.dropFirst())] else { return nil }
        let (constructor, arguments) = family
        let call: String
        switch prefix {
        case "d": call = ["Binomial", "Poisson"].contains(constructor) ? "pmf(\(constructor)(\(arguments)), k)" : "pdf(\(constructor)(\(arguments)), x)"
        case "r": call = "sample(\(constructor)(\(arguments)), n)"
        default: call = "\(use)(\(constructor)(\(arguments)), \(prefix == "q" ? "p" : "x"))"
        }
        return "R's \(name) is \(call) in MML: a distribution is a value, asked for densities, probabilities, quantiles and samples"
    }

    static let rPrefixes: [Character: String] = ["d": "pdf", "p": "cdf", "q": "quantile", "r": "sample"]

    /// R's family names and the MML constructor with R's parameters. (R's geom counts
    /// failures where MML's Geometric counts trials, and `df` is too common a variable name
    /// to read as R's F density, so neither is here.)
    static let rFamilies: [String: (String, String)] = [
        "norm": ("Normal", "μ, σ"), "binom": ("Binomial", "n, p"), "pois": ("Poisson", "λ"),
        "unif": ("Uniform", "a, b"), "exp": ("Exponential", "λ"), "t": ("StudentT", "ν"),
        "chisq": ("ChiSquared", "k"), "beta": ("Beta", "α, β"), "gamma": ("Gamma", "k, rate=r"),
    ]
}
