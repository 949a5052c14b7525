// The registry of source texts that spans point into, shared by parser, evaluator and renderer.

/// Holds every source text seen in a session, so any span can be shown later.
public final class SourceMap: @unchecked Sendable {
    // Guarded by being used from the one interpreter thread at a time.
    private var sources: [Source] = []

    public init() {}

    /// Registers a text and returns its source.
    @discardableResult
    public func add(name: String, text: String) -> Source {
        let source = Source(id: SourceID(sources.count), name: name, text: text)
        sources.append(source)
        return source
    }

    public subscript(id: SourceID) -> Source? {
        id.rawValue >= 0 && id.rawValue < sources.count ? sources[id.rawValue] : nil
    }
}
