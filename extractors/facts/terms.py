"""Congress and committee terms ("lần thứ XVII, nhiệm kỳ 2025 - 2030", "khóa XXIV", "Đại hội XIII") and
the plenum/session numbers that are not terms ("Hội nghị lần thứ 22", "kỳ họp thứ 9", "phiên họp thứ nhất").

Terms are read mention by mention, as the gold annotates them: a mention without years gives
(ordinal, None, None), a "nhiệm kỳ Y1 - Y2" that belongs to no ordinal gives (None, Y1, Y2), and the years of
a "nhiệm kỳ" go to every ordinal coordinated before it ("HĐND tỉnh khóa III và HĐND huyện khóa IV, nhiệm kỳ
2016 - 2021"). "lần thứ N" is a term only under a congress ("Đại hội ... lần thứ"), a plenum under
"Hội nghị", and nothing under festivals and contests ("Ngày hội ... lần thứ VII").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.facts.evidence import make_evidence
from extractors.facts.numerals import NUMBER_WORD_PATTERN, ordinal_value
from extractors.normalize import match_form
from extractors.types import Evidence, Sitting, Term

_ROMAN = r"[IVXLCDM]+"
_ORDINAL = rf"(?:{_ROMAN}|\d{{1,2}}|(?i:{NUMBER_WORD_PATTERN}))"
_END = r"(?![^\W_])"

# Further terms listed after one: "Đại biểu Quốc hội khóa X, XII, XIII,XIV", "khóa XI và XII". A word in brackets
# may qualify the one before ("Ủy viên Trung ương Đảng khóa 12 (dự khuyết), 13, 14").
_LIST_ASIDE = r"(?:\s*\([^()\d]{1,30}\))?"
TERM_LIST_MORE = re.compile(rf"{_LIST_ASIDE}\s*(?:,|và)\s*({_ROMAN}){_END}")
# The same in digits, "Ủy viên Trung ương Đảng các khóa 10, 11, 12": digits continue a list only after a term in
# digits and only upwards, so a count after it ("khóa 14, 20 đại biểu") is no term.
TERM_LIST_MORE_DIGITS = re.compile(rf"{_LIST_ASIDE}\s*(?:,|và)\s*(\d{{1,2}})(?!\d)(?![^\W_])")
NTH_TIME = re.compile(rf"(?i:lần\s+thứ)\s+({_ORDINAL}){_END}")
# "Đại hội công đoàn cơ quan ... lần V nhiệm kỳ 2017-2022", "Đại hội Đảng lần VI": "thứ" left out before a Roman
# numeral (never before digits or words: "lần 2", "lần hai" count occasions).
# Patterns whose word must not be glued to a letter before it check that after its first letter ("l" not preceded
# by a letter), so that they open with a letter and the search skips ahead to it instead of trying every position.
NTH_TIME_ROMAN = re.compile(rf"(?i:l(?<![^\W_]l)ần)\s+({_ROMAN}){_END}")
TERM_OF = re.compile(rf"(?i:khóa|khoá)\s+({_ROMAN}|\d{{1,2}}){_END}")
# "Ban Chấp hành Đảng bộ huyện nhiệm kỳ III (2015-2020)", "HĐND TP trong nhiệm kỳ VII": a term numbered like a
# "khóa" (Roman numerals only: "nhiệm kỳ 2020 - 2025" is a span of years).
NUMBERED_TERM = re.compile(rf"(?i:nhiệm\s+kỳ)\s+({_ROMAN}){_END}")
# "Hội đồng trường nhiệm kỳ thứ 3", "Đại hội nhiệm kỳ thứ mười hai của Hội Nhà văn": a body's term by its rank. A
# person's term ("nhiệm kỳ thứ hai của ông", "tái đắc cử nhiệm kỳ thứ hai") is no committee's term.
NTH_TERM = re.compile(rf"(?i:nhiệm\s+kỳ\s+thứ)\s+({_ORDINAL}){_END}")
TERM_BODY_BEFORE = re.compile(
    r"Ban\s+Chấp\s+hành|BCH|HĐND|Hội\s+đồng|Quốc\s+hội|Đảng\s+(?:bộ|ủy)|Ủy\s+ban|UBND|Đại\s+hội|Công\s+đoàn|HĐQT"
    r"|Hội(?!\s+(?:nghị|thi|diễn|thao|chợ))(?![^\W_])",
    re.IGNORECASE,
)
PERSON_TERM = re.compile(
    r"(?<![^\W_])(?:ông|bà|tổng\s+thống|thủ\s+tướng|bộ\s+trưởng|đắc\s+cử|tái\s+cử|tranh\s+cử)(?![^\W_])", re.IGNORECASE
)
OF_A_PERSON = re.compile(
    r"\s+của\s+(?:mình|ông|bà|(?:Tổng\s+)?(?:thống|Thủ\s+tướng|Bộ\s+trưởng|Chủ\s+tịch))", re.IGNORECASE
)
NTH_TERM_REACH = 60
# "Đại hội XIII", "Đại hội 12 của Đảng, Đại hội 15 của Đảng bộ thành phố" (digits, not a count of people or years)
CONGRESS_NUMBER = re.compile(
    rf"(?i:Đại\s+hội|ĐH)\s+({_ROMAN}|\d{{1,2}}(?![.,]\d)(?!\s*(?i:tuổi|năm|người|đại\s+biểu|đoàn|%))){_END}"
)
CENTRAL_PLENUM = re.compile(rf"(?i:Hội\s+nghị\s+(?:lần\s+thứ\s+)?(?:Trung\s+ương|TW))\s+({_ROMAN}|\d{{1,2}}){_END}")
SESSION = re.compile(rf"(?i:(?=[kp])(kỳ|phiên)\s+họp(?:\s+lần)?\s+thứ)\s+({_ORDINAL}){_END}")
TERM_YEARS = re.compile(
    r"(?i:n(?<![^\W_]n)(?:hiệm\s+kỳ(?:\s+mới)?|k))\s*:?\s*((?:19|20)\d\d)\s*[-_/]\s*((?:19|20)?\d\d)(?!\d)"
)
# "trong nhiệm kỳ qua (2015 - 2020)", "nhiệm kỳ cũ (2011 - 2015)": the span in brackets after the word, full years only
# ("cả hai nhiệm kỳ (2000-06 và 2009 đến nay)" is no span).
BRACKETED_TERM_YEARS = re.compile(
    r"(?i:n(?<![^\W_]n)hiệm\s+kỳ)(?:\s+(?i:qua|trước|cũ|mới|tới|này))?\s*\(\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*\)"
)
# Further spans listed after a "nhiệm kỳ": "nhiệm kỳ 2010 - 2015 và 2015 - 2020", each a term of its own.
YEARS_LIST_MORE = re.compile(r"\s*(?:,|và)\s*((?:19|20)\d\d)\s*[-_/]\s*((?:19|20)\d\d)(?!\d)")
BRACKET_YEARS = re.compile(r"\s*\(\s*((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\s*\)")

# Which head noun a "lần thứ" belongs to: the nearest one before it in the same clause decides. A sports
# congress (games) and the children's congress hold no term; an emulation congress ("Đại hội Thi đua yêu nước lần
# thứ VI", "Đại hội điển hình tiên tiến lần thứ V") is held by a body once a term and counts, as the gold counts it.
HEADS = re.compile(
    r"(?P<congress>Đại\s+hội|ĐH(?![^\W_]))(?!\s+(?:thể\s+dục|TDTT|thể\s+thao|cháu\s+ngoan|đồng\s+cổ\s+đông|cổ\s+đông))"
    r"|(?P<plenum>Hội\s+nghị)"
    r"|(?P<other>Ngày\s+hội|Hội\s+thi|Hội\s+diễn|Hội\s+thao|Liên\s+hoan|Giải|Lễ\s+hội|Hội\s+chợ|tái\s+cử)",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[.;:!?\n]")
# "nhiệm kì", "kì họp": the i/y spelling of "kỳ" (the look-behind after the letter: the search skips to a "k" in C)
KI_SPELLING = re.compile(r"([Kk])(?<![^\W_][Kk])ì(?![^\W_])")
PARTY_BODY = re.compile(r"Đảng\s+bộ", re.IGNORECASE)
PARTY_BODY_REACH = 60  # "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh" before its "lần thứ"
HEAD_REACH = 120
# What may stand between an ordinal and the "nhiệm kỳ" whose years it takes: a comma, a bracket,
# or a coordinated part with no ordinal ("Quốc hội khóa XV và HĐND các cấp, nhiệm kỳ ...").
# The coordinated part may list administrative units with commas ("và HĐND các xã, thị trấn").
# The joint election is also coordinated with a comma ("bầu cử đại biểu Quốc hội khóa XVI, bầu cử đại biểu HĐND
# các cấp nhiệm kỳ 2026 - 2031"); elsewhere a comma starts another title ("khóa XII, Bí thư Tỉnh ủy nhiệm kỳ …").
_UNIT_LIST = r"(?:,\s*(?:xã|phường|thị\s+trấn|thị\s+xã|huyện|quận|thành\s+phố)\b[^,.;:()\d]{0,20}?)*"
_ALL_COUNCILS = r",\s*(?:bầu\s+cử\s+)?(?:đại\s+biểu\s+)?(?:HĐND|Hội\s+đồng\s+nhân\s+dân)\s+các\s+cấp"
YEARS_GAP = re.compile(
    rf"[\s,(–-]*(?:và\s+[^,.;:()\d]{{1,40}}?{_UNIT_LIST}[\s,]*|{_ALL_COUNCILS}[\s,]*)?$", re.IGNORECASE
)
COORDINATION_GAP = re.compile(r"[\s,)]*(?:và|,)\s+[^,.;:()\d]{0,40}$", re.IGNORECASE)
# A verb in the part between makes it a clause of its own, another post taken at another time, not a body
# coordinated with the one before: "Phó bí thư Tỉnh ủy khóa 16, được bầu làm Bí thư Tỉnh ủy khóa 17, nhiệm kỳ
# 2020-2025", "Ban Thường vụ Tỉnh ủy khóa XVIII và giữ chức Phó Bí thư Tỉnh ủy nhiệm kỳ 2015 - 2020": the years are
# the later post's only. "bầu cử" (an election) is a noun.
CLAUSE_VERB = re.compile(
    r"(?<![^\W_])(?:được|giữ|làm|là|tham\s+gia|đảm\s+(?:nhiệm|nhận)|bầu(?!\s+cử)|(?:tái\s+)?đắc\s+cử|trúng\s+cử|"
    r"tái\s+cử|chỉ\s+định|bổ\s+nhiệm|phân\s+công|điều\s+động|luân\s+chuyển|giới\s+thiệu|tín\s+nhiệm|thôi|"
    r"miễn\s+nhiệm|đã|sẽ|đang|từng|tiếp\s+tục|trở\s+thành)(?![^\W_])",
    re.IGNORECASE,
)
_ORGANISATION_HEADS = (
    r"(?:Đảng bộ|Đảng ủy|Ban Chấp hành|HĐND|Hội đồng nhân dân|Quốc hội|Ủy ban|UBND|Mặt trận|MTTQ|Hội|Đoàn|"
    r"Công đoàn|Liên đoàn|Chi bộ|Cựu chiến binh)"
)
ORGANISATION = re.compile(rf"({_ORGANISATION_HEADS}[^,.;:()]{{0,50}}?)\s*(?:lần\s+thứ|khóa|$)", re.IGNORECASE)
# The body that holds the congress, as the clause's subject: "Đảng bộ xã Tân Lợi (long trọng) tổ chức Đại hội".
CONGRESS_SUBJECT = re.compile(
    rf"({_ORGANISATION_HEADS}[^,.;:()]{{0,50}}?)\s+(?:đã\s+|sẽ\s+)?(?:long\s+trọng\s+)?(?:tổ\s+chức|khai\s+mạc)\s+$",
    re.IGNORECASE,
)
# "Đại hội XIV của Đảng", "Đại hội đại biểu toàn quốc lần thứ XIV": the national Party congress.
OF_THE_PARTY = re.compile(r"\s+của\s+(Đảng)(?![^\W_])(?!\s+bộ)")
NATIONWIDE = re.compile(r"\b(toàn\s+quốc)\b", re.IGNORECASE)


MAX_ORDINAL = 60
COURSE_REACH = 50
COURSE_WORDS = re.compile(
    r"lớp|bồi\s+dưỡng|đào\s+tạo|tập\s+huấn|học\s+viên|khai\s+giảng|sinh\s+viên|học\s+sinh|tuyển\s+sinh|cử\s+nhân|"
    r"cầu\s+thủ|khóa\s+học",
    re.IGNORECASE,
)
# After a "khóa" in digits, a cohort or a length of study: "khóa 1 Học viện HAGL", "khóa 1: 22 sinh viên", "60 triệu
# đồng/khóa 4 năm".
COURSE_AFTER = re.compile(
    r"\s*(?::\s*\d+\s+(?:sinh\s+viên|học\s+viên|học\s+sinh)|(?:năm|tháng|học)(?![^\W_])(?!\s*\d{4})|Học\s+viện|chuyên\s+ngành)",
    re.IGNORECASE,
)
# A body named before the course word makes it part of the body's name: "Chủ tịch Hội Sinh viên Việt Nam khóa 9" is
# the association's term, not a cohort of students.
BODY_WORDS = re.compile(
    r"Ban\s+Chấp\s+hành|HĐND|Hội\s+đồng|Quốc\s+hội|Đảng\s+(?:bộ|ủy)|Ủy\s+ban|Đại\s+hội"
    r"|(?<![^\W_])(?<!xã\s)Hội\s+(?:Cựu\s+)?(?:Sinh\s+viên|Học\s+sinh)",
    re.IGNORECASE,
)
ORGANISATION_REACH = 80


@dataclass
class OrdinalMention:
    """One term mention; `ordinal` is None for a "nhiệm kỳ" that belongs to no ordinal."""

    start: int
    end: int
    ordinal: int | None
    pattern: str
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True)
class TermKey:
    ordinal: int | None
    start_year: int | None
    end_year: int | None


@dataclass(frozen=True)
class YearsMention:
    start: int
    end: int
    start_year: int
    end_year: int
    listed: bool = False  # a span listed after another ("và 2015 - 2020"): it goes to no ordinal


@lru_cache(maxsize=4096)  # the terms and the sittings finders both ask it of every "lần thứ" of a body
def _head_kind(form: str, position: int) -> str | None:
    window_start = max(0, position - HEAD_REACH)
    window = form[window_start:position]
    ends = list(CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    heads = list(HEADS.finditer(window))
    if heads:
        return heads[-1].lastgroup
    party = list(PARTY_BODY.finditer(window))
    if not party:
        return None
    # "Đảng bộ tỉnh lần thứ XVII" names a congress; "Đảng bộ, chính quyền … đón Bác về thăm lần thứ hai" does not
    between = window[party[-1].end() :]
    return "congress" if "," not in between and len(between) <= PARTY_BODY_REACH else None


def _clause_before(form: str, position: int, reach: int) -> str:
    window = form[max(0, position - reach) : position]
    ends = list(CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _valid_ordinal(token: str) -> int | None:
    value = ordinal_value(token)
    return value if value is not None and 1 <= value <= MAX_ORDINAL else None


def _is_course(form: str, found: re.Match[str]) -> bool:
    """ "lớp bồi dưỡng khóa I", "sinh viên khóa 8", "khóa 1 Học viện …": a course or a cohort, not a body's term."""
    if found.group(1).isdigit() and COURSE_AFTER.match(form, found.end()):
        return True
    window = _clause_before(form, found.start(), COURSE_REACH)
    return bool(COURSE_WORDS.search(window)) and not BODY_WORDS.search(window)


def _ordinal_mentions(form: str) -> list[OrdinalMention]:
    """Term ordinals in text order ("lần thứ" only under a congress)."""
    mentions = []
    for pattern, name in ((NTH_TIME, "nth"), (NTH_TIME_ROMAN, "nth"), (TERM_OF, "term"), (CONGRESS_NUMBER, "congress")):
        for found in pattern.finditer(form):
            value = _valid_ordinal(found.group(1))
            if value is None or (name == "nth" and _head_kind(form, found.start()) != "congress"):
                continue
            if name == "term" and _is_course(form, found):
                continue
            mentions.append(OrdinalMention(found.start(), found.end(), value, name))
            if name == "term":
                mentions += _listed_after(form, found.end(), found.group(1).isdigit(), value)
    for found in NUMBERED_TERM.finditer(form):
        if (value := _valid_ordinal(found.group(1))) is not None:
            mentions.append(OrdinalMention(found.start(), found.end(), value, "term"))
            mentions += _listed_after(form, found.end())
    for found in NTH_TERM.finditer(form):
        if (value := _valid_ordinal(found.group(1))) is not None and _is_body_term(form, found):
            mentions.append(OrdinalMention(found.start(), found.end(), value, "term"))
    return sorted(mentions, key=lambda m: m.start)


def _is_body_term(form: str, found: re.Match[str]) -> bool:
    """ "Hội đồng trường nhiệm kỳ thứ 3": a body named just before and no person whose term it is."""
    window = _clause_before(form, found.start(), NTH_TERM_REACH)
    if not TERM_BODY_BEFORE.search(window) or PERSON_TERM.search(window):
        return False
    return OF_A_PERSON.match(form, found.end()) is None


def _listed_after(form: str, end: int, in_digits: bool = False, previous: int = 0) -> list[OrdinalMention]:
    """The numerals listed after a "khóa N" ("khóa X, XII, XIII,XIV", "khóa 10, 11, 12"), each a term of its own."""
    pattern = TERM_LIST_MORE_DIGITS if in_digits else TERM_LIST_MORE
    listed = []
    while (more := pattern.match(form, end)) and (value := _valid_ordinal(more.group(1))) is not None:
        if in_digits and value <= previous:
            break
        listed.append(OrdinalMention(more.start(1), more.end(), value, "term"))
        end, previous = more.end(), value
    return listed


def _term_span(found: re.Match[str], listed: bool = False) -> YearsMention | None:
    first, last = int(found.group(1)), int(found.group(2))
    if last < 100:
        last += first - first % 100
    return YearsMention(found.start(), found.end(), first, last, listed) if 1 <= last - first <= 10 else None


def _years_mentions(form: str) -> list[YearsMention]:
    mentions = [m for found in BRACKETED_TERM_YEARS.finditer(form) if (m := _term_span(found)) is not None]
    for found in TERM_YEARS.finditer(form):
        if (mention := _term_span(found)) is None:
            continue
        mentions.append(mention)
        end = found.end()
        while (more := YEARS_LIST_MORE.match(form, end)) and (listed := _term_span(more, listed=True)) is not None:
            mentions.append(listed)
            end = more.end()
    return sorted(mentions, key=lambda m: m.start)


MAX_GAP = 200  # the longest coordination or unit list between an ordinal and its years


def _gap_matches(pattern: re.Pattern[str], form: str, start: int, end: int) -> bool:
    """Whether the text between two mentions is a gap `pattern` allows (a long one never is, nor one with a verb)."""
    return (
        end - start <= MAX_GAP
        and pattern.match(form, start, end) is not None
        and CLAUSE_VERB.search(form, start, end) is None
    )


def _coordinated(ordinals: list[OrdinalMention], index: int, form: str) -> list[OrdinalMention]:
    """The ordinal at `index` and the same-kind ordinals coordinated before it ("khóa III và ... khóa IV")."""
    chain = [ordinals[index]]
    while index > 0:
        previous, current = ordinals[index - 1], ordinals[index]
        if previous.pattern != current.pattern or not _gap_matches(COORDINATION_GAP, form, previous.end, current.start):
            break
        chain.append(previous)
        index -= 1
    return chain


def _attach_years(form: str, ordinals: list[OrdinalMention], years: list[YearsMention]) -> list[YearsMention]:
    """Give each "nhiệm kỳ" to the ordinals it follows; return the ones that follow none."""
    unattached = []
    ends = [o.end for o in ordinals]  # ordinals are in text order and never overlap: their ends ascend
    for mention in years:
        count = bisect_right(ends, mention.start)
        last = count - 1 if count else None
        if mention.listed or last is None or not _gap_matches(YEARS_GAP, form, ordinals[last].end, mention.start):
            unattached.append(mention)
            continue
        for ordinal in _coordinated(ordinals, last, form):
            ordinal.start_year, ordinal.end_year = mention.start_year, mention.end_year
            ordinal.end = max(ordinal.end, mention.end) if ordinal is ordinals[last] else ordinal.end
    for ordinal in ordinals:
        bracket = BRACKET_YEARS.match(form, ordinal.end)
        if ordinal.start_year is None and bracket:
            ordinal.start_year, ordinal.end_year = int(bracket.group(1)), int(bracket.group(2))
    return unattached


def _organisation(text: str, form: str, position: int, end: int) -> str | None:
    """The body a term belongs to: named between the head noun and the ordinal ("Đại hội Đảng bộ xã Nà Bó lần
    thứ XX"), else the subject holding the congress ("Đảng bộ xã Tân Lợi tổ chức Đại hội ... lần thứ XVIII"),
    else the Party for "Đại hội XIV của Đảng" and "Đại hội đại biểu toàn quốc"."""
    window = _clause_before(form, position, ORGANISATION_REACH)
    offset = position - len(window)
    cuts = list(re.finditer(r"Đại\s+hội|Hội\s+nghị|\bvà\b|,", window, re.IGNORECASE))
    cut = max((m.end() for m in cuts), default=0)
    found = ORGANISATION.search(window, cut)
    if found is None and cuts and cuts[-1].group(0).lower().startswith("đại"):
        found = CONGRESS_SUBJECT.search(window, 0, cuts[-1].start())
    if found is None:
        after = OF_THE_PARTY.match(form, end) or NATIONWIDE.search(window, cut)
        if after is None:
            return None
        start = after.start(1) if after.re is NATIONWIDE else after.start(1) - offset
        return text[offset + start : offset + start + len(after.group(1))]
    start = offset + found.start(1)
    return text[start : start + len(found.group(1))].strip() or None


def _add_term(
    terms: dict[TermKey, Term],
    key: TermKey,
    organisation: str | None,
    evidence: Evidence,
    seen: set[tuple[TermKey, Evidence]],
) -> None:
    term = terms.setdefault(key, Term(key.ordinal, key.start_year, key.end_year))
    term.organisation = term.organisation or organisation
    if (key, evidence) not in seen:
        seen.add((key, evidence))
        term.evidence.append(evidence)


@lru_cache(maxsize=8)  # the terms and the sittings finders both read the same article body
def _term_form(text: str) -> str:
    """The matching form, "kì" spelt "kỳ" as the patterns write it (same length: offsets hold)."""
    form = match_form(text)
    if "kì" not in form and "Kì" not in form:  # a substring test spares most bodies the pattern's slower scan
        return form
    return KI_SPELLING.sub(r"\1ỳ", form)


def find_terms(text: str) -> list[Term]:
    """Each distinct (ordinal, start_year, end_year) once, in order of first mention, with its evidence."""
    form = _term_form(text)
    ordinals = _ordinal_mentions(form)
    unattached = _attach_years(form, ordinals, _years_mentions(form))
    mentions = ordinals + [OrdinalMention(y.start, y.end, None, "years", y.start_year, y.end_year) for y in unattached]
    terms: dict[TermKey, Term] = {}
    seen: set[tuple[TermKey, Evidence]] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        key = TermKey(mention.ordinal, mention.start_year, mention.end_year)
        organisation = _organisation(text, form, mention.start, mention.end) if mention.ordinal is not None else None
        _add_term(terms, key, organisation, make_evidence(text, mention.start, mention.end), seen)
    return list(terms.values())


def with_headline_terms(terms: list[Term], headline: str | None) -> list[Term]:
    """The body's terms, then each triple only the headline names, its evidence marked as the headline's."""
    if not headline:
        return terms
    known = {TermKey(t.ordinal, t.start_year, t.end_year) for t in terms}
    added = []
    for term in find_terms(headline):
        if TermKey(term.ordinal, term.start_year, term.end_year) not in known:
            evidence = [replace(e, field="title") for e in term.evidence]
            added.append(replace(term, evidence=evidence))
    return terms + added


def find_sittings(text: str) -> list[Sitting]:
    """Plenum ("Hội nghị ... lần thứ 22") and session ("kỳ họp thứ 9") numbers, once each."""
    form = _term_form(text)
    sittings: dict[tuple[str, int], Sitting] = {}
    candidates = [(m, "plenum") for m in NTH_TIME.finditer(form) if _head_kind(form, m.start()) == "plenum"]
    candidates += [(m, "plenum") for m in CENTRAL_PLENUM.finditer(form)]
    candidates += [(m, "session") for m in SESSION.finditer(form)]
    for found, kind in sorted(candidates, key=lambda c: c[0].start()):
        number = _valid_ordinal(found.group(found.lastindex or 1))
        if number is None:
            continue
        sitting = sittings.setdefault((kind, number), Sitting(kind=kind, number=number))
        sitting.evidence.append(make_evidence(text, found.start(), found.end()))
    return list(sittings.values())
