"""Speed of the storage layer: pages + articles saved per second (one transaction per page, as the crawl
pipeline writes), a second (no-op) crawl, search, export.

    .venv/bin/python benchmarks/bench_store.py [--articles 2000] [--db URL]

Articles are the test fixtures under tests/fixtures/models with their URL and body varied, so each is a
distinct article with the realistic number of facts (4-6 officials/documents, terms, dates).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from extractors.types import Article
from models.export import export_csv
from models.jsonl import article_from_record
from models.records import FetchedPage, PortalRecord
from models.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "models"
PORTAL = PortalRecord("bench", "Cổng TTĐT xã Thử Nghiệm", "https://bench.example.gov.vn/")
PAGE_HTML = (FIXTURES / "page_tandan_article.html").read_bytes() * 20  # ~30 KB, a typical portal page


def synthetic_articles(count: int) -> list[Article]:
    bases = [
        article_from_record(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(FIXTURES.glob("article_*.json"))
        if "notice" not in p.name
    ]
    articles = []
    for i in range(count):
        base = bases[i % len(bases)]
        content = dataclasses.replace(
            base.content,
            canonical_url=None,
            text=f"{base.content.text}\nBài số {i}.",
            title=f"{base.content.title} ({i})",
        )
        articles.append(dataclasses.replace(base, content=content, url=f"https://bench.example.gov.vn/tin/{i}"))
    return articles


def crawl(store: Store, articles: list[Article]) -> None:
    run_id = store.start_run([PORTAL.slug])
    for article in articles:
        page = FetchedPage(
            article.url or "", None, 200, datetime.now(UTC), PORTAL.slug, PAGE_HTML, "text/html", "utf-8", run_id
        )
        store.save_page(page, "article", article)  # as the crawl pipeline does: one transaction per page
    store.finish_run(run_id, {"articles": len(articles)})


def timed(label: str, work: Callable[[], object], per: int = 1) -> None:
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    rate = f", {per / elapsed:,.0f}/s" if per > 1 else ""
    print(f"{label:<38} {elapsed * 1000:9.1f} ms{rate}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db or f"sqlite:///{tmp}/bench.db")
        store.upsert_portal(PORTAL)
        articles = synthetic_articles(args.articles)
        timed(f"first crawl ({args.articles} page+article)", lambda: crawl(store, articles), args.articles)
        timed("second crawl (same pages, no new rows)", lambda: crawl(store, articles), args.articles)
        timed("search 'dang uy xa' (LIKE, 50 rows)", lambda: store.search("dang uy xa"))
        timed("search absent phrase (full scan)", lambda: store.search("khong co cum tu nay"))
        timed("export_csv (all tables and views)", lambda: export_csv(store.engine, Path(tmp) / "csv"))
        print(store.counts())
        store.close()


if __name__ == "__main__":
    main()
