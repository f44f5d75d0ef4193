"""Output folders that never hold a partial export: files are written to a hidden staging folder beside the
target and moved into it only when the whole export succeeded (an interrupted or failed export leaves the
target as it was)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_output(out_dir: Path) -> Iterator[Path]:
    """Yield a staging folder; on success its files replace their namesakes in `out_dir`."""
    target = out_dir.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    try:
        yield staging
        target.mkdir(exist_ok=True)
        for path in sorted(staging.iterdir()):
            os.replace(path, target / path.name)  # same file system: each file appears whole
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def moved_paths(paths: list[Path], staging: Path, out_dir: Path) -> list[Path]:
    """Where files written under `staging` are once moved into `out_dir`."""
    return [out_dir / path.relative_to(staging) for path in paths]
