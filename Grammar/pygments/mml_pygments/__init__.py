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
