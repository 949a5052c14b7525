"""Notebooks: `mml notebook` against nbformat, and the shipped course notebooks through nbclient.

Every sample converts to a notebook that nbformat validates and back to the same bytes; the
committed Notebooks/ are what Scripts/make-notebooks makes now; and each runs with nbclient
against the installed kernelspec without a cell error or a failed check. Scripts/test-jupyter
runs this with the kernelspec found through JUPYTER_PATH.
"""
import glob
import os
import subprocess
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MML = os.path.join(ROOT, ".build", "debug", "mml")
SAMPLES = sorted(glob.glob(os.path.join(ROOT, "Samples", "*", "*.mml")))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "Notebooks", "*.ipynb")))


def _mml(*arguments):
    return subprocess.run([MML, *arguments], capture_output=True, text=True, timeout=60)


class ConversionTests(unittest.TestCase):
    def test_every_sample_round_trips_through_a_valid_notebook(self):
        self.assertGreater(len(SAMPLES), 40)
        with tempfile.TemporaryDirectory() as scratch:
            for sample in SAMPLES:
                with self.subTest(sample=os.path.relpath(sample, ROOT)):
                    notebook = os.path.join(scratch, "nb.ipynb")
                    made = _mml("notebook", sample, "-o", notebook)
                    self.assertEqual(made.returncode, 0, made.stderr)
                    nbformat.validate(nbformat.read(notebook, as_version=nbformat.NO_CONVERT))
                    back = _mml("notebook", "--to", "mml", notebook, "-o", "-")
                    self.assertEqual(back.returncode, 0, back.stderr)
                    with open(sample, encoding="utf-8") as f:
                        self.assertEqual(back.stdout, f.read())

    def test_a_notebook_saved_by_jupyter_converts_back(self):
        # nbformat writes sources as lists of lines and may add metadata of its own.
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell("# Title\n\nText."), nbformat.v4.new_code_cell("x = 1\nx + 1\n")]
        with tempfile.TemporaryDirectory() as scratch:
            path = os.path.join(scratch, "saved.ipynb")
            nbformat.write(nb, path)
            back = _mml("notebook", "--to", "mml", path, "-o", "-")
            self.assertEqual(back.stdout, "# # Title\n#\n# Text.\n\nx = 1\nx + 1\n")

    def test_shipped_notebooks_are_fresh(self):
        self.assertGreaterEqual(len(NOTEBOOKS), 7)
        fresh = subprocess.run([os.path.join(ROOT, "Scripts", "make-notebooks"), "--check"], capture_output=True, text=True)
        self.assertEqual(fresh.returncode, 0, fresh.stderr)


class ShippedNotebookTests(unittest.TestCase):
    def test_every_shipped_notebook_runs_without_errors(self):
        kinds = set()
        checks = 0
        for path in NOTEBOOKS:
            with self.subTest(notebook=os.path.basename(path)):
                nb = nbformat.read(path, as_version=4)
                # Jupyter starts a kernel in the notebook's folder; so does this.
                NotebookClient(nb, kernel_name="mml", timeout=120,
                               resources={"metadata": {"path": os.path.dirname(path)}}).execute()
                for cell in nb.cells:
                    for output in cell.get("outputs", []):
                        self.assertNotEqual(output["output_type"], "error", "\n".join(output.get("traceback", [])))
                        data = output.get("data", {})
                        kinds.update(data)
                        text = data.get("text/plain", "")
                        self.assertFalse(text.startswith("✗"), text)
                        checks += text.startswith("✓")
        self.assertGreaterEqual(checks, 50)
        self.assertLessEqual({"image/svg+xml", "text/latex", "text/html"}, kinds)


if __name__ == "__main__":
    unittest.main()
