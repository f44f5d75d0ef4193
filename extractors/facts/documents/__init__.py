"""Numbered Party and state documents cited in an article body.

Party numbers are "N-TYPE/ISSUER" ("379-KH/TU", "35 –CT/TW"); state numbers "N/TYPE-ISSUER"
("06/NQ-HĐND"), "N/YYYY/TYPE-ISSUER" ("30/2020/NĐ-CP", "183/2010/TTLT/BTC-BNN"), laws "N/YYYY/QH13" and
official letters "N/ISSUER-UNIT" ("123/UBND-VP": no type, the whole code is the issuer, even when the text
calls it "Công văn"). The type is the code as written ("Quy định số 66-QĐ/TW" -> QĐ); the word beside it
names the kind (`type_name` "Quy định"). A document cited by word and number only ("Nghị quyết số 31 ngày
6/9/2016 của HĐND tỉnh") takes its issuer from the body named, or is linked to the full number given
elsewhere ("Thông tri số 10" -> "10-TT/TU"). One entry per document.

One module per step (`find_documents` runs them in order): `codes` (the shapes of codes) and `coded`,
`codeless` (citations found), `issue_dates` and `dated_text` (their days), `bodies` (their issuers), `lists`
(dates and bodies shared along lists), `exclusions` (numbers that are no document), `merge` (one entry per
document); `kinds`, `organs` and `patterns` are the tables and pattern pieces they share.
"""

from __future__ import annotations

from datetime import date

from extractors.facts.dates import ResolvedDate, resolved_dates
from extractors.facts.documents.bodies import (
    body_fits_code,
    issuer_of_bare_type,
    issuer_of_granted_paper,
    issuing_body,
    name_issuer,
    sole_issuer,
)
from extractors.facts.documents.citation import Citation
from extractors.facts.documents.coded import coded_citations
from extractors.facts.documents.codeless import codeless_citations
from extractors.facts.documents.codes import MAX_ISSUER_CHARS
from extractors.facts.documents.dated_text import DatesInText, latest_year
from extractors.facts.documents.exclusions import (
    company_paper,
    company_resolution,
    congress_ordinal,
    contract,
    court_ruling,
    model_name,
    numbered_thing,
    press_licence,
    timetable_slot,
    unowned_in_parentheses,
)
from extractors.facts.documents.issue_dates import EarlierDates, date_this_document, issued_before, issued_on
from extractors.facts.documents.kinds import regulation_letters
from extractors.facts.documents.lists import share_along_lists, share_bodies_at
from extractors.facts.documents.merge import merge_citations, rename_short_names
from extractors.facts.documents.organs import organ_name
from extractors.facts.spans import DisjointSpans
from extractors.normalize import RareCharacters, match_form
from extractors.types import DocumentRef

__all__ = ["MAX_ISSUER_CHARS", "find_documents"]


def _describe(citations: list[Citation], text: str, form: str, dated: DatesInText) -> None:
    """Dates and bodies, in text order, so that a "cùng ngày" knows the documents dated before it."""
    earlier = EarlierDates()
    for citation in sorted(citations, key=lambda c: c.start):
        citation.issued_on = issued_on(form, citation, dated, earlier)
        citation.opening_date = issued_before(form, citation, dated)
        earlier.add(citation, form)
        named = organ_name(text[slice(*citation.body_before)]) if citation.body_before else None
        citation.issuing_body = named or issuing_body(text, form, citation, dated)
        if citation.issuing_body and not body_fits_code(citation):
            citation.issuing_body = None  # another organ the sentence names ("NHNN phối hợp với Bộ X ban hành …")
        name_issuer(citation)


# Invisible characters an editor leaves inside a code ("35/\u200bKH-UBND", a soft hyphen at a line break) read as
# the space they stand for, keeping every offset.
INVISIBLE = RareCharacters(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", " "))


def find_documents(
    text: str, published_on: date | None = None, resolved: tuple[ResolvedDate, ...] | None = None
) -> list[DocumentRef]:
    """Every numbered document cited in `text`, once each, in order of first mention; a document's day written
    without a year takes the publication's year, as the article's other days do. `resolved`: the text's
    `resolved_dates` when the caller has them already."""
    form = INVISIBLE.apply(match_form(text))
    dated = DatesInText(resolved if resolved is not None else resolved_dates(form, published_on))
    dated.mark_births(form)
    coded = coded_citations(form)
    taken = DisjointSpans([(c.start, c.end) for c in coded])
    codeless = [c for c in codeless_citations(form) if not taken.overlaps(c.start, c.end)]
    _describe(coded + codeless, text, form, dated)
    share_along_lists(coded + codeless, form)
    share_bodies_at(codeless, text, form)
    for citation in coded + codeless:  # a list's own date, shared above, is nearer than the clause's
        citation.issued_on = citation.issued_on or citation.opening_date
        name_issuer(citation)  # the body a list shares
        issuer_of_bare_type(citation, form)
        issuer_of_granted_paper(citation, text, form)
        sole_issuer(citation)
    for citation in codeless:  # issued by the article's latest day at the latest
        year = citation.year or (citation.issued_on.year if citation.issued_on else None) or latest_year(dated)
        letters = regulation_letters(citation.type, citation.issuer, year)
        if letters != citation.type:  # the kind stays "Quy định"
            citation.word_type, citation.type = citation.type, letters
    codeless = [c for c in codeless if not company_resolution(c, form) and not unowned_in_parentheses(c)]
    codeless = [
        c for c in codeless if not (congress_ordinal(c, form) or company_paper(c, form) or timetable_slot(c, form))
    ]
    coded = [c for c in coded if not press_licence(c, form) and not court_ruling(c) and not contract(c)]
    coded = [c for c in coded if not model_name(c, form) and not numbered_thing(c, form)]
    codeless = [c for c in codeless if not press_licence(c, form)]
    rename_short_names(coded, codeless, form)
    refs = merge_citations(coded, codeless, text)
    date_this_document(refs, form, dated)
    return refs
