"""Turn an article's `Facts` into rows of the fact tables (plain dicts, ready for an executemany insert).

Each row keeps the first evidence of its fact (offsets into `articles.text` plus the snippet); an official
gets one row per title, with the evidence whose snippet shows that title when there is one.
Duplicates the extractor may emit are merged here, so the tables' unique keys always hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extractors.normalize import match_form
from extractors.types import DatedMention, DocumentRef, Evidence, Facts, Official, Sitting, Term

Row = dict[str, Any]
IdFor = Callable[[Any], int]


def evidence_columns(evidence: Evidence | None) -> Row:
    if evidence is None:
        return {"start_offset": None, "end_offset": None, "snippet": None}
    if evidence.field != "text":  # read in the headline: no offsets into `articles.text`, the headline as snippet
        return {"start_offset": None, "end_offset": None, "snippet": evidence.snippet}
    return {"start_offset": evidence.start, "end_offset": evidence.end, "snippet": evidence.snippet}


def evidence_for_title(evidence: list[Evidence], title: str) -> Evidence | None:
    wanted = match_form(title).casefold()
    for item in evidence:
        if wanted and wanted in match_form(item.snippet).casefold():
            return item
    return evidence[0] if evidence else None


def official_rows(article_id: int, officials: list[Official], official_id: IdFor) -> list[Row]:
    rows: dict[tuple[int, str], Row] = {}
    for official in officials:
        oid = official_id(official)
        for title in official.titles or [""]:
            title = title.strip()
            if (oid, title) in rows:
                continue
            ev = evidence_for_title(official.evidence, title)
            status = official.status_of(title).value
            rows[(oid, title)] = {"article_id": article_id, "official_id": oid, "title": title, "status": status}
            rows[(oid, title)].update(evidence_columns(ev))
    return list(rows.values())


def citation_rows(article_id: int, documents: list[DocumentRef], document_id: IdFor) -> list[Row]:
    rows: dict[int, Row] = {}
    for ref in documents:
        did = document_id(ref)
        if did in rows:
            # the same document cited twice: keep the first citation, but take a date the first lacked
            rows[did]["issued_on"] = rows[did]["issued_on"] or ref.issued_on
            continue
        rows[did] = {"article_id": article_id, "document_id": did, "issued_on": ref.issued_on, "raw": ref.raw}
        rows[did].update(evidence_columns(ref.evidence[0] if ref.evidence else None))
    return list(rows.values())


def term_row(article_id: int, term: Term) -> Row:
    row: Row = {
        "article_id": article_id,
        "ordinal": term.ordinal,
        "start_year": term.start_year,
        "end_year": term.end_year,
        "organisation": term.organisation,
    }
    return row | evidence_columns(term.evidence[0] if term.evidence else None)


def sitting_row(article_id: int, sitting: Sitting) -> Row:
    row: Row = {"article_id": article_id, "kind": sitting.kind, "number": sitting.number}
    return row | evidence_columns(sitting.evidence[0] if sitting.evidence else None)


def dated_row(article_id: int, mention: DatedMention) -> Row:
    row: Row = {"article_id": article_id, "day": mention.day, "year_inferred": mention.year_inferred}
    return row | evidence_columns(mention.evidence[0] if mention.evidence else None)


def simple_fact_rows(article_id: int, facts: Facts) -> dict[str, list[Row]]:
    """Rows of the fact tables that need no lookup of a shared entity, by table name."""
    return {
        "terms": [term_row(article_id, t) for t in facts.terms],
        "sittings": [sitting_row(article_id, s) for s in facts.sittings],
        "dated_mentions": [dated_row(article_id, d) for d in facts.dates],
    }
