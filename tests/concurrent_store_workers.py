"""Pages for the concurrent-writer tests, and the worker each spawned process runs (importable by name,
as `multiprocessing` spawn needs).

The page set overlaps on purpose: every worker stores every page, in its own order, and it holds the three
shapes that raced: the same page twice, a canonical page and its alias (one article, two addresses), and
one text under two addresses without a canonical link (merged by the text hash).
"""

from __future__ import annotations

import dataclasses
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extractors.types import Article
from models.jsonl import article_from_record
from models.records import FetchedPage, PortalRecord

FIXTURES = Path(__file__).parent / "fixtures" / "models"
PORTAL = PortalRecord("xa-dong-thuan", "Cổng TTĐT xã Đồng Thuận", "https://dongthuan.example.gov.vn/", "commune")
SITE = "https://dongthuan.example.gov.vn"
FETCHED_AT = datetime(2025, 7, 1, 3, 0, tzinfo=UTC)
PLAIN, CANONICAL_PAIRS, TEXT_PAIRS = 8, 5, 3


@dataclass(frozen=True)
class PageSpec:
    """One page to store: its address, the canonical link it carries (if any), which text it shows."""

    url: str
    canonical: str | None
    text_index: int


def _bases() -> list[Article]:
    names = ("article_congress", "article_council_session")
    return [article_from_record(json.loads((FIXTURES / f"{n}.json").read_text(encoding="utf-8"))) for n in names]


def page_specs() -> list[PageSpec]:
    specs = [PageSpec(f"{SITE}/tin-tuc/{i}", None, i) for i in range(PLAIN)]
    for i in range(CANONICAL_PAIRS):
        canonical = f"{SITE}/tin-tuc/c{i}"
        specs += [PageSpec(canonical, canonical, 100 + i), PageSpec(f"{SITE}/in-bai/c{i}?print=1", canonical, 100 + i)]
    for i in range(TEXT_PAIRS):
        specs += [PageSpec(f"{SITE}/tin-tuc/t{i}", None, 200 + i), PageSpec(f"{SITE}/tin/t{i}.html", None, 200 + i)]
    return specs


def article_for(spec: PageSpec, bases: list[Article]) -> Article:
    """A distinct article per text index (the fixture's facts, its text extended so hashes differ)."""
    base = bases[spec.text_index % len(bases)]
    content = dataclasses.replace(
        base.content,
        canonical_url=spec.canonical,
        text=f"{base.content.text}\nTin số {spec.text_index}.",
        title=f"{base.content.title} ({spec.text_index})",
    )
    return dataclasses.replace(base, content=content, url=spec.url)


def fetched_page(spec: PageSpec, run_id: int | None) -> FetchedPage:
    body = f"<html><body><p>trang {spec.url}</p></body></html>".encode()
    return FetchedPage(
        url=spec.url,
        final_url=spec.url,
        status=200,
        fetched_at=FETCHED_AT,
        portal_slug=PORTAL.slug,
        html=body,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        run_id=run_id,
    )


def store_all_pages(db_url: str, seed: int, barrier: Any = None) -> list[str]:
    """Store every page (shuffled by `seed`) as the crawl pipeline does; returns the errors met."""
    from models.store import Store  # in the child: the parent's engine must not be shared

    specs = page_specs()
    random.Random(seed).shuffle(specs)
    bases = _bases()
    errors: list[str] = []
    with Store(db_url, upgrade=False) as store:
        store.upsert_portal(PORTAL)
        run_id = store.start_run([PORTAL.slug])
        if barrier is not None:
            barrier.wait()
        for spec in specs:
            try:
                result = store.save_page(fetched_page(spec, run_id), "article", article_for(spec, bases))
                if result.article_id is None:
                    errors.append(f"{spec.url}: {result.error}")
            except Exception as exc:  # reported to the parent, which asserts there are none
                errors.append(f"{spec.url}: {type(exc).__name__}: {exc}")
    return errors
