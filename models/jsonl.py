"""Read `vnportal extract` JSON records back into `Article` objects (the inverse of
`extractors.contract.article_record`), so extraction output can be loaded into the store later."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from extractors.types import (
    Article,
    DatedMention,
    DocumentRef,
    Evidence,
    Facts,
    Official,
    PageContent,
    Sitting,
    Term,
    TitleStatus,
)

Record = dict[str, Any]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _evidence(items: list[Record] | None) -> list[Evidence]:
    return [Evidence(int(e["start"]), int(e["end"]), e.get("snippet", ""), e.get("field", "text")) for e in items or []]


def _document(item: Record) -> DocumentRef:
    return DocumentRef(
        number=item["number"],
        type=item.get("type"),
        issuer=item.get("issuer"),
        issuer_named=item.get("issuer_named"),
        year=item.get("year"),
        issued_on=_day(item.get("issued_on")),
        type_name=item.get("type_name"),
        issuing_body=item.get("issuing_body"),
        raw=item.get("raw") or "",
        evidence=_evidence(item.get("evidence")),
    )


def _title_status(item: Record) -> dict[str, TitleStatus]:
    """Statuses other than the default; records written before statuses existed have none."""
    statuses = {p["title"]: TitleStatus(p["status"]) for p in item.get("positions") or []}
    return {title: status for title, status in statuses.items() if status is not TitleStatus.CURRENT}


def facts_from_record(record: Record) -> Facts:
    return Facts(
        officials=[
            Official(o["name"], list(o.get("titles") or []), _evidence(o.get("evidence")), _title_status(o))
            for o in record.get("officials") or []
        ],
        documents=[_document(d) for d in record.get("documents") or []],
        terms=[
            Term(
                t.get("ordinal"),
                t.get("start_year"),
                t.get("end_year"),
                t.get("organisation"),
                _evidence(t.get("evidence")),
            )
            for t in record.get("terms") or []
        ],
        sittings=[
            Sitting(s["kind"], int(s["number"]), _evidence(s.get("evidence"))) for s in record.get("sittings") or []
        ],
        dates=[
            DatedMention(date.fromisoformat(d["date"]), bool(d.get("year_inferred")), _evidence(d.get("evidence")))
            for d in record.get("dated_mentions") or []
        ],
    )


def content_from_record(record: Record) -> PageContent:
    return PageContent(
        text=record.get("text") or "",
        title=record.get("title"),
        published_on=_day(record.get("published_on")),
        published_at=_moment(record.get("published_at")),
        author=record.get("author"),
        source_credit=record.get("source_credit"),
        category=record.get("category"),
        lead=record.get("lead"),
        canonical_url=record.get("canonical_url"),
        cms=record.get("cms"),
        warnings=list(record.get("warnings") or []),
    )


def article_from_record(record: Record) -> Article:
    return Article(content=content_from_record(record), facts=facts_from_record(record), url=record.get("url"))


def read_articles(path: Path) -> Iterator[Article]:
    """Articles from a JSON Lines file written by `vnportal extract` (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield article_from_record(json.loads(line))
