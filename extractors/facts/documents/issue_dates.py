"""The day each document was issued: right after its number, after its issuer's place or quoted title, "cùng
ngày" a document before it, in an aside, in the clause that issues it, or in the closing line of a document
printed whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extractors.facts.dates import ResolvedDate
from extractors.facts.documents.citation import Citation
from extractors.facts.documents.dated_text import (
    SAME_DAY,
    DatesInText,
    date_after_title,
    date_right_after,
    past_quoted_title,
)
from extractors.facts.documents.kinds import TYPE_WORDS, WORD_TO_TYPE, type_name
from extractors.facts.documents.patterns import (
    BODY_AFTER,
    BODY_HEAD,
    IN_A_ROW,
    LOOK_AHEAD,
    LOOK_BEHIND,
    MAX_SENTENCE,
    SENTENCE_END,
    TYPE_WORD,
    WHAT_IT_DOES,
)
from extractors.types import DocumentRef

# A place's abbreviation keeps its dot inside the clause ("do Phó Giám đốc Sở Xây dựng TP. Hà Nội … ký ngày …", "Chủ
# tịch UBND TP.HCM, ký …").
# A place's name has two capitalised syllables at least: "UBND TP. Sau đó …" ends a sentence.
# (Case-sensitive inside case-blind patterns too.)
_PLACE_ABBREVIATION = r"(?-i:(?<![^\W\d_])(?:TP|Tp|TX|Q|H)\.(?=\s*[A-ZĐ][^\W\d_]*\s+[A-ZĐ]|HCM\b))"
# From a date to the document a clause issues after it: "Ngày 5/4/2023, Đảng ủy xã đã có Tờ trình số ", and in a
# time line "- Ngày 14/5/2026: UBND Thành phố ban hành Quyết định ".
# Papers issued in one clause before the one looked at: "ban hành Kế hoạch số 19-KH/TU và Hướng dẫn số ".
_ISSUED_BEFORE_IN_LIST = rf"(?:(?:{TYPE_WORD}|văn\s+bản)\s+(?:số\s+)?[\w/\-–]+\s*(?:,\s*(?:và\s+)?|và\s+))*"
# A clause may also send the paper ("Ngày 6/1/2017, Bộ Tài chính đã gửi Công văn số "), answer by it ("Ngày
# 24-7-2008, UBND quận trả lời bằng văn bản "), receive it ("ngày 25-3-2011, chúng tôi nhận được công văn số ") or
# speak at it ("ngày 14/11/2013 tại Văn bản số ").
# An approval made by a paper dates it too: "Ngày 29/11/2013, UBND tỉnh phê duyệt điều chỉnh tổng mức đầu tư theo Quyết
# định số 1764/QĐ-UBND" (what is approved, then "theo"/"tại" and the paper), or the paper itself ("ngày 17/8, Phó chủ
# tịch … phê duyệt quyết định số 3289/QĐ-UB"); so does a policy issued with the paper
# in an aside: "ngày 26/9/2011, Chính phủ đã ban hành các chính sách ưu đãi … (theo Quyết định 37/2011/QĐ-TTg)".
# A licence or certificate granted dates it too, its name before its number: "Ngày 3-9-2005, Sở Xây dựng đã cấp chứng
# chỉ quy hoạch số 173/2005/CCQH" (names opening with "giấy" or "chứng", as `bodies.GRANTED_BY` reads their issuer).
_ISSUING_VERB = (
    r"(?:ban hành|ký(?:\s+ban hành)?|có|ra|phát hành|thông qua|gửi|trả lời bằng|nhận được"
    r"|cấp(?:\s+lại)?\s+(?:giấy|chứng)(?:\s+[^\W\d_]+){0,5}?(?=\s+số\s)"
    r"|phê duyệt(?:(?:\s[^.;:!?\n\d,]{0,60}?)?\s(?:theo|tại)|(?=\s+(?:quyết|nghị)\s+định))"
    r"|ban hành\s[^.;:!?\n\d,()]{1,80}?\s\((?:theo|tại))"
)
# Words for a paper that name no type: "văn bản", and a telegram ("Ngày 17-3-2006, Thủ tướng Chính phủ đã có Điện
# khẩn số 441/TTg-NN", whose code has no type letters either).
_UNTYPED_PAPER = r"văn\s+bản|(?:bức\s+)?điện(?:\s+khẩn)?"
# The verb may go on ("lại ký tiếp Quyết định số …"), and the paper's word be followed by what it does before its
# number ("đã ra Quyết định khởi tố bị can số 363/C46", as `DESCRIBED_NUMBER` reads it).
ISSUED_AFTER_DATE = re.compile(
    rf"[\s,:]*(?:(?:(?:{_PLACE_ABBREVIATION}|[^.;:!?\n]){{0,160}}?\s)?(?:(?:đã|vừa)\s+)?{_ISSUING_VERB}\s+{IN_A_ROW}"
    rf"{_ISSUED_BEFORE_IN_LIST}|tại\s+(?=(?i:{TYPE_WORD}|văn\s+bản))"
    # the paper's word as the verb, its number in parentheses: "ngày 22-9 UBND TP đã Chỉ thị (số 26/2005/CT-UBND)"
    rf"|(?:(?:{_PLACE_ABBREVIATION}|[^.;:!?\n]){{0,160}}?\s)?(?:đã|vừa)\s+(?=(?i:{TYPE_WORD})\s*\())"
    # "ký Quyết định (số 3789/…)", "ký ba Quyết định: số 45/QĐ-UBND, số 46/QĐ-UBND"
    rf"(?:(?i:{TYPE_WORD}|{_UNTYPED_PAPER})(?:\s*:\s*|\s+)(?:{WHAT_IT_DOES})?)?(?:\(\s*)?(?:(?i:số)\s+)?",
    re.IGNORECASE,
)
LOOK_BEFORE_DATE = 220
# The signing said later in the clause: "Kế hoạch số 19-KH/TU về … được Ban Thường vụ Tỉnh ủy ban hành ngày
# 1/9/2016", "Quyết định số 245/QĐ-UBND của UBND huyện về …, ký ngày 3/3/2021" (no digit between: no other paper;
# no comma before the clause that signs: "Thực hiện Kế hoạch số 45, UBND xã ban hành ngày …" is another paper's).
# The paper may be the subject of a passive clause after a comma ("thông báo số 5373/TM-XNK, được chuyên viên … dự thảo
# và thứ trưởng … ký phát hành ngày 26-11-2003"), and "vào" or "hôm" say the day without "ngày" ("được ban hành vào
# 25/2/2003", "do Giám đốc Sở … ký hôm 11.7").
SIGNED_LATER = re.compile(
    rf"(?:\s*,(?=\s*được\s))?(?:{_PLACE_ABBREVIATION}|[^.!?;,\n\d()]){{0,100}}?(?:\s|\s*,\s*)"
    r"(?:ban hành|phát hành|ký(?:\s+(?:ban|phát)\s+hành)?)\s+(?:(?:vào|hôm)\s+(?=(?:ngày\s*)?\d)|(?=ngày\s))"
)
# A parenthesis after a citation, before the sentence ends, and the signing words inside it.
ASIDE_AFTER = re.compile(r"[^.!?\n()]*\((?P<aside>[^()\n]{0,240})\)")
SIGNED_ON = re.compile(r"\b(?:ký|ban hành)(?: ban hành)?(?= (?:vào )?ngày)", re.IGNORECASE)
LINE_OPENING = re.compile(rf"[\s\-+•*–]*(?i:{TYPE_WORD})\s+(?:(?i:số)\s+)?")
MAX_SERIES_GAP = 3


# The issuer's level and place written after a code, before its date: "Quyết định số 1234/QĐ-UBND tỉnh Quảng Ngãi ngày
# 5/3/2025", "Kế hoạch số 12/KH-UBND huyện ngày …" (a place's name is capitalised words, at most four).
PLACE_AFTER_CODE = re.compile(
    r"[ \t]+(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|TP\.?|Tp\.?)(?P<name>(?:(?:[ \t]*[-–][ \t]*|[ \t]+)"
    r"[^\W\d_]+){0,4}?)(?=[\s,]*ngày\s*\d)"
)


def _date_after_place(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The date written after the issuer's place that follows a code ("…/QĐ-UBND tỉnh Gia Lai ngày 5/3/2025")."""
    place = PLACE_AFTER_CODE.match(form, end)
    if place is None or not all(word[:1].isupper() for word in re.findall(r"[^\W\d_]+", place.group("name"))):
        return None
    return date_right_after(form, place.end(), dated)


# A date written between a paper's word and its number: "Theo Quyết định ngày 5/3/2025 số 123/QĐ-UBND".
WORD_BEFORE_DATE = re.compile(rf"(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:ngày)\s*)?$")
NUMBER_AFTER_DATE = re.compile(r"\s*,?\s*(?i:số)\s*:?\s*")
MAX_WORD_BEFORE_DATE = 40


def _date_between_word_and_number(form: str, start: int, dated: DatesInText) -> ResolvedDate | None:
    date_end = dated.last_end_before(start)
    if date_end is None or not NUMBER_AFTER_DATE.fullmatch(form, date_end, start):
        return None
    resolved = dated.resolved_by_end[date_end]
    word = WORD_BEFORE_DATE.search(form, max(0, resolved.hit.start - MAX_WORD_BEFORE_DATE), resolved.hit.start)
    return resolved if word else None


@dataclass
class DatedCitation:
    """A document the text gave a date, for a "cùng ngày" after it."""

    position: int
    day: date
    opens_line: bool = False  # an item of a list of documents ("- Quyết định số 2217-QĐ/TU ngày …")


@dataclass
class EarlierDates:
    """The documents dated so far, in text order: the last one, and each by issuer, type and number."""

    last: DatedCitation | None = None
    by_number: dict[tuple[str | None, str | None, int], date] = field(default_factory=dict)

    def add(self, citation: Citation, form: str) -> None:
        if citation.issued_on is None:
            return
        self.last = DatedCitation(citation.end, citation.issued_on, _opens_line(form, citation.start))
        if citation.number.isdigit():
            self.by_number[(citation.type, citation.issuer, int(citation.number))] = citation.issued_on

    def just_before_in_series(self, citation: Citation) -> date | None:
        """The day of the same body's document numbered just before ("1487-QĐ/TU ngày 28/5 … 1488-QĐ/TU cùng
        ngày"): one body numbers the papers of one day in a row."""
        if not citation.number.isdigit():
            return None
        number = int(citation.number)
        for gap in range(1, MAX_SERIES_GAP + 1):
            found = self.by_number.get((citation.type, citation.issuer, number - gap))
            if found:
                return found
        return None


def issued_on(form: str, citation: Citation, dated: DatesInText, earlier: EarlierDates) -> date | None:
    """The date the text gives a document: right after its number, after the body that issued it, or "cùng
    ngày" (see `_same_day`)."""
    if citation.written_day:  # "số 807 ngày 2/4/2004/QĐUB": read with its code
        return citation.written_day
    end = citation.end
    right_after = date_right_after(form, end, dated)
    right_after = right_after or (_date_after_place(form, end, dated) if citation.has_code else None)
    if right_after is None:  # "Chỉ thị số 05 “Về đẩy mạnh …” ngày 15/5/2016 của Bộ Chính trị"
        end = past_quoted_title(form, end)
        right_after = date_after_title(form, end, dated) if end != citation.end else None
    right_after = right_after or _date_between_word_and_number(form, citation.start, dated)
    if right_after:
        return _day_of(dated.attach(right_after), citation)
    same_day = SAME_DAY.match(form, end)
    if same_day:  # "cùng ngày 5/3/2025" names the day
        named = date_right_after(form, same_day.end(), dated)
        return _day_of(dated.attach(named), citation) if named else _same_day(form, citation, dated, earlier)
    body = BODY_AFTER.match(form, end, min(len(form), end + LOOK_AHEAD))
    body = None if body and TAKES_EFFECT.search(body.group(1)) else body
    after_body = date_right_after(form, body.end(), dated) if body else None  # "... của HĐND huyện ngày 20/12"
    if after_body and not _opens_next_clause(form, body.end(), after_body):
        return _day_of(dated.attach(after_body), citation)
    signed = _signed_in_aside(form, end, dated) or _signed_later(form, end, dated) or _after_subject(form, end, dated)
    return _day_of(dated.attach(signed), citation) if signed else None


# A paper's subject, then its day and the body that issued it: "NĐ 152/CP về việc xử phạt hành chính về lĩnh vực
# giao thông đường bộ, ngày 15.12.2005 của Chính phủ" (the body after the day tells it is the paper's, not the next
# clause's).
SUBJECT_THEN_DAY = re.compile(r"\s+(?:về|V/v|v/v|quy định)\s[^.;:!?\n\d()“”\"]{1,160}?,\s*(?=ngày\s*\d)")
BODY_AFTER_DAY = re.compile(rf"\s*,?\s*(?:của|do)\s+{BODY_HEAD}")
LOOK_AHEAD_SUBJECT = 200


def _after_subject(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    found = SUBJECT_THEN_DAY.match(form, end, min(len(form), end + LOOK_AHEAD_SUBJECT))
    resolved = date_right_after(form, found.end(), dated) if found else None
    return resolved if resolved and BODY_AFTER_DAY.match(form, resolved.hit.end) else None


# A body's name read up to "ngày" that runs on into the paper taking effect ("của UBND TP có hiệu lực từ ngày
# 4/5/2013") or being carried out from a day ("thực hiện chỉ thị 27 của UBND TP.HCM từ ngày 3-1-2000"): the day is when
# it applies, not when it was issued ("ban hành từ ngày" is read before the body's name ends).
TAKES_EFFECT = re.compile(r"(?<![^\W\d_])(?i:có\s+hiệu\s+lực|hiệu\s+lực\s+thi\s+hành|(?:kể\s+)?từ$)(?![^\W\d_])")


# After a body and a comma, a date that a comma or a subject follows opens the next clause: "Thực hiện Kế hoạch số
# 169/KH-UBND của UBND TP, ngày 2-2 (tức mùng 6 Tết), đoàn kiểm tra …", "…, ngày 6/2/2017 Chủ tịch UBND tỉnh đã có …".
# (A bare day is an aside: "văn bản 3897/QĐ-UBND của UBND ra đời sau, 23/12/2016, lại …".)
COMMA_BEFORE = re.compile(r"\s*,\s*(?i:ngày)\s*\d")
CLAUSE_AFTER_DATE = re.compile(r"\s*(?:\([^()\n]{0,60}\))?\s*(?:,|(?-i:[A-ZĐ]))")


def _opens_next_clause(form: str, body_end: int, resolved: ResolvedDate) -> bool:
    return bool(COMMA_BEFORE.match(form, body_end)) and bool(CLAUSE_AFTER_DATE.match(form, resolved.hit.end))


def _day_of(resolved: ResolvedDate, citation: Citation) -> date:
    """The day a date gives a document; a day written without its year takes the year in the document's number
    ("Ngày 24/4, Chính phủ ban hành Nghị định 49/2017/NĐ-CP": 2017, whatever year the article's other dates say)."""
    day = resolved.day
    if resolved.hit.year is None and citation.year and citation.year != day.year:
        try:
            return day.replace(year=citation.year)
        except ValueError:  # 29 February
            return day
    return day


def _signed_later(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    found = SIGNED_LATER.match(form, end, min(len(form), end + LOOK_AHEAD))
    return date_right_after(form, found.end(), dated) if found else None


def _signed_in_aside(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The signing date an aside gives the document just cited, in the same sentence: "Nghị quyết 01 của HĐND
    TP về … (Nghị quyết … khóa VIII, kỳ họp thứ 13 - ký ngày 14-6-2014)"."""
    aside = ASIDE_AFTER.match(form, end, min(len(form), end + LOOK_AHEAD))
    if aside is None:
        return None
    signed = SIGNED_ON.search(form, aside.start("aside"), aside.end("aside"))
    return date_right_after(form, signed.end(), dated) if signed else None


def _same_day(form: str, citation: Citation, dated: DatesInText, earlier: EarlierDates) -> date | None:
    """A bare "cùng ngày": the day of a document dated just before it, in the same sentence ("Kế hoạch số
    15-KH/ĐU ngày 2/4/2025 và Hướng dẫn số 03-HD/ĐU cùng ngày") or the list item before, or numbered just
    before it by the same body; else the day of the event told before it ("Ngày 27/3, HĐND phường bầu …
    Quyết định số 236/QĐ-UBND cùng ngày"), not a document date from another paragraph."""
    previous, end = earlier.last, citation.end
    if previous is not None and end - previous.position <= MAX_SENTENCE:
        same_sentence = not SENTENCE_END.search(form, previous.position, end)
        next_item = previous.opens_line and _opens_line(form, citation.start)
        if same_sentence or (next_item and _one_break_between(form, previous.position, citation.start)):
            return previous.day
    in_series = earlier.just_before_in_series(citation)
    return in_series or dated.last_event_before(end) or dated.last_before(end)


def _one_break_between(form: str, start: int, end: int) -> bool:
    """Whether the two positions lie on consecutive lines or paragraphs."""
    line = form.rfind("\n", start, end)
    return line >= 0 and "\n" not in form[start:line].rstrip("\n")


def _opens_line(form: str, start: int) -> bool:
    """Whether a citation opens its line, after a bullet and its type word ("- Quyết định số 2218-QĐ/TU")."""
    line = form.rfind("\n", max(0, start - LOOK_BEHIND), start)
    return line >= 0 and LINE_OPENING.fullmatch(form, line + 1, start) is not None


def issued_before(form: str, citation: Citation, dated: DatesInText) -> date | None:
    """A date opening the clause that issues the document: "Ngày 5/4/2023, Đảng ủy xã đã có Tờ trình số
    12-TTr/ĐU" (a date before a document that is only cited, "Ngày 5/4, hội nghị quán triệt Kế hoạch số
    ...", is the meeting's)."""
    start = citation.start
    date_end = dated.last_end_before(start)
    near = date_end is not None and start - date_end <= LOOK_BEFORE_DATE
    if date_end is not None and near and ISSUED_AFTER_DATE.fullmatch(form, date_end, start):
        day = _day_of(dated.resolved_by_end[date_end], citation)
        # a paper is issued in the year its number carries: "trước 15-10-1993 … đã ký ban hành nghị định số 198/2004"
        return None if citation.year and day.year != citation.year else day
    return _issued_the_same_day(form, citation, dated, date_end)


# "Cùng ngày" opening the clause that issues a document: "Ngày 5/3, UBND tỉnh ban hành Quyết định số 77/QĐ-UBND …;
# cùng ngày, Chủ tịch UBND tỉnh ký Quyết định số 78/QĐ-UBND" dates it with the day told before.
SAME_DAY_OPENING = re.compile(r"[cC](?<![^\W\d_][cC])(?i:ùng ngày)(?![^\W\d_])")


def _issued_the_same_day(form: str, citation: Citation, dated: DatesInText, date_end: int | None) -> date | None:
    start = citation.start
    window_start = max(0, start - LOOK_BEFORE_DATE, date_end if date_end is not None else 0)
    same_day = None
    for found in SAME_DAY_OPENING.finditer(form, window_start, start):
        same_day = found  # the last one before the document
    if same_day is None or not ISSUED_AFTER_DATE.fullmatch(form, same_day.end(), start):
        return None
    return dated.last_event_before(same_day.start())


# The closing line of a document printed whole: "Nghị quyết này được Quốc hội … khóa XIV, kỳ họp thứ 3, thông qua
# ngày 19 tháng 6 năm 2017", "Quyết định này được UBND tỉnh ban hành ngày …" dates the one document of that kind
# the text cites ("Quyết định này được đưa ra …" names no day).
# So does the kind's word alone opening a sentence, back to the paper just cited: "… theo Nghị quyết 743 của Uỷ ban
# Thường vụ Quốc hội. Nghị quyết ra ngày 24/12/2004 quy định …".
_KIND_WORDS = "|".join(re.escape(word) for word, _ in TYPE_WORDS)
PASSED_THIS = re.compile(
    rf"(?P<word>{_KIND_WORDS})\s+này\s+(?:đã\s+)?được\s+"
    r"(?:[^.;!?\n]{0,160}?\s)?(?:thông qua|ban hành|ký)\s+(?:vào\s+)?ngày\s*"
    rf"|(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))(?P<opening>{_KIND_WORDS})\s+(?:được\s+)?(?:ra|ban hành|ký)\s+ngày\s*"
)


def date_this_document(refs: list[DocumentRef], form: str, dated: DatesInText) -> None:
    by_kind: dict[str | None, list[DocumentRef]] = {}
    for ref in refs:
        by_kind.setdefault(ref.type_name, []).append(ref)
    for found in PASSED_THIS.finditer(form):
        resolved = dated.starting_at(found.end())
        word = found.group("word") or found.group("opening")
        of_kind = by_kind.get(type_name(WORD_TO_TYPE[word.lower()], party=False), [])
        if resolved is None or len(of_kind) != 1 or of_kind[0].issued_on is not None:
            continue
        if of_kind[0].evidence and of_kind[0].evidence[0].start < found.start():
            of_kind[0].issued_on = resolved.day
