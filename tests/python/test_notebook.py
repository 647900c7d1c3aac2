"""The tour notebook runs from top to bottom without an error, and shows what it says."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOK = REPO / "examples" / "notebooks" / "styrkort-tour.ipynb"


def test_the_tour_runs_and_shows_the_report_inline() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    html = [output["data"]["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    assert any("<iframe" in page and "Bilaga" in page and "<script" not in page for page in html), "the inline report"
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) == 2, "the statuses per perspective and one measure over the periods"
    text = "".join(output.get("text", "") for output in outputs) + "".join(
        output.get("data", {}).get("text/plain", "") for output in outputs
    )
    assert "ett av de 20 strategiska målen helt har uppnåtts" in text
    assert "0 4 sex" in text
