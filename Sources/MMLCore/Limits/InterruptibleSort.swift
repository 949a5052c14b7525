// Sorting that Ctrl-C and --timeout can end: runs of `StopToken.chunk` elements sorted by the
// standard library, then merged pairwise with a stop check every chunk of merged elements.
// It is as fast as one standard-library sort (both are O(n log n) merges of runs), and stable.

enum InterruptibleSort {
    /// `items` sorted by `less` (stable), throwing `StopRequested` when asked to stop.
    static func sorted<T>(_ items: [T], by less: (T, T) throws -> Bool) throws -> [T] {
        let n = items.count, run = StopToken.chunk
        if n <= run { return try items.sorted(by: less) }
        try LinAlgLimits.reserve(n, stride: MemoryLayout<T>.stride)  // the merge buffer
        var source = items
        var start = 0
        while start < n {
            let end = min(n, start + run)
            try source[start..<end].sort(by: less)
            try StopToken.check()
            start = end
        }
        var target = source
        var width = run
        while width < n {
            try source.withUnsafeBufferPointer { from in
                try target.withUnsafeMutableBufferPointer { to in
                    var poll = StopPoll()
                    var low = 0
                    while low < n {
                        let middle = min(n, low + width), high = min(n, low + 2 * width)
                        var i = low, j = middle, k = low
                        while i < middle && j < high {
                            // Ties take the left run's element first: the merge is stable.
                            if try less(from[j], from[i]) { to[k] = from[j]; j += 1 } else { to[k] = from[i]; i += 1 }
                            k += 1
                            if k & (run - 1) == 0 { try poll.advance(run) }
                        }
                        while i < middle { to[k] = from[i]; i += 1; k += 1 }
                        while j < high { to[k] = from[j]; j += 1; k += 1 }
                        low = high
                    }
                }
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }

    /// Numbers in ascending (or descending) order, NaN last either way (it has no place in
    /// the order).
    static func ascending(_ x: [Double], descending: Bool = false) throws -> [Double] {
        let (numbers, nans) = try split(x) { !$0.isNaN }
        var out = try descending ? sorted(numbers, by: >) : sorted(numbers, by: <)
        out.append(contentsOf: nans)
        return out
    }

    /// The items that `keep` accepts and those it does not, each in their order, checking for
    /// a stop every chunk: the pass that sets aside what cannot be ordered (NaN, missing
    /// cells) before a sort is as long as the input, so it must stop as promptly as the sort.
    static func split<C: Collection>(_ items: C, _ keep: (C.Element) -> Bool) throws -> (kept: [C.Element], rest: [C.Element]) {
        var kept: [C.Element] = [], rest: [C.Element] = []
        kept.reserveCapacity(items.count)
        var start = items.startIndex
        while start != items.endIndex {
            let end = items.index(start, offsetBy: StopToken.chunk, limitedBy: items.endIndex) ?? items.endIndex
            for item in items[start..<end] {
                if keep(item) { kept.append(item) } else { rest.append(item) }
            }
            try StopToken.check()
            start = end
        }
        return (kept, rest)
    }
}
