// MML's version, for `mml --version`, the REPL's banner and the Jupyter kernel's info.
// CHANGELOG.md records what each version brought; its newest entry names this version.

/// The version of this MML.
public let mmlVersion = "0.2.0"

/// Whether this program was compiled with optimisation (`swift build -c release`, as packages are).
public let isReleaseBuild: Bool = {
    #if DEBUG
    return false
    #else
    return true
    #endif
}()

/// What `mml --version` prints: the version, the git commit it was built from (recorded by
/// Plugins/BuildCommit) and the kind of build, e.g. `0.2.0 (commit 0123456789ab, release build)`.
public let mmlVersionDescription =
    "\(mmlVersion) (\(buildCommit.map { "commit " + $0 } ?? "unknown commit"), \(isReleaseBuild ? "release" : "debug") build)"
