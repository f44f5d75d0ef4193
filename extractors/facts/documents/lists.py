"""Dates and bodies shared along lists: numbers under one type word, one date or body after the last ("Nghị định 77
và Nghị định 133 của Chính phủ"), bodies listed in order ("của Chính phủ, Thủ tướng tại Nghị quyết 16, Chỉ thị 04").
"""

from __future__ import annotations

import re

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.kinds import SOLE_ISSUERS, WORD_TO_TYPE
from extractors.facts.documents.merge import code_key
from extractors.facts.documents.organs import organ_name
from extractors.facts.documents.patterns import (
    BODY_AFTER_RUNNING_ON,
    BODY_HEAD,
    LIST_GAP,
    LOOK_AHEAD,
    LOOK_BEHIND,
    TYPE_WORD,
    WHAT_IT_DOES,
    WORD_BEFORE,
)

# A paper's own day, told right after its number: "Thông báo số 127 ngày 10/3/2017".
_OWN_DAY = r"(?:[\s,]*(?:ngày\s*)?\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4})"
# The generic word before a listed number: "văn bản số 12".
PAPER_BEFORE = re.compile(r"(?i:văn\s+bản)\s+(?:(?i:số)\s+)?$")
# Between numbers of one list (`LIST_GAP`) with the type word said again: "Nghị quyết số 18 và Nghị quyết số 19
# ngày 25/10/2017 của …", what the paper does told before its number ("Quyết định thu hồi đất số 2594 và Quyết định
# phê duyệt phương án bồi thường số 2595 (ngày 12/11/2015) của UBND TP").
LIST_GAP_RETYPED = re.compile(
    rf"\s*(?:,\s*(?:và\s+)?|và\s+)({TYPE_WORD})\s+(?:(?-i:{WHAT_IT_DOES})?số\s+)?", re.IGNORECASE
)


def share_along_lists(citations: list[Citation], form: str) -> None:
    """Numbers listed under one type word and followed by one date or body all carry it; the date and the body
    sit on the last ("Nghị định 77 và Nghị định 133 của Chính phủ"). The subject that issues the first issues the
    numbers listed after it ("Bộ Chính trị có các Quyết định 217, 218"), on the day that opens its clause."""
    ordered = sorted(citations, key=lambda c: c.start)
    for current, following in zip(reversed(ordered[:-1]), reversed(ordered[1:]), strict=True):
        if not (LIST_GAP.fullmatch(form, current.end, following.start) or _retyped_list(current, following, form)):
            continue
        if not current.issued_on and following.issued_on:
            current.issued_on = following.issued_on
            current.issuing_body = current.issuing_body or following.issuing_body
        elif not current.issued_on and not current.has_code:
            current.issuing_body = current.issuing_body or following.issuing_body
    for current, following in zip(reversed(ordered[:-1]), reversed(ordered[1:]), strict=True):
        if (
            _kinds_listed_under_one_body(current, following, form)
            or _parallel_clauses(current, following, form)
            or _dated_retyped_list(current, following, form)
            or _successive_papers(current, following, form)
        ):
            current.issuing_body = current.issuing_body or following.issuing_body
    for current, following in zip(ordered[:-1], ordered[1:], strict=True):  # the subject of the clause issues all
        if not (current.has_code or following.has_code) and (
            LIST_GAP.fullmatch(form, current.end, following.start) or _dated_retyped_list(current, following, form)
        ):
            following.issuing_body = following.issuing_body or current.issuing_body
        if LIST_GAP.fullmatch(form, current.end, following.start) and following.opening_date is None:
            following.opening_date = current.opening_date  # "Ngày 20/7, ông A ký 6 Quyết định số 2356, 2357, …"


# The bodies whose documents a list names after "tại": "chỉ đạo của Chính phủ, Thủ tướng Chính phủ tại Nghị quyết
# số 16, Chỉ thị số 04" (one body each, in order, or one body for all).
BODIES_AT = re.compile(rf"(?:của|do)\s+({BODY_HEAD}[^;.()“”\"]{{0,80}}?)\s+tại\s+$")
_BODY_SPLIT = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
LIST_GAP_ANY_TYPE = re.compile(rf"\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?:{TYPE_WORD})\s+)?(?:số\s+)?", re.IGNORECASE)


def share_bodies_at(citations: list[Citation], text: str, form: str) -> None:
    """Documents cited without a code in a list after "của A, B tại": A issued the first, B the second."""
    ordered = sorted((c for c in citations if not c.has_code), key=lambda c: c.start)
    groups: list[list[Citation]] = []
    for citation in ordered:
        if groups and LIST_GAP_ANY_TYPE.fullmatch(form, groups[-1][-1].end, citation.start):
            groups[-1].append(citation)
        else:
            groups.append([citation])
    for group in groups:
        word = WORD_BEFORE.search(form, max(0, group[0].start - LOOK_BEHIND), group[0].start) or PAPER_BEFORE.search(
            form, max(0, group[0].start - LOOK_BEHIND), group[0].start
        )
        opening = word.start() if word else group[0].start
        found = BODIES_AT.search(form, max(0, opening - LOOK_AHEAD), opening)
        if found is None:
            continue
        bodies = [organ_name(part) for part in _BODY_SPLIT.split(text[found.start(1) : found.end(1)])]
        if len(bodies) == 1:
            bodies *= len(group)
        if len(bodies) != len(group) or not all(bodies):
            continue
        for citation, body in zip(group, bodies, strict=True):
            citation.issuing_body = citation.issuing_body or body


# Two clauses joined by "và" that each cite a paper of one kind, the body named after the second: "bổ nhiệm lần hai
# tại quyết định số 1072 ngày 28.9.2010 và bổ nhiệm lần ba tại quyết định số 1122 ngày 23.12.2015 của Giám đốc Sở".
PARALLEL_GAP = re.compile(
    rf"{_OWN_DAY}?\s+và\s+(?:[^\W\d_]+\s+){{1,6}}?"
    rf"(?:tại|theo)\s+(?P<word>{TYPE_WORD})\s+(?:số\s+)?",
    re.IGNORECASE,
)


def _parallel_clauses(current: Citation, following: Citation, form: str) -> bool:
    return _same_kind_across(PARALLEL_GAP, current, following, form)


def _same_kind_across(gap_pattern: re.Pattern[str], current: Citation, following: Citation, form: str) -> bool:
    """Whether two codeless papers of one kind are joined by `gap_pattern`, whose "word" group names that kind."""
    if current.has_code or following.has_code or current.type != following.type:
        return False
    gap = gap_pattern.fullmatch(form, current.end, following.start)
    return gap is not None and WORD_TO_TYPE.get(" ".join(gap.group("word").split()).lower()) == current.type


# Two papers of one kind told in succession, the body named after the later: "Nghị quyết 27, rồi Nghị quyết 41 của
# Chính phủ", "theo Quyết định 163 và sau này là Quyết định 57 của Thủ tướng" (the later one followed the first, from
# the same body). Only the body is shared: the later paper's day is not the earlier one's.
SUCCESSION_GAP = re.compile(
    rf"{_OWN_DAY}?"  # the earlier one's own day, if told
    rf"\s*,?\s*(?:và\s+)?(?:rồi|sau\s+(?:này|đó)|tiếp\s+(?:đó|theo))(?:\s+(?:là|đến))?\s+(?P<word>{TYPE_WORD})\s+(?:số\s+)?",
    re.IGNORECASE,
)


def _successive_papers(current: Citation, following: Citation, form: str) -> bool:
    return _same_kind_across(SUCCESSION_GAP, current, following, form)


LIST_GAP_ANY_TYPE_DATED = re.compile(_OWN_DAY + LIST_GAP_ANY_TYPE.pattern, re.IGNORECASE)
BODY_AFTER_OWN_DAY = re.compile(f"{_OWN_DAY}?{BODY_AFTER_RUNNING_ON.pattern}", re.IGNORECASE)


def _kinds_listed_under_one_body(current: Citation, following: Citation, form: str) -> bool:
    """Two papers of different kinds cited without a code, joined, the body named after the last: the body is
    both's (their dates may differ: only the body is shared, "Thông báo số 127 ngày 10/3/2017 và công văn số 2718
    ngày 22/3/2017 của Văn phòng Chính phủ"); not a decree's or a law's, whose issuer is their own ("Nghị định 46 và
    Thông tư 63 của Bộ GTVT")."""
    if current.has_code or following.has_code or current.issuing_body:
        return False
    if current.type in SOLE_ISSUERS or current.type == following.type:  # one kind: `share_along_lists` decides
        return False
    gap = LIST_GAP_ANY_TYPE_DATED if current.issued_on else LIST_GAP_ANY_TYPE
    found = gap.fullmatch(form, current.end, following.start)
    return found is not None and BODY_AFTER_OWN_DAY.match(form, following.end) is not None


def _retyped_list(current: Citation, following: Citation, form: str) -> bool:
    """Two numbers under the same type word said twice, one date after the last: cited without a code ("Nghị quyết
    số 18 và Nghị quyết số 19 ngày 25/10/2017"), or with codes of one type and issuer ("Nghị quyết số 18-NQ/TW và
    Nghị quyết số 19-NQ/TW ngày 25/10/2017")."""
    if current.has_code != following.has_code or current.type != following.type:
        return False
    if current.has_code and code_key(current.issuer) != code_key(following.issuer):
        return False
    found = LIST_GAP_RETYPED.fullmatch(form, current.end, following.start)
    return found is not None and WORD_TO_TYPE[found.group(1).lower()] == current.type


# Papers of one kind listed with the word said again, each with its own day and maybe what it is about, set apart by
# commas or semicolons: "UBND TP có văn bản số 10129 ngày 21/11/2011 về áp dụng …; văn bản số 156 ngày 06/01/2012",
# "theo Quyết định số 108/2009 ngày 29/9/2009, Quyết định số 02/2010 ngày 18/01/2010 của UBND TP". One body, the
# clause's subject or the one named after the last, issues them all; the days stay each paper's own.
DATED_RETYPED_GAP = re.compile(
    rf"{_OWN_DAY}"  # the earlier paper's own day
    r"(?:\s+(?:về|V/v)\s+[^;.()\n]{1,120}?)?"  # what it is about, up to the list's next mark
    rf"\s*(?:[,;]\s*(?:và\s+)?|và\s+)(?P<word>{TYPE_WORD}|văn\s+bản)\s+(?:số\s+)?",
    re.IGNORECASE,
)


def _dated_retyped_list(current: Citation, following: Citation, form: str) -> bool:
    """Whether two codeless papers of one kind are listed by `DATED_RETYPED_GAP` ("văn bản" for a paper of no kind)."""
    return _same_kind_across(DATED_RETYPED_GAP, current, following, form)
