"""A notebook as a reader sees it: executed with nbclient against the installed MML kernel,
converted to HTML with nbconvert (MathJax from Debian's libjs-mathjax, as nothing may be fetched
from the internet), and, when Chromium is installed, screenshotted headless.

The HTML must hold the figure as inline SVG and the formula's LaTeX source; the screenshot is
left in .build/render/notebook.png for a person to look at (is the formula typeset?).
Scripts/test-jupyter runs this; with MML_RENDER_TEST=1 it first installs chromium and
libjs-mathjax (Scripts/setup), which CI leaves out to keep its time down.
"""
import base64
import os
import re
import shutil
import subprocess
import unittest

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, ".build", "render")
MATHJAX = "/usr/share/javascript/mathjax/MathJax.js"

TITLE = "# A rendered notebook\n\nA formula, its derivative, a matrix, a figure and a check."
CELLS = [
    "f(x) = x^3 - 2*x\nf'",
    "A = [1, 2; 3, 4]",
    "plot(f, -2, 2)",
    'check("derivative at 1", f\'(1), 1)',
]


def notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(TITLE)] + [nbformat.v4.new_code_cell(c) for c in CELLS]
    nb.metadata["kernelspec"] = {"name": "mml", "display_name": "MML", "language": "mml"}
    return nb


class RenderTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(OUT, exist_ok=True)
        nb = notebook()
        NotebookClient(nb, timeout=60, kernel_name="mml", resources={"metadata": {"path": OUT}}).execute()
        nbformat.write(nb, os.path.join(OUT, "notebook.ipynb"))
        exporter = HTMLExporter()
        if os.path.exists(MATHJAX):
            exporter.mathjax_url = "file://" + MATHJAX + "?config=TeX-AMS_CHTML-full,Safe"
        cls.html, _ = exporter.from_notebook_node(nb)
        cls.html_path = os.path.join(OUT, "notebook.html")
        with open(cls.html_path, "w", encoding="utf-8") as f:
            f.write(cls.html)

    def test_the_html_holds_the_svg_and_the_latex(self):
        # nbconvert 7's lab template embeds an SVG output as a data: URL of the SVG text.
        match = re.search(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', self.html)
        self.assertIsNotNone(match, "no SVG image in the HTML")
        svg = base64.b64decode(match.group(1)).decode()
        self.assertTrue("<svg" in svg and "f(x) = x³ − 2·x" in svg, svg[:300])
        # The formula as LaTeX for MathJax; the matrix as its HTML table (preferred, as in JupyterLab).
        for expected in ["f'\\left(x\\right) = 3 \\cdot x^{2} - 2", "<code>A =</code><table", "✓ derivative at 1",
                         '<span class="nb">plot</span>']:  # the last coloured by MML's Pygments lexer
            self.assertTrue(expected in re.sub(r"<[^>]+>", "", self.html) or expected in self.html, expected)

    @unittest.skipUnless(shutil.which("chromium") and os.path.exists(MATHJAX),
                         "chromium and libjs-mathjax are not installed (MML_RENDER_TEST=1 installs them)")
    def test_chromium_renders_it(self):
        png = os.path.join(OUT, "notebook.png")
        if os.path.exists(png):
            os.remove(png)
        # Headless, as root in a container (no sandbox), with time for MathJax to typeset.
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--allow-file-access-from-files", "--virtual-time-budget=10000", "--window-size=900,1100",
             f"--screenshot={png}", "file://" + self.html_path],
            capture_output=True, text=True, timeout=120)
        self.assertTrue(os.path.exists(png), result.stderr[-2000:])
        self.assertGreater(os.path.getsize(png), 10_000)
        print(f"\nscreenshot: {png}")


if __name__ == "__main__":
    unittest.main()
