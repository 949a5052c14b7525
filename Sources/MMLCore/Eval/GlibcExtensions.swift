// glibc functions that the Swift Glibc module does not declare (they sit behind feature macros
// such as _GNU_SOURCE and _XOPEN_SOURCE), looked up once by name.
#if canImport(Glibc)
import Glibc
#endif

enum GlibcExtensions {
    typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    typealias WCWidth = @convention(c) (wchar_t) -> Int32

    /// `pthread_getattr_np`: the attributes (stack included) of a running thread.
    static let pthreadGetattr: GetAttr? = symbol("pthread_getattr_np")
    /// `wcwidth`: the terminal columns of a character under the thread's locale.
    static let wcwidth: WCWidth? = symbol("wcwidth")

    private static func symbol<F>(_ name: String) -> F? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: F.self)
    }
}
