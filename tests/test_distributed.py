"""Two workers sharing one scrapy-redis frontier crawl the demo mirror once between them.

Needs Redis: `VNPORTAL_TEST_REDIS_URL` (set by .ci/run); skipped with the reason shown when unset.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REDIS_URL = os.environ.get("VNPORTAL_TEST_REDIS_URL")
MANIFEST = json.loads((Path(__file__).parent / "fixtures" / "mirror" / "manifest.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="VNPORTAL_TEST_REDIS_URL is not set (no Redis to share)")


def _worker(workdir: Path, index: int, frontier: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "crawler.cli",
        "demo",
        "--db",
        f"sqlite:///{workdir / f'worker{index}.db'}",
        "--out",
        str(workdir / f"export{index}"),
        "--redis",
        REDIS_URL or "",
        "--frontier",
        frontier,
    ]
    return subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _urls(db: Path, sql: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [
            urlsplit(row[0]).path + (f"?{urlsplit(row[0]).query}" if urlsplit(row[0]).query else "")
            for row in connection.execute(sql)
        ]


def test_two_workers_split_one_crawl_without_fetching_a_page_twice(tmp_path: Path, frontier: str) -> None:
    workers = [_worker(tmp_path, index, frontier) for index in (1, 2)]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output
    dbs = [tmp_path / "worker1.db", tmp_path / "worker2.db"]
    fetched = [url for db in dbs for url in _urls(db, "SELECT url FROM pages")]
    assert len(fetched) == len(set(fetched)), "a page was fetched by both workers"
    articles = {url for db in dbs for url in _urls(db, "SELECT canonical_url FROM articles")}
    assert articles == {a["path"] for portal in MANIFEST["portals"].values() for a in portal["articles"]}
