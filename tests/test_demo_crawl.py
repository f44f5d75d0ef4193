"""`vnportal demo` end to end: the bundled mirror served over real HTTP, crawled by Scrapy into SQLite.

The demo runs twice in a subprocess (a Twisted reactor cannot restart inside the test process); the tests
read the resulting database and CSV folder.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

MIRROR = Path(__file__).parent / "fixtures" / "mirror"
MANIFEST = json.loads((MIRROR / "manifest.json").read_text(encoding="utf-8"))
COUNTED_TABLES = (
    "portals",
    "pages",
    "articles",
    "article_urls",
    "officials",
    "official_mentions",
    "documents",
    "document_citations",
    "terms",
    "sittings",
    "dated_mentions",
)


@dataclass
class DemoRuns:
    db: Path
    export_dir: Path
    first_output: str
    second_output: str
    counts_after_first: dict[str, int]


def _run_demo(workdir: Path, db: Path, export_dir: Path) -> str:
    command = [sys.executable, "-m", "crawler.cli", "demo", "--db", f"sqlite:///{db}", "--out", str(export_dir)]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED_TABLES}


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def _paths(urls: list[str]) -> set[str]:
    return {urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "") for url in urls}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoRuns:
    workdir = tmp_path_factory.mktemp("demo")
    db, export_dir = workdir / "demo.db", workdir / "export"
    first = _run_demo(workdir, db, export_dir)
    counts = _counts(db)
    second = _run_demo(workdir, db, export_dir)
    return DemoRuns(db, export_dir, first, second, counts)


def _manifest(key: str) -> list:
    return [entry for portal in MANIFEST["portals"].values() for entry in portal[key]]


def test_demo_stores_every_article_of_the_mirror(demo: DemoRuns) -> None:
    stored = _paths([row[0] for row in _rows(demo.db, "SELECT canonical_url FROM articles")])
    assert stored == {article["path"] for article in _manifest("articles")}
    assert len(stored) == MANIFEST["article_count"]


def test_document_listing_is_stored_as_a_page_but_not_as_an_article(demo: DemoRuns) -> None:
    non_articles = _paths([row[0] for row in _rows(demo.db, "SELECT url FROM pages WHERE kind = 'non-article'")])
    assert non_articles == set(_manifest("non_articles"))
    article_urls = _paths([row[0] for row in _rows(demo.db, "SELECT url FROM article_urls")])
    assert not non_articles & article_urls


def test_article_reached_under_two_paths_is_one_article(demo: DemoRuns) -> None:
    for alias in _manifest("aliases"):
        rows = _rows(
            demo.db,
            "SELECT a.canonical_url FROM article_urls u JOIN articles a ON a.id = u.article_id "
            f"WHERE u.url LIKE '%{alias['path']}'",
        )
        assert _paths([row[0] for row in rows]) == {alias["canonical"]}


def test_missing_article_is_a_recorded_failure(demo: DemoRuns) -> None:
    failed = _paths([row[0] for row in _rows(demo.db, "SELECT url FROM crawl_failures")])
    assert set(_manifest("not_found")) <= failed


def test_robots_forbidden_page_is_never_fetched(demo: DemoRuns) -> None:
    fetched = _paths([row[0] for row in _rows(demo.db, "SELECT url FROM pages UNION SELECT url FROM crawl_failures")])
    assert not fetched & set(_manifest("robots_forbidden"))


def test_redirected_article_is_stored_once_under_its_location(demo: DemoRuns) -> None:
    stored = _paths([row[0] for row in _rows(demo.db, "SELECT canonical_url FROM articles")])
    for redirect in _manifest("redirects"):
        assert redirect["location"] in stored
        assert redirect["path"] not in stored


def test_second_demo_run_adds_no_rows(demo: DemoRuns) -> None:
    assert _counts(demo.db) == demo.counts_after_first


def test_each_demo_run_is_recorded_with_its_stats(demo: DemoRuns) -> None:
    runs = _rows(demo.db, "SELECT status, stats FROM crawl_runs ORDER BY id")
    assert [status for status, _ in runs] == ["finished", "finished"]
    assert json.loads(runs[-1][1])["vnportal/non_articles"] == 1


def test_demo_finds_facts_in_the_articles(demo: DemoRuns) -> None:
    counts = _counts(demo.db)
    assert counts["officials"] >= 30
    assert counts["documents"] >= 15
    assert counts["terms"] >= 15


def test_demo_summary_names_what_was_stored_and_where(demo: DemoRuns) -> None:
    for word in ("articles", "officials", "documents", "terms", "pages", str(demo.export_dir)):
        assert word in demo.second_output
    assert "Done in" in demo.second_output


def test_demo_prints_no_scrapy_chatter(demo: DemoRuns) -> None:
    assert " INFO: " not in demo.first_output and " DEBUG: " not in demo.first_output
    assert len(demo.first_output.splitlines()) < 30  # the serving line and the summary


def test_demo_runs_are_listed_with_their_counts(demo: DemoRuns) -> None:
    command = [sys.executable, "-m", "crawler.cli", "runs", "--json", "--db", f"sqlite:///{demo.db}"]
    listed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0, listed.stderr
    second, first = [json.loads(line) for line in listed.stdout.splitlines()]
    # an alias and an old address that redirects are pages of their own
    article_pages = MANIFEST["article_count"] + len(_manifest("aliases")) + len(_manifest("redirects"))
    assert (first["status"], first["reason"], first["failed"], first["stored"]) == ("finished", None, 1, article_pages)
    assert first["fetched"] == second["fetched"] >= 29


def test_demo_exports_one_csv_per_table_readable_by_excel(demo: DemoRuns) -> None:
    articles_csv = demo.export_dir / "articles.csv"
    assert articles_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads Vietnamese correctly
    with articles_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == MANIFEST["article_count"]
    assert {"officials.csv", "documents.csv", "terms.csv", "dated_mentions.csv"} <= {
        p.name for p in demo.export_dir.iterdir()
    }


def test_reextraction_from_stored_html_changes_no_rows(demo: DemoRuns) -> None:
    command = [sys.executable, "-m", "crawler.cli", "reextract", "--db", f"sqlite:///{demo.db}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "1 non-article pages, 0 failures" in result.stdout
    assert _counts(demo.db) == demo.counts_after_first
