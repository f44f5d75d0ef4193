"""The JSON record of `vnportal extract` (the contract in shared/eval/README.md), plus extra keys."""

from __future__ import annotations

from typing import Any

from extractors.types import Article, Evidence


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [{"start": e.start, "end": e.end, "snippet": e.snippet} for e in items]


def article_record(article: Article, source: str) -> dict[str, Any]:
    content, facts = article.content, article.facts
    return {
        "source": source,
        "title": content.title,
        "published_on": content.published_on.isoformat() if content.published_on else None,
        "author": content.author,
        "text": content.text,
        "officials": [
            {"name": o.name, "titles": list(o.titles), "evidence": _evidence(o.evidence)}
            for o in facts.officials
        ],
        "documents": [
            {
                "number": d.number,
                "type": d.type,
                "issuer": d.issuer,
                "year": d.year,
                "issued_on": d.issued_on.isoformat() if d.issued_on else None,
                "type_name": d.type_name,
                "issuing_body": d.issuing_body,
                "raw": d.raw,
                "evidence": _evidence(d.evidence),
            }
            for d in facts.documents
        ],
        "terms": [
            {
                "ordinal": t.ordinal,
                "start_year": t.start_year,
                "end_year": t.end_year,
                "organisation": t.organisation,
                "evidence": _evidence(t.evidence),
            }
            for t in facts.terms
        ],
        "sittings": [
            {"kind": s.kind, "number": s.number, "evidence": _evidence(s.evidence)} for s in facts.sittings
        ],
        "dates": sorted({d.day.isoformat() for d in facts.dates}),
        "dated_mentions": [
            {"date": d.day.isoformat(), "year_inferred": d.year_inferred, "evidence": _evidence(d.evidence)}
            for d in facts.dates
        ],
        "url": article.url,
        "canonical_url": content.canonical_url,
        "published_at": content.published_at.isoformat() if content.published_at else None,
        "source_credit": content.source_credit,
        "category": content.category,
        "lead": content.lead,
        "cms": content.cms,
        "warnings": list(content.warnings),
    }
