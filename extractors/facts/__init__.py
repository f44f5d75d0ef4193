"""Fact extraction over an article body: officials, documents, terms, sittings and dates."""

from __future__ import annotations

from datetime import date

from extractors.facts.dates import find_dates, resolved_dates
from extractors.facts.documents import find_documents
from extractors.facts.officials import find_officials
from extractors.facts.staff_tables import with_staff_tables
from extractors.facts.terms import find_sittings, find_terms, with_headline_terms
from extractors.normalize import match_form
from extractors.types import Facts


def extract_facts(
    text: str, *, published_on: date | None = None, author: str | None = None, headline: str | None = None
) -> Facts:
    """Every fact of one article body; offsets refer to `text`. The headline adds only the terms it names
    (a headline's "HĐND tỉnh khóa XIII" is a mention of its own), never people, papers or dates."""
    resolved = resolved_dates(match_form(text), published_on)  # read once: documents date themselves from them
    return Facts(
        officials=with_staff_tables(text, find_officials(text, author=author)),
        documents=find_documents(text, published_on, resolved),
        terms=with_headline_terms(find_terms(text), headline),
        sittings=find_sittings(text),
        dates=find_dates(text, published_on, resolved),
    )


__all__ = ["extract_facts"]
