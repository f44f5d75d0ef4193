"""Mentions of one document joined into one `DocumentRef`: a citation by word and number joins the coded document of
its number and kind; documents are kept in order of first mention.
"""

from __future__ import annotations

import re

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.kinds import CONFUSABLE_TYPES, JOINT_FORMS, UNTYPED_KINDS, WORD_TO_TYPE, type_name
from extractors.facts.documents.patterns import TYPE_WORD
from extractors.facts.evidence import make_evidence
from extractors.types import DocumentRef


def _number_key(number: str) -> str:
    return str(int(number)) if number.isdigit() else number


def _issued_by(ref: DocumentRef, issuer: str | None) -> bool:
    """Whether a code with no type letters may be the named body's ("UBND-THKH" is the UBND's, "QH13" the QH's)."""
    return issuer is None or (ref.issuer or "").upper().startswith(issuer.upper())


def code_key(code: str | None) -> str | None:
    """A type or issuer as it keys a document: the case a writer slipped on counts for nothing ("QH13", "Qh13")."""
    return code.upper() if code else code


def _new_ref(citation: Citation, text: str) -> DocumentRef:
    return DocumentRef(
        number=citation.number,
        type=None if citation.type in UNTYPED_KINDS else citation.type,  # "Luật số 34": the word names the kind
        issuer=citation.issuer,
        year=citation.year,
        issuer_named=citation.issuer_named,
        type_name=type_name(citation.word_type or citation.type, citation.party),
        raw=citation.raw or text[citation.start : citation.end],
    )


def _add(ref: DocumentRef, citation: Citation, text: str) -> None:
    ref.evidence.append(make_evidence(text, citation.start, citation.end))
    ref.issued_on = ref.issued_on or citation.issued_on
    ref.issuing_body = ref.issuing_body or citation.issuing_body


def _target_of(citation: Citation, same: list[DocumentRef]) -> DocumentRef | None:
    """The coded document a short citation ("Thông tri số 10") refers back to, among those of its number
    and type."""
    same = [r for r in same if citation.year is None or _of_year(r, citation.year)]  # "Nghị định 19/2011"
    exact = [r for r in same if citation.issuer is None or r.issuer == citation.issuer]
    return (exact or same or [None])[0]


def _of_year(ref: DocumentRef, year: int) -> bool:
    """Whether a short citation's year fits a coded paper: the code's year, or the year the text says it was issued
    ("Quyết định 26/2003" for "quyết định số 26/2006/QĐ-UB ngày 30-1-2003", a code whose year the writer slipped on)."""
    return ref.year in (None, year) or (ref.issued_on is not None and ref.issued_on.year == year)


def _kinds_written(doc_type: str | None) -> list[str | None]:
    """The codes a document of this kind may be numbered with ("Quy định số 66" is "66-QĐ/TW")."""
    partners = [other for pair in CONFUSABLE_TYPES if doc_type in pair for other in pair if other != doc_type]
    joint = [JOINT_FORMS[doc_type]] if doc_type in JOINT_FORMS else []
    return [doc_type, *partners, *joint]


class _Found:
    """The documents found so far, in order of first mention; one per number, type, issuer and year (the year
    of "19/2019/NĐ-CP" and "19/2011/NĐ-CP" tells two decrees apart; a citation without one joins the first)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_code: dict[tuple[str, str | None, str | None], list[DocumentRef]] = {}
        self.by_number: dict[tuple[str, str | None], list[DocumentRef]] = {}
        self.by_word: dict[tuple[str, str | None], list[DocumentRef]] = {}  # by the word written before the code
        self.first_seen: dict[int, int] = {}
        self.typeless_named: dict[int, str] = {}  # a code without type letters: the kind its word names

    def ref_for(self, citation: Citation) -> DocumentRef:
        code = (_number_key(citation.number), code_key(citation.type), code_key(citation.issuer))
        same_code = self.by_code.setdefault(code, [])
        ref = next((r for r in same_code if citation.year is None or r.year in (None, citation.year)), None)
        if ref is None:
            ref = _new_ref(citation, self.text)
            same_code.append(ref)
            self.by_number.setdefault(code[:2], []).append(ref)
            if citation.has_code and citation.named_as not in (None, citation.type):
                self.by_word.setdefault((code[0], code_key(citation.named_as)), []).append(ref)
            if citation.has_code and citation.type is None and citation.named_as is not None:
                self.typeless_named[id(ref)] = citation.named_as
            self.first_seen[id(ref)] = citation.start
        ref.year = ref.year or citation.year
        return ref

    def same_number(self, citation: Citation) -> list[DocumentRef]:
        """The coded documents of a short citation's number and kind; else those whose code has no type letters
        ("Luật số 71" is "71/2014/QH13", "công văn số 2502" is "2502/UBND-THKH")."""
        number = _number_key(citation.number)
        if citation.type is None:  # "văn bản số 119" names no kind: any coded paper of that number
            return [ref for (key, _), refs in self.by_number.items() if key == number for ref in refs]
        kinds = [code_key(kind) for kind in _kinds_written(citation.type)]
        same = [ref for kind in kinds for ref in self.by_number.get((number, kind), [])]
        # "Nghị định số 146/2025/TT-BCT …, Nghị định số 146": the code the word named before
        same = same or self.by_word.get((number, code_key(citation.type)), [])
        typeless = self.by_number.get((number, None), [])
        return same or [ref for ref in typeless if _issued_by(ref, citation.issuer)]

    def join_short_codes(self) -> None:
        """An older short code of one kind joins the full code of its number, kind and issuer: "Nghị định 24/CP"
        beside "Nghị định số 24/2006/NĐ-CP" is one decree, written the short way once the full code is given."""
        for same_code in self.by_code.values():
            for ref in list(same_code):
                kind = self.typeless_named.get(id(ref))
                if kind is None:
                    continue
                number, issuer = _number_key(ref.number), code_key(ref.issuer)
                full = [
                    other
                    for other in self.by_number.get((number, code_key(kind)), [])
                    if code_key(other.issuer) == issuer and ref.year in (None, other.year)
                ]
                if len(full) != 1:
                    continue
                target = full[0]
                target.evidence.extend(ref.evidence)
                target.issued_on = target.issued_on or ref.issued_on
                target.issuing_body = target.issuing_body or ref.issuing_body
                self.first_seen[id(target)] = min(self.first_seen[id(target)], self.first_seen[id(ref)])
                same_code.remove(ref)

    def in_text_order(self) -> list[DocumentRef]:
        refs = [ref for same_code in self.by_code.values() for ref in same_code]
        return sorted(refs, key=lambda r: self.first_seen[id(r)])


# The short name a text gives the paper just cited, told as such: "Nghị quyết số 66.13/2026 (gọi tắt là Nghị quyết số
# 66)"; later mentions by that name are the same paper, whatever number the short name carries.
SHORT_NAME_GIVEN = re.compile(
    rf"\s*\(\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\s+(?P<word>(?i:{TYPE_WORD}))\s+(?:(?i:số)\s+)?"
    r"(?P<number>\d{1,5})\s*\)"
)


def rename_short_names(coded: list[Citation], codeless: list[Citation], form: str) -> None:
    """Codeless mentions by a short name the text gave a paper take that paper's number, year and issuer, so that they
    join it."""
    for named in sorted(coded + codeless, key=lambda c: c.start):
        given = SHORT_NAME_GIVEN.match(form, named.end)
        if given is None or _number_key(given.group("number")) == _number_key(named.number):
            continue
        kind = WORD_TO_TYPE[given.group("word").lower()]
        for mention in codeless:
            if mention.type == kind and mention.number == given.group("number") and mention.start > named.end:
                mention.number, mention.year = named.number, named.year
                mention.issuer = mention.issuer or named.issuer


def merge_citations(coded: list[Citation], codeless: list[Citation], text: str) -> list[DocumentRef]:
    """Mentions of one document joined: a citation by word and number joins the coded one of its number and
    kind, else the one its body issued; a bare "Nghị định 29" with neither is kept with no issuer."""
    found = _Found(text)
    for citation in coded:
        _add(found.ref_for(citation), citation, text)
    for citation in sorted(codeless, key=lambda c: (c.issuer is None, c.start)):
        ref = _target_of(citation, found.same_number(citation))
        _add(ref or found.ref_for(citation), citation, text)
    found.join_short_codes()
    return found.in_text_order()
