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
