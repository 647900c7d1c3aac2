"""The hand-written stubs match the compiled module (mypy.stubtest), and the package's own
Python type-checks strictly against them."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True)


def test_the_stubs_are_the_module() -> None:
    result = run("mypy.stubtest", "styrkort._styrkort", "--allowlist", "tests/python/stubtest-allowlist.txt")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_type_checks_strictly() -> None:
    result = run("mypy", "--strict", "--no-incremental", "python/styrkort")
    assert result.returncode == 0, result.stdout + result.stderr
