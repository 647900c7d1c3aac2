"""The README's Python quick start runs as written, and prints what its comments say."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def blocks() -> list[str]:
    """The ```python blocks of the README's "Python quick start" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def run(code: str, where: Path) -> str:
    """Runs a block as a script in a folder where the repository's files are at hand."""
    for name in ("examples", "tests"):
        (where / name).symlink_to(REPO / name)
    script = where / "quick_start.py"
    script.write_text(code, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=where, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_there_is_a_quick_start_and_a_cluster() -> None:
    assert len(blocks()) == 2


def test_the_quick_start(tmp_path: Path) -> None:
    output = run(blocks()[0], tmp_path)
    assert "ett av de 20 strategiska målen helt har uppnåtts" in output
    assert "0 5 value" in output
    assert "DataFrame: row 0: column 'value': 'åttio' is not a number" in output
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_cluster(tmp_path: Path) -> None:
    output = run(blocks()[1], tmp_path)
    assert "norr" in output and "syd" in output
