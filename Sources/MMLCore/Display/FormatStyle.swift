// The display modes a learner switches with `format("short" | "long" | "rat")`, and the size limits of printed values.

/// How many digits a printed number shows.
///
/// - `short`: at most 6 significant digits (`3.14159`), the default for matrices.
/// - `long`: the shortest decimal that reads back to the same Double (`0.30000000000000004`).
/// - `rational`: small rationals exactly (`1/3`, `-5/2`); anything else falls back to `short`
///   (or to `long` for a standalone scalar, see `formatScalar`).
public enum FormatStyle: String, Sendable, CaseIterable, Equatable {
    case short, long, rational

    /// The style named by `format(name)`: "short", "long", "rat" or "rational"; nil otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case "short": self = .short
        case "long": self = .long
        case "rat", "rational": self = .rational
        default: return nil
        }
    }

    /// Significant digits of the short style.
    public static let shortSignificantDigits = 6
}

/// The style and the size limits used when a vector or matrix is printed.
public struct DisplayOptions: Sendable, Equatable {
    /// Digits of each element.
    public var style: FormatStyle
    /// Width budget of a line in characters (a terminal column each; `…`, `⋮`, `⋱` count one).
    public var width: Int
    /// More rows than this are elided to the first and last `maxRows / 2` around a `⋮` row.
    public var maxRows: Int
    /// At most this many columns are shown (half from each end), fewer when `width` says so.
    public var maxColumns: Int
    /// A vector with more elements than this shows its first and last few around `…`.
    public var maxElements: Int

    public init(style: FormatStyle = .short, width: Int = 80, maxRows: Int = 20,
                maxColumns: Int = 20, maxElements: Int = 20) {
        self.style = style
        self.width = width
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxElements = maxElements
    }
}
