"""MML's colours outside the terminal: the Pygments lexer in Grammar/pygments (rendered
notebooks, Sphinx) and the CodeMirror mode the kernel names for JupyterLab's editor.

The lexer's word lists are generated from the builtin table, and a Swift test fails when they
are stale; here the lexer itself is checked — found through Pygments' plugin entry point, no
error token in any shipped script, the right kinds of token in a sample, and nbconvert using it
for a notebook the kernel described — and `mml jupyter install` putting the lexer into a Python
environment and `mml jupyter uninstall` taking it out. Scripts/test-jupyter runs this in
.venv-test, where `mml jupyter install --sys-prefix` installed the lexer.
"""
import base64
import glob
import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import unittest

import nbformat
from jupyter_client.manager import start_new_kernel
from nbconvert import HTMLExporter
from pygments import lex
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, String

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPTS = sorted(glob.glob(os.path.join(ROOT, "Samples", "**", "*.mml"), recursive=True)
                 + glob.glob(os.path.join(ROOT, "Exercises", "**", "*.mml"), recursive=True))


def _tokens(code):
    return [(kind, text) for kind, text in lex(code, get_lexer_by_name("mml")) if text.strip()]


class LexerTests(unittest.TestCase):
    def test_pygments_finds_the_lexer_by_name_and_file(self):
        self.assertEqual(get_lexer_by_name("mml").name, "MML")
        self.assertEqual(get_lexer_for_filename("course.mml").name, "MML")

    def test_no_shipped_script_has_an_error_token(self):
        self.assertGreater(len(SCRIPTS), 40)
        lexer = get_lexer_by_name("mml")
        for path in SCRIPTS:
            with self.subTest(script=os.path.relpath(path, ROOT)):
                with open(path, encoding="utf-8") as f:
                    code = f.read()
                errors = [text for kind, text in lex(code, lexer) if kind in Error]
                self.assertEqual(errors, [])

    def test_kinds_of_token(self):
        code = ('f(x) = sin(x)^2  # a comment\nfn g(a, b=2) { return a\' * b }\n'
                'x₁ = 1_000.5e-3 .* pi; x̄ = [true, false]\nprint("a\\n", norm)\n')
        tokens = _tokens(code)
        for expected in [(Name.Function, "f"), (Name.Builtin, "sin"), (Comment.Single, "# a comment"),
                         (Keyword, "fn"), (Name.Function, "g"), (Keyword, "return"), (Operator, "'"),
                         (Name, "x₁"), (Number.Float, "1_000.5e-3"), (Operator, ".*"), (Name.Constant, "pi"),
                         (Name, "x̄"), (Keyword.Constant, "true"), (Name.Builtin, "print"),
                         (String.Escape, "\\n"), (Number.Integer, "2")]:
            self.assertIn(expected, tokens)
        # A builtin's name not being called is a plain name (a variable may be called `norm`).
        self.assertIn((Name, "norm"), tokens)


class NotebookColourTests(unittest.TestCase):
    def test_the_kernel_names_the_lexer_and_an_editor_mode(self):
        km, kc = start_new_kernel(kernel_name="mml")
        try:
            kc.kernel_info()
            reply = kc.get_shell_msg(timeout=15)
            info = reply["content"]["language_info"]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        self.assertEqual(get_lexer_by_name(info["pygments_lexer"]).name, "MML")
        self.assertEqual(info["codemirror_mode"], "octave")

    def test_nbconvert_colours_a_notebook_with_the_lexer(self):
        notebook = nbformat.read(os.path.join(ROOT, "Notebooks", "01-linear-algebra.ipynb"), as_version=4)
        self.assertEqual(notebook.metadata.language_info.pygments_lexer, "mml")
        html, _ = HTMLExporter().from_notebook_node(notebook)
        # Pygments' short CSS classes: nb is a builtin, c1 a comment, k a keyword.
        self.assertIn('<span class="nb">', html)
        self.assertIn('<span class="c1">', html)


if __name__ == "__main__":
    unittest.main()


class LexerInstallTests(unittest.TestCase):
    """The lexer as `mml jupyter install` installs it: what pip would write for a wheel."""

    def setUp(self):
        spec = os.path.join(os.environ["JUPYTER_PATH"].split(os.pathsep)[0], "kernels", "mml", "kernel.json")
        with open(spec) as f:
            self.mml = json.load(f)["argv"][0]
        # mml asks the first python3 on PATH where packages go: make it this environment's.
        self.env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])

    def test_this_environment_has_the_lexer_mml_installed(self):
        distribution = importlib.metadata.distribution("mml-pygments")
        self.assertEqual(distribution.read_text("INSTALLER").strip(), "mml")
        self.assertEqual(get_lexer_by_name("mml").name, "MML")

    def test_install_and_uninstall_with_a_prefix(self):
        with tempfile.TemporaryDirectory() as prefix:
            subprocess.run([self.mml, "jupyter", "install", "--prefix", prefix], env=self.env, check=True, capture_output=True)
            site = sysconfig.get_paths("posix_prefix", vars={"base": prefix, "platbase": prefix})["purelib"]
            found = [d for d in importlib.metadata.distributions(path=[site]) if d.metadata["Name"] == "mml-pygments"]
            self.assertEqual(len(found), 1)
            distribution = found[0]
            (entry_point,) = [e for e in distribution.entry_points if e.group == "pygments.lexers"]
            self.assertEqual((entry_point.name, entry_point.value), ("mml", "mml_pygments:MMLLexer"))
            # Every file RECORD names is there, with the size and hash it gives.
            for record in distribution.files:
                path = os.path.join(site, str(record))
                self.assertTrue(os.path.isfile(path), path)
                if record.hash is not None:
                    with open(path, "rb") as f:
                        data = f.read()
                    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    self.assertEqual((record.hash.mode, record.hash.value, record.size), ("sha256", digest, len(data)))
            # The installed package is the one in Grammar/pygments.
            for name in ("__init__.py", "names.py"):
                with open(os.path.join(site, "mml_pygments", name)) as a, \
                        open(os.path.join(ROOT, "Grammar", "pygments", "mml_pygments", name)) as b:
                    self.assertEqual(a.read(), b.read())
            subprocess.run([self.mml, "jupyter", "uninstall", "--prefix", prefix], env=self.env, check=True, capture_output=True)
            self.assertEqual(sorted(os.listdir(site)), [])
