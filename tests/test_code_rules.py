"""House rules that CI enforces: pure extractors, ruff-clean code."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_EXTRACTORS = ("scrapy", "sqlalchemy", "alembic", "crawler", "models", "twisted")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "extractors").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_extractors_import_no_scrapy_and_no_sqlalchemy(path: Path) -> None:
    assert not _imported_modules(path) & set(FORBIDDEN_IN_EXTRACTORS)


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run([ruff, "check", "--no-cache", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _tracked_files() -> list[str]:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked-file rule needs git ls-files")
    result = subprocess.run([git, "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True)
    return result.stdout.splitlines()


def test_no_extraction_output_is_tracked() -> None:
    """`vnportal extract` output holds the article text; of third-party pages it must never be committed.

    Written fixtures (tests/fixtures/) are ours and may be JSONL.
    """
    outputs = [path for path in _tracked_files() if path.endswith(".jsonl") and not path.startswith("tests/fixtures/")]
    assert not outputs, (
        f"extraction output is tracked: {outputs}; remove it with `git rm --cached` and write such files under "
        "/out/ (git-ignored); the real corpus commits facts, snippets and locators only"
    )
