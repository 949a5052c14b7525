// MML's version, for `mml --version`, the REPL's banner and the Jupyter kernel's info.

/// The version of this MML.
public let mmlVersion = "0.1.0"
