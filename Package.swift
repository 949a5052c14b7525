// swift-tools-version: 6.1
// MML: a math scripting language and REPL for learning the mathematics of machine learning.
import PackageDescription

let package = Package(
    name: "MML",
    products: [
        .executable(name: "mml", targets: ["mml"]),
        // The front ends that need Foundation, ZeroMQ and OpenSSL (the Jupyter kernel, the language
        // server), in an executable of their own that `mml kernel`, `mml jupyter` and `mml lsp`
        // hand over to, so that `mml FILE` never loads those libraries.
        .executable(name: "mml-frontends", targets: ["mml-frontends"]),
        .library(name: "MMLCore", targets: ["MMLCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries, each behind a target of its own and one Swift file that speaks to it.
        // OpenBLAS and LAPACKE (libopenblas-dev, liblapacke-dev) are loaded on first use rather
        // than linked, by the small C target CLapack (see Sources/CLapack/CLapack.c).
        // DWARF 4: valgrind (callgrind, used to profile) cannot read clang's default DWARF 5.
        .target(name: "CLapack", path: "Sources/CLapack", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // One thread-local word, the stack limit DepthGuard checks (Swift has no thread-locals).
        .target(name: "CStackLimit", path: "Sources/CStackLimit", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .systemLibrary(
            name: "CRmath", path: "Sources/CRmath", pkgConfig: "libRmath",
            providers: [.apt(["r-mathlib"])]),
        .systemLibrary(
            name: "CLibEdit", path: "Sources/CLibEdit", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "CZeroMQ", path: "Sources/CZeroMQ", pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(
            name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .target(
            name: "MMLCore",
            dependencies: [
                "CLapack", "CRmath", "CStackLimit",
                .product(name: "Numerics", package: "swift-numerics"),
            ],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // The declarations of the subcommands that `mml` hands over to `mml-frontends`: both
        // executables parse them, so they are written once (ArgumentParser only, no Foundation).
        .target(
            name: "MMLCommandLine",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            plugins: ["BuildCommit"]),
        // Writes the git commit of the checkout into MMLCommandLine before each build (mml --version).
        .plugin(name: "BuildCommit", capability: .buildTool(), path: "Plugins/BuildCommit"),
        .executableTarget(
            name: "mml",
            dependencies: [
                "MMLCore", "CLibEdit", "MMLCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "mml-frontends",
            dependencies: [
                "MMLCore", "MMLCommandLine", "CZeroMQ", "CLibCrypto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/mml-frontends"),
        // Fuzz targets (Scripts/fuzz); a normal build replays inputs given as files.
        .systemLibrary(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        .executableTarget(name: "mml-fuzz", dependencies: ["MMLCore", "CFuzzerDriver"], path: "Sources/mml-fuzz"),
        .target(name: "MMLTestSupport", dependencies: ["MMLCore"], path: "Tests/MMLTestSupport"),
        .testTarget(
            name: "MMLCoreTests", dependencies: ["MMLCore", "MMLTestSupport"],
            // Spec scripts and fixtures are read from the source tree at test time.
            exclude: ["Spec", "Fixtures", "Snapshots"]),
    ]
)
