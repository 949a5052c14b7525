// Runs work on a thread with a large stack, so deep recursion in user programs ends in
// "recursion too deep" rather than a stack overflow.
#if canImport(Glibc)
import Glibc
#endif

private final class StackJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Runs `body` on a new thread with a `stackSize`-byte stack and waits for it.
public func withLargeStack<T>(stackSize: Int = 1 << 30, _ body: @escaping () -> T) -> T {
    var result: T?
    let job = StackJob { result = body() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(job).toOpaque()
    let created = pthread_create(&thread, &attributes, { raw in
        let job = Unmanaged<StackJob>.fromOpaque(raw!).takeRetainedValue()
        job.body()
        return nil
    }, context)
    if created != 0 {
        // No thread could be made (resource limits): run here, with the ordinary stack.
        Unmanaged<StackJob>.fromOpaque(context).release()
        return body()
    }
    pthread_join(thread, nil)
    return result!
}

/// Runs `body(0)`, …, `body(count - 1)` each on a thread of its own (with a `stackSize`-byte
/// stack) and waits for all of them; a thread that cannot be made runs its part here instead.
public func withThreads(_ count: Int, stackSize: Int = 1 << 23, _ body: @escaping @Sendable (Int) -> Void) {
    var threads: [pthread_t] = []
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    for k in 0..<count {
        let context = Unmanaged.passRetained(StackJob { body(k) }).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            Unmanaged<StackJob>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        if created == 0 {
            threads.append(thread)
        } else {
            Unmanaged<StackJob>.fromOpaque(context).release()
            body(k)
        }
    }
    for thread in threads { pthread_join(thread, nil) }
}
