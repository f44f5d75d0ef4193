"""Builds the two-portal database the analyst-layer tests share: invented district portals of two invented
provinces, their articles extracted from `tests/fixtures/analyst/*.txt`, stored and resolved."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

from extractors.article import extract_article_from_file
from extractors.options import ExtractionOptions
from models.records import PortalRecord
from models.resolve import resolve_entities
from models.store import Store

ANALYST_FIXTURES = Path(__file__).parent / "fixtures" / "analyst"
# article file -> (portal slug, publication day)
ARTICLES = {
    "hoa-son-1.txt": ("huyen-hoa-son", date(2025, 3, 6)),
    "hoa-son-2.txt": ("huyen-hoa-son", date(2025, 4, 13)),
    "tan-yen-1.txt": ("huyen-tan-yen-vp", date(2025, 3, 11)),
    "tan-yen-2.txt": ("huyen-tan-yen-vp", date(2021, 6, 21)),
}


def build_two_portal_database(url: str) -> Store:
    store = Store(url)
    portals = tomllib.loads((ANALYST_FIXTURES / "portals.toml").read_text(encoding="utf-8"))["portal"]
    for portal in portals:
        store.upsert_portal(PortalRecord(**portal))
    for filename, (slug, published_on) in ARTICLES.items():
        options = ExtractionOptions(url=f"http://{slug}.example.test/{filename}", published_on=published_on)
        article = extract_article_from_file(ANALYST_FIXTURES / filename, options)
        article.content.published_on = published_on
        store.save_article(None, slug, article)
    resolve_entities(store.engine)
    return store


def run_demo(workdir: Path) -> Path:
    """The bundled demo crawled into `workdir/vnportal.db` by the real command (crawl, store, resolve)."""
    db = workdir / "vnportal.db"
    command = [sys.executable, "-m", "crawler.cli", "demo", "--db", f"sqlite:///{db}", "--out", str(workdir / "csv")]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return db
