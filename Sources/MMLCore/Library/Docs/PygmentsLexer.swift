// MML's Pygments lexer, a small Python package (mml_pygments) that colours MML code wherever
// Pygments highlights: nbconvert's HTML, Sphinx, `pygmentize`. Its files are written from here
// in two places: Grammar/pygments (by Scripts/update-docs; a test fails while it is stale), for
// `pip install Grammar/pygments`, and a Python environment's site-packages, by
// `mml jupyter install`. The patterns follow Sources/MMLCore/Syntax/Lexer.swift; the word
// lists come from PygmentsNames.

public enum PygmentsLexer {
    /// The package's distribution name and version, as pip and importlib.metadata know them.
    public static let distribution = "mml-pygments"
    public static let version = "0.1.0"
    /// The import package, and the entry point through which Pygments finds the lexer.
    public static let package = "mml_pygments"
    public static let entryPoint = (group: "pygments.lexers", name: "mml", object: "mml_pygments:MMLLexer")
    public static let summary = "Pygments lexer for MML, the math language"
    public static let requiresPython = ">=3.8"
    public static let requirement = "pygments>=2.12"

    /// The package's files, by their path relative to site-packages (or to Grammar/pygments).
    public static var moduleFiles: [(path: String, text: String)] {
        [(package + "/__init__.py", module), (package + "/names.py", PygmentsNames.python())]
    }

    /// mml_pygments/__init__.py: the lexer.
    public static let module = #"""
"""A Pygments lexer for MML, the math language: colours MML code in nbconvert's HTML, Sphinx
and anything else that highlights through Pygments (JupyterLab's editor uses CodeMirror
instead; the kernel names the built-in `octave` mode for it).

The keywords, constants and builtin names come from names.py, which MML generates from its
own lexer and builtin table; the patterns below follow Sources/MMLCore/Syntax/Lexer.swift.
This file is written from Sources/MMLCore/Library/Docs/PygmentsLexer.swift: edit it there.
"""
from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Whitespace

from .names import BUILTINS, CONSTANTS, KEYWORDS, WORD_CONSTANTS

__all__ = ["MMLLexer"]

# A name: a letter (of any script; not a math symbol such as ∑) or underscore, then letters,
# digits, underscores, subscript digits (x₁) and combining accents (x̄).
_NAME = r"(?:[^\W\d]|_)(?:\w|[\u2080-\u2089\u0300-\u036f])*"
# Digits may be grouped with underscores (1_000); a dot belongs to a number only when a digit
# follows it (`2.*x` is 2 .* x).
_DIGITS = r"\d(?:_?\d)*"


class MMLLexer(RegexLexer):
    """MML scripts (.mml) and the code cells of MML notebooks."""

    name = "MML"
    aliases = ["mml"]
    filenames = ["*.mml"]
    mimetypes = ["text/x-mml"]
    url = "https://github.com/"  # MML has no web site; the lexer ships in its repository
    version_added = ""

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"#.*?$", Comment.Single),
            (r'"', String.Double, "string"),
            # `fn name(` and `name(params) =` define functions.
            (r"(fn)(\s+)(" + _NAME + ")", bygroups(Keyword, Whitespace, Name.Function)),
            (r"(" + _NAME + r")(?=\([^()\n]*\)\s*=(?!=))", Name.Function),
            (words(KEYWORDS, suffix=r"(?!\w)"), Keyword),
            (words(WORD_CONSTANTS, suffix=r"(?!\w)"), Keyword.Constant),
            (words(CONSTANTS, suffix=r"(?!\w)"), Name.Constant),
            (words(BUILTINS, suffix=r"(?!\w)(?=\s*\()"), Name.Builtin),
            (r"(?:" + _DIGITS + r"\.\d(?:_?\d)*|\.\d(?:_?\d)*|" + _DIGITS + r")[eE][+-]?\d+", Number.Float),
            (_DIGITS + r"\.\d(?:_?\d)*|\.\d(?:_?\d)*", Number.Float),
            (_DIGITS, Number.Integer),
            (_NAME, Name),
            (r"\.[*/^]|->|[-+*/=!<>]=|&&|\|\||[-+*/\\^'<>=!⋅·−×≤≥≠→]", Operator),
            (r"[()\[\]{},;:.]", Punctuation),
        ],
        "string": [
            (r'\\(?:[ntr0"\\]|u\{[0-9A-Fa-f]+\})', String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            # A string ends at the end of its line (the MML lexer reports it unterminated).
            (r"\n", String.Double, "#pop"),
        ],
    }

"""#

    /// Grammar/pygments/pyproject.toml, so that pip can install the package from the checkout.
    public static var pyproject: String {
        #"""
# MML's Pygments lexer as a Python package: `pip install Grammar/pygments` makes Pygments (and so
# nbconvert, Sphinx, JupyterLab's rendered output) colour `mml` code; `mml jupyter install` installs
# it too. Generated with the rest of this folder by Scripts/update-docs from
# Sources/MMLCore/Library/Docs/PygmentsLexer.swift: do not edit by hand.
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "\#(distribution)"
version = "\#(version)"
description = "\#(summary)"
requires-python = "\#(requiresPython)"
dependencies = ["\#(requirement)"]

[project.entry-points."\#(entryPoint.group)"]
\#(entryPoint.name) = "\#(entryPoint.object)"

[tool.setuptools]
packages = ["\#(package)"]

"""#
    }
}
