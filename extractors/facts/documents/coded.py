"""Citations that carry a code ("379-KH/TU", "30/2020/NĐ-CP"): the number, type and issuer read from the code, and
the numbers a list or a range shares with one code ("106, 107/QĐ-TTg", "541-543/QĐ-TTg").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.codes import (
    ASCII_TYPE_LETTERS,
    DOTTED_TAIL,
    DOTTED_YEAR_NUMBER,
    GLUED_ISSUERS,
    GLUED_TYPE_NUMBER,
    GLUED_TYPES,
    LOOK_BEFORE_LIST,
    LOWER_CASE_NUMBER,
    MAX_ISSUER_CHARS,
    MAX_RANGE,
    MAX_TYPE_LETTERS,
    MIXED_CASE_ISSUERS,
    MONTH_BEFORE,
    NAMED_BEFORE,
    NUMBER_RANGE,
    NUMBERS_SHARING_CODE,
    PARTY_NUMBER,
    RANGE_WORD_BEFORE,
    SPACED_ISSUER,
    SPACED_STATE_NUMBER,
    STATE_NUMBER,
    TYPELESS_NUMBER,
)
from extractors.facts.documents.kinds import CONFUSABLE_TYPES, TYPE_BY_LOWER, TYPE_NAMES, WORD_TO_TYPE
from extractors.facts.documents.organs import initial
from extractors.facts.documents.patterns import (
    LIST_GAP,
    LOOK_AHEAD,
    LOOK_BEHIND,
    MAX_BARE_YEAR,
    MIN_BARE_YEAR,
    NOT_A_DESCRIPTION,
    TYPE_WORD,
    WORD_BEFORE,
)
from extractors.facts.spans import DisjointSpans

_SEPARATOR = re.compile(r"\s*[-/]\s*")
# Type letters that older numbers wrote after the issuer's ("Quyết định số 162/VH-QĐ"); letters that also close a
# unit's code ("UBND-TH", "BTC-CST") are left as the issuer's.
TYPES_AFTER_ISSUER: frozenset[str] = frozenset({"QĐ", "NĐ", "NQ", "CT"})
# "văn bản" right before the number names no kind of paper, so the code is read as written: "Văn bản số 346/UB-QĐ"
# is type "" and issuer UB-QĐ (corpus batch 18), not a decision of UB.
KINDLESS_WORD_BEFORE = re.compile(r"(?i:văn\s+bản)\s+(?:(?i:số)\s+)?$")


def _kindless_word_before(form: str, start: int) -> bool:
    return KINDLESS_WORD_BEFORE.search(form[max(0, start - LOOK_BEHIND) : start]) is not None


def _word_type(form: str, start: int) -> str | None:
    found = WORD_BEFORE.search(form[max(0, start - LOOK_BEHIND) : start])
    if found is None:
        return None
    return WORD_TO_TYPE.get(found.group(1).lower()) if found.group(1) else TYPE_BY_LOWER[found.group(2).lower()]


def _party_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "379-KH/TU"; type letters we do not list count after a word naming a type ("Quyết định số 470-QĐNS/TW")."""
    letters = found.group(2)
    doc_type = TYPE_BY_LOWER.get(letters.lower())
    if doc_type is None and letters.isupper() and len(letters) <= MAX_TYPE_LETTERS and _word_type(form, found.start()):
        doc_type = letters
    if doc_type is None or len(found.group(3)) > MAX_ISSUER_CHARS:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group(3), party=True)


# A paper's word and what it does, then "số", before a code of type letters alone: "quyết định công nhận tốt nghiệp số
# 690/QĐ ngày 12/10/1972" (as `codeless.DESCRIBED_NUMBER` reads a number with no code after such words).
DESCRIBED_WORD_BEFORE = re.compile(rf"(?i:({TYPE_WORD}))(?P<what>(?:\s+[a-zà-ỹđ]+){{1,6}}?)\s+(?i:số)\s+$")
LOOK_BEHIND_DESCRIBED = 80


def _described_type(form: str, start: int) -> str | None:
    """The type a word names when what the paper does stands between it and "số"."""
    found = DESCRIBED_WORD_BEFORE.search(form, max(0, start - LOOK_BEHIND_DESCRIBED), start)
    if found is None or set(found.group("what").split()) & NOT_A_DESCRIPTION:
        return None
    return WORD_TO_TYPE[found.group(1).lower()]


def _issuerless(found: re.Match[str], form: str, year: int | None) -> Citation | None:
    """Type letters without a dash and issuer after them, after a word naming a type ("Thông báo số 431/TB",
    "quyết định công nhận tốt nghiệp số 690/QĐ"), or after a year, which makes the code a paper's on its own
    ("Quyết định điều chỉnh 35/2004/QĐ"); the issuer may follow after a space. Letters that are another type than
    the word names are the issuer, an older number's ("Quyết định số 202/CT" of the Chairman, as "Nghị định số
    100/TTg")."""
    letters = found.group(5)
    word = _word_type(form, found.start()) or _described_type(form, found.start())
    numbered_with_year = found.group(2) is not None and year is not None  # "35/2004/QĐ", not "2021-2025/NQ"
    if (word is None and not numbered_with_year) or not letters.isupper():
        return None
    # "quyết định số 2283/QD": the word's type typed without its mark is that type, as written
    doc_type = TYPE_BY_LOWER.get(letters.lower(), letters)
    unmarked = word is not None and word.replace("Đ", "D") == letters
    if word is not None and word != doc_type and not unmarked and frozenset({word, doc_type}) not in CONFUSABLE_TYPES:
        return Citation(found.start(), found.end(), found.group(1), None, letters, year=year)
    spaced = SPACED_ISSUER.match(form, found.end())
    if spaced and spaced.group(1).lower() not in TYPE_BY_LOWER:
        return Citation(found.start(), spaced.end(), found.group(1), doc_type, spaced.group(1), year=year)
    return Citation(found.start(), found.end(), found.group(1), doc_type, None, year=year)


def _state_citation(found: re.Match[str], form: str, listed: bool = False) -> Citation | None:
    """`listed`: the number follows a code just read, in a list ("Nghị định 64/CP, 65/CP và 66/CP")."""
    if MONTH_BEFORE.search(form, max(0, found.start() - LOOK_BEHIND), found.start()):
        return None
    segments = _SEPARATOR.split(found.group(5))
    written_year = found.group(2) or found.group(3) or found.group(4)
    year = int(written_year) if written_year else None
    if year is not None and year > MAX_BARE_YEAR:  # a year typed with a digit too many ("279/20116/TT-BTC")
        year = None
    if year is None and len(segments) == 1 and not listed and not _named_before(form, found.start()):
        return None
    if found.group(4) and segments[0].lower() not in TYPE_BY_LOWER:
        return None  # "19-2017/NQ-CP" has type letters; "2020-2025/TTg" is a span of years
    if found.group(3) and found.group(1).isdigit() and MIN_BARE_YEAR <= int(found.group(1)) <= MAX_BARE_YEAR:
        return None  # "2019/2020-…" is a school year
    glued = _glued_code(segments)
    if glued:
        doc_type, issuer = glued
    elif segments[0].lower() in TYPE_BY_LOWER or segments[0] in ASCII_TYPE_LETTERS:
        if len(segments) == 1:  # "12/KH": a number only after the word naming its type ("Thông báo số 431/TB")
            return _issuerless(found, form, year)
        doc_type = TYPE_BY_LOWER.get(segments[0].lower(), segments[0])
        issuer = "-".join(segments[1:])
    elif (
        len(segments) == 2
        and segments[1] in TYPES_AFTER_ISSUER
        and segments[0].lower() not in TYPE_BY_LOWER
        and not _kindless_word_before(form, found.start())
    ):
        doc_type, issuer = segments[1], segments[0]  # an older order, the issuer first: "số 162/VH-QĐ" (1976)
    elif _coded_by_its_kind(form, found.start(), segments[0]):
        doc_type, issuer = segments[0], "-".join(segments[1:]) or None  # "Giấy phép xây dựng số 223/GPXD"
    elif year is not None or len(segments) > 1 or (len(segments[0]) >= 2 and segments[0].isupper()):
        doc_type, issuer = None, "-".join(segments)  # a law ("49/2014/QH13") or an official letter
    elif _mixed_case_issuer(segments[0]) and _word_type(form, found.start()):
        doc_type, issuer = None, segments[0]  # an older number: "Nghị định số 100/TTg", "Công văn 18/KtrVB"
    else:
        return None
    if issuer is not None and len(issuer) > MAX_ISSUER_CHARS:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, issuer, year=year)


# A licence's or certificate's name before its number: "Giấy phép xây dựng số ", "chứng chỉ quy hoạch số ", "giấy chứng
# nhận quyền sử dụng đất số " (from a word that heads such names).
KIND_NAME_BEFORE_NUMBER = re.compile(r"((?:[^\W\d_]+\s+){2,9})(?i:số)\s*:?\s*$")
LICENCE_HEADS: frozenset[str] = frozenset({"giấy", "chứng"})
MIN_KIND_INITIALS = 3  # "GP" and "CC" alone are a listed type or no code of a kind


def _coded_by_its_kind(form: str, start: int, letters: str) -> bool:
    """Whether a code's letters are the initials of the licence's name before its number, or the name's initials
    open them ("Giấy phép xây dựng số 223/GPXD", "giấy phép số 223/GPXD", "chứng chỉ quy hoạch số 173/2005/CCQH"): a
    paper numbered by its kind, as "QĐ" numbers a decision, not by its issuer."""
    if not (letters.isalpha() and letters.isupper() and len(letters) >= MIN_KIND_INITIALS):
        return False
    found = KIND_NAME_BEFORE_NUMBER.search(form, max(0, start - LOOK_BEHIND_DESCRIBED), start)
    words = found.group(1).split() if found else []
    head = next((index for index, word in enumerate(words) if word.lower() in LICENCE_HEADS), None)
    if head is None or len(words) - head < 2:
        return False
    initials = "".join(initial(word) for word in words[head:]).replace("Đ", "D")
    code = letters.replace("Đ", "D")
    return code.startswith(initials) or initials.startswith(code)


def _mixed_case_issuer(segment: str) -> bool:
    """A unit's initials written in mixed case, as one listed ("TTg") or ending in two capitals ("KtrVB": Kiểm tra
    văn bản); "Tháng" or "Ban" after a number name no issuer."""
    return segment in MIXED_CASE_ISSUERS or (len(segment) >= 3 and segment[-2:].isupper() and segment[-2:].isalpha())


def _with_dotted_tail(citation: Citation, form: str) -> Citation:
    """Each part joined by a dot, in turn: "số 763/UBND.TNMT", "Quyết định 235/QĐ.UB.ND" (the issuer "UB.ND", as
    written)."""
    if not _named_before(form, citation.start):
        return citation
    tail = DOTTED_TAIL.match(form, citation.end)
    while tail is not None and len(citation.issuer or "") + len(tail.group(1)) < MAX_ISSUER_CHARS:
        if citation.issuer is None:  # "123/QĐ.UBND": the dot stands for the dash
            citation.issuer = tail.group(1)
        else:
            citation.issuer = f"{citation.issuer}.{tail.group(1)}"
        citation.end = tail.end(1)
        tail = DOTTED_TAIL.match(form, citation.end)
    return citation


def type_and_issuer(code: str) -> tuple[str | None, str | None]:
    """A code's type and issuer, read as a state number's ("QĐ-UB" -> QĐ and UB, "QĐUB" glued -> QĐ and UB, "QĐ" ->
    QĐ and none, "UBND-VP" -> none and UBND-VP)."""
    segments = _SEPARATOR.split(code)
    glued = _glued_code(segments)
    if glued:
        return glued
    if segments[0].lower() in TYPE_BY_LOWER:
        return TYPE_BY_LOWER[segments[0].lower()], "-".join(segments[1:]) or None
    return None, code


# A police unit's code in brackets after the issuer's ("Quyết định số 2345/QĐ-BCA(A11)", "văn bản số 200/CV-CAT (PA
# 83)"): the issuer is the code as written before it; the paper's day and body are read after it.
UNIT_IN_BRACKETS = re.compile(r"[ \t]?\([A-ZĐ]{1,6}[ .-]?\d{0,4}[A-ZĐ]?\)")


def _past_unit_in_brackets(citation: Citation, form: str) -> Citation:
    unit = UNIT_IN_BRACKETS.match(form, citation.end)
    if unit is not None and citation.issuer:
        citation.end = unit.end()
    return citation


def _glued_code(segments: list[str]) -> tuple[str, str] | None:
    """ "QĐUB" -> ("QĐ", "UB"): type letters we list glued to an issuer we list, the dash left out."""
    if len(segments) != 1:
        return None
    for cut in range(len(segments[0]) - 1, 0, -1):
        letters, issuer = segments[0][:cut], segments[0][cut:]
        if issuer in GLUED_ISSUERS and letters in GLUED_TYPES:
            return letters, issuer
    return None


def _named_before(form: str, start: int) -> bool:
    return NAMED_BEFORE.search(form, max(0, start - LOOK_BEHIND), start) is not None


def _apply_word_type(citation: Citation, form: str) -> None:
    """The type stays the code as written; the word beside it names the kind (`type_name`) where the two may
    differ ("Quy định số 55-QĐ/TW": type QĐ, a quy định)."""
    word = _word_type(form, citation.start)
    citation.word_type = citation.named_as = word
    if word is None or citation.type is None or word == citation.type or citation.type not in TYPE_NAMES:
        # a code that names no type keeps none ("Công văn số 123/UBND-VP": official letters carry no type);
        # type letters we do not list ("QĐNS") take their kind from the word
        return
    if not (citation.party and frozenset({word, citation.type}) in CONFUSABLE_TYPES):
        citation.word_type = None


_LISTED_NUMBER = re.compile(r"\d{1,5}")


def _numbers_sharing_code(citation: Citation, form: str) -> list[Citation]:
    """The numbers listed before a coded one that share its code ("106, 107/QĐ-TTg" -> 106/QĐ-TTg too)."""
    window_start = max(0, citation.start - LOOK_BEFORE_LIST)
    if not form[window_start : citation.start].rstrip().endswith((",", "và")):
        return []  # a listed number is followed by "," or "và": most codes have neither before them
    found = NUMBERS_SHARING_CODE.search(form, window_start, citation.start)
    if found is None:
        return []
    shared = []
    for number in _LISTED_NUMBER.finditer(form, found.start(1), found.end(1)):
        if MIN_BARE_YEAR <= int(number.group()) <= MAX_BARE_YEAR:
            return []  # "năm 2019, 2020/…" lists years
        shared.append(
            Citation(
                number.start(),
                number.end(),
                number.group(),
                citation.type,
                citation.issuer,
                citation.year,
                citation.party,
            )
        )
    return shared


def _numbers_in_range(form: str, taken: DisjointSpans) -> list[Citation]:
    """ "541-543/QĐ-TTg" -> 541, 542 and 543/QĐ-TTg; spans run from the first number to the code's end, so that the
    code's date and body reach each."""
    citations = []
    for found in NUMBER_RANGE.finditer(form):
        low, high = int(found.group(1)), int(found.group(2))
        if not 0 < high - low <= MAX_RANGE or MIN_BARE_YEAR <= high <= MAX_BARE_YEAR:
            continue
        if not RANGE_WORD_BEFORE.search(form, max(0, found.start() - LOOK_BEHIND), found.start()):
            continue
        tail = form[found.start(2) : found.start(2) + LOOK_AHEAD]  # the last number read as a code of its own
        code = STATE_NUMBER.match(tail)
        last = _state_citation(code, tail, listed=True) if code else None
        if last is None or last.type is None:
            continue
        end = found.start(2) + last.end
        shared_code = form[found.end(2) : end]
        last_read = taken.overlaps(found.start(2), end)  # "từ số 1204 đến 1206/QĐ-UBND": 1206 is read already
        for number in range(low, high + 1 if not last_read else high):
            written = found.group(1) if number == low else str(number).zfill(len(found.group(1)))
            written = found.group(2) if number == high else written
            citation = Citation(found.start(1), end, written, last.type, last.issuer, year=last.year)
            citation.raw = written + shared_code
            citations.append(citation)
    return citations


def coded_citations(form: str) -> list[Citation]:
    citations = [
        _past_unit_in_brackets(c, form) for m in PARTY_NUMBER.finditer(form) if (c := _party_citation(m, form))
    ]
    taken = DisjointSpans([(c.start, c.end) for c in citations])
    last_end = -1  # where the last code read ends: a list names its later codes by the first one
    for found in STATE_NUMBER.finditer(form):
        if taken.overlaps(found.start(), found.end()):
            continue
        listed = last_end >= 0 and LIST_GAP.fullmatch(form, last_end, found.start()) is not None
        citation = _state_citation(found, form, listed)
        if citation:
            citation = _past_unit_in_brackets(_with_dotted_tail(citation, form), form)
            citations.append(citation)
            taken.add(citation.start, citation.end)
            last_end = citation.end
    for pattern, read in _MISWRITTEN_CODES:
        for found in pattern.finditer(form):
            citation = read(found, form)
            if citation and not taken.overlaps(citation.start, citation.end):
                citations.append(citation)
    citations += [shared for citation in list(citations) for shared in _numbers_sharing_code(citation, form)]
    citations += _numbers_in_range(form, DisjointSpans([(c.start, c.end) for c in citations]))
    for citation in citations:
        _apply_word_type(citation, form)
    return citations


def _known_type_after_word(found: re.Match[str], form: str) -> str | None:
    """The type of letters set off from their number by a space or by nothing ("309 QĐ-TTg", "18NQ/TW"): known type
    letters only, as listed or in capitals, and only after a word naming a type."""
    doc_type = TYPE_BY_LOWER.get(found.group("type").lower())
    if doc_type is None or found.group("type") not in (doc_type, doc_type.upper()):
        return None
    return doc_type if _word_type(form, found.start()) is not None else None


def _spaced_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Quyết định 309 QĐ-TTg" -> 309/QĐ-TTg: only known type letters, only after a word naming a type."""
    doc_type = _known_type_after_word(found, form)
    if doc_type is None:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group("issuer"))


def _glued_type_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Nghị quyết 18NQ/TW" -> 18-NQ/TW, "Quyết định số 123QĐ-UBND" -> 123/QĐ-UBND: only known type letters, only
    after a word naming a type."""
    doc_type = _known_type_after_word(found, form)
    if doc_type is None:
        return None
    party = found.group("separator") == "/"
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group("issuer"), party=party)


def _lower_case_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Kế hoạch số 45-kh/hu" -> 45-KH/HU: only known type letters, only after a word naming a type."""
    letters = found.group("party_type") or found.group("state_type")
    doc_type = TYPE_BY_LOWER.get(letters)
    if doc_type is None or _word_type(form, found.start()) is None:
        return None
    party = found.group("party_type") is not None
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group("issuer").upper(), party=party)


def _typeless_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Quyết định số 130-CP": only after a type word, and only when the letters are no type code; type letters
    first are a code whose slash was typed as a dash ("Nghị quyết số 05-NQ-TW", "Kế hoạch số 12-KH-UBND")."""
    segments = found.group(2).split("-")
    if _word_type(form, found.start()) is None:
        return None
    if segments[0].lower() not in TYPE_BY_LOWER:
        return Citation(found.start(), found.end(), found.group(1), None, found.group(2))
    if len(segments) < MIN_DASHED_CODE_SEGMENTS:
        return None
    return Citation(found.start(), found.end(), found.group(1), segments[0], "-".join(segments[1:]))


MIN_DASHED_CODE_SEGMENTS = 2


def _dotted_year_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Thông tư số 11.2013-NHNN" -> 11/2013-NHNN: only after a word naming a type."""
    if _word_type(form, found.start()) is None:
        return None
    return Citation(found.start(), found.end(), found.group(1), None, found.group(3), year=int(found.group(2)))


# Codes written in older or mistyped forms, read after the Party and state codes, where those left the text free.
_MISWRITTEN_CODES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], Citation | None]], ...] = (
    (TYPELESS_NUMBER, _typeless_citation),
    (DOTTED_YEAR_NUMBER, _dotted_year_citation),
    (SPACED_STATE_NUMBER, _spaced_citation),
    (GLUED_TYPE_NUMBER, _glued_type_citation),
    (LOWER_CASE_NUMBER, _lower_case_citation),
)
