"""The JSON record of `vnportal extract` (the contract in shared/eval/README.md), plus extra keys."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from extractors.types import Article, DatedMention, DocumentRef, Evidence, Official, Sitting, Term


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _evidence_record(evidence: Evidence) -> dict[str, Any]:
    record: dict[str, Any] = {"start": evidence.start, "end": evidence.end, "snippet": evidence.snippet}
    if evidence.field != "text":
        record["field"] = evidence.field
    return record


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [_evidence_record(e) for e in items]


def official_record(official: Official) -> dict[str, Any]:
    return {
        "name": official.name,
        "titles": list(official.titles),
        "positions": [{"title": title, "status": str(official.status_of(title))} for title in official.titles],
        "evidence": _evidence(official.evidence),
    }


def document_record(document: DocumentRef) -> dict[str, Any]:
    return {
        "number": document.number,
        "type": document.type,
        "issuer": document.issuer,
        "issuer_named": document.issuer_named,
        "year": document.year,
        "issued_on": _iso(document.issued_on),
        "type_name": document.type_name,
        "issuing_body": document.issuing_body,
        "raw": document.raw,
        "evidence": _evidence(document.evidence),
    }


def term_record(term: Term) -> dict[str, Any]:
    return {
        "ordinal": term.ordinal,
        "start_year": term.start_year,
        "end_year": term.end_year,
        "organisation": term.organisation,
        "evidence": _evidence(term.evidence),
    }


def sitting_record(sitting: Sitting) -> dict[str, Any]:
    return {"kind": sitting.kind, "number": sitting.number, "evidence": _evidence(sitting.evidence)}


def dated_mention_record(mention: DatedMention) -> dict[str, Any]:
    return {
        "date": mention.day.isoformat(),
        "year_inferred": mention.year_inferred,
        "evidence": _evidence(mention.evidence),
    }


def article_record(article: Article, source: str) -> dict[str, Any]:
    content, facts = article.content, article.facts
    return {
        "source": source,
        "title": content.title,
        "published_on": _iso(content.published_on),
        "author": content.author,
        "text": content.text,
        "officials": [official_record(o) for o in facts.officials],
        "documents": [document_record(d) for d in facts.documents],
        "terms": [term_record(t) for t in facts.terms],
        "sittings": [sitting_record(s) for s in facts.sittings],
        "dates": sorted({d.day.isoformat() for d in facts.dates}),
        "dated_mentions": [dated_mention_record(d) for d in facts.dates],
        "url": article.url,
        "canonical_url": content.canonical_url,
        "published_at": _iso(content.published_at),
        "source_credit": content.source_credit,
        "category": content.category,
        "lead": content.lead,
        "cms": content.cms,
        "warnings": list(content.warnings),
    }
