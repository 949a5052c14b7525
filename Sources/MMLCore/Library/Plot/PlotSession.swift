// Per-session plot state: the last figure (for savefig), a figure held open for layering,
// the terminal size and colour, and the --plots folder every figure is also saved to.
import Glibc

/// Plot settings and memory of one interpreter session (kept in `ip.domainState`).
public final class PlotSession {
    /// When set (by `mml --plots DIR`), every finished figure is also written as DIR/figN.svg,
    /// numbered after the highest figN.svg already there so an earlier run is not overwritten.
    public var directory: String?
    /// N of the first figure this session writes to `directory` (found on the first write).
    var firstFileNumber: Int?
    /// Draw with ANSI colours (the front end sets this on a colour terminal; never with NO_COLOR).
    public var color = false
    /// Rows of the terminal plot area (the text is a few lines taller: title, axis, legend).
    public var height = 16
    /// Size of saved SVG files in pixels.
    public var svgSize = (width: 800, height: 500)
    /// The most recent figure, finished or held: what savefig writes.
    public internal(set) var lastFigure: Figure?
    /// A figure drawn with hold=true, waiting for more layers.
    var held: Figure?
    /// Finished figures so far (N in figN.svg).
    public internal(set) var figureCount = 0

    public init() {}

    /// One more than the highest N of the figN.svg files in `directory` (1 when there are none).
    static func nextFigureNumber(in directory: String) -> Int {
        let numbers = FileAccess.listDirectory(directory).compactMap { entry -> Int? in
            guard !entry.isDirectory, entry.name.hasPrefix("fig"), entry.name.hasSuffix(".svg") else { return nil }
            return Int(entry.name.dropFirst(3).dropLast(4))
        }
        return (numbers.max() ?? 0) + 1
    }
}

extension Interpreter {
    /// This session's plot state (created on first use).
    public var plots: PlotSession {
        let key = ObjectIdentifier(PlotSession.self)
        if let session = domainState[key] as? PlotSession { return session }
        let session = PlotSession()
        domainState[key] = session
        return session
    }

    /// Shows a new figure: layered onto a held one, printed in terminal form (unless held
    /// again), remembered for savefig, and written to the --plots folder when one is set.
    func present(_ figure: Figure, options: PlotCallOptions, at span: SourceSpan) throws -> Value {
        let session = plots
        var fig = figure
        if let held = session.held {
            fig = held
            fig.layers += figure.layers
            fig.title = figure.title ?? held.title
            fig.xlabel = figure.xlabel ?? held.xlabel
            fig.ylabel = figure.ylabel ?? held.ylabel
            fig.xlim = figure.xlim ?? held.xlim
            fig.ylim = figure.ylim ?? held.ylim
            fig.showLegend = figure.showLegend ?? held.showLegend
        }
        options.apply(to: &fig)
        session.lastFigure = fig
        if options.hold {
            session.held = fig
            return .nothing
        }
        session.held = nil
        session.figureCount += 1
        let width = max(30, self.options.width)
        // A blank line after the figure keeps what follows from touching its legend.
        emit(.figure(ShownFigure(figure: fig, terminal: TerminalPlotOptions(width: width, height: options.height ?? session.height, color: session.color))))
        if let directory = session.directory {
            let first = session.firstFileNumber ?? PlotSession.nextFigureNumber(in: directory)
            session.firstFileNumber = first
            try writeSVG(fig, to: directory + "/fig\(first + session.figureCount - 1).svg", at: span)
        }
        return .nothing
    }

    /// Writes the figure as SVG, atomically (a temporary file renamed over the target).
    func writeSVG(_ figure: Figure, to path: String, at span: SourceSpan) throws {
        let size = plots.svgSize
        do {
            try FileAccess.writeAtomically(figure.renderSVG(width: size.width, height: size.height), to: path)
        } catch {
            throw error.located(at: span)
        }
    }
}
