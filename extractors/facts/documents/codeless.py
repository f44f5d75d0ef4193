"""Citations by word and number with no code: "Nghị quyết số 31", "Nghị định 29 và 178", "văn bản số 253",
"Luật Cư trú 81/2006", "Quyết định HĐND tỉnh số 170"; and the counts, years and names that only look like them.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.coded import type_and_issuer
from extractors.facts.documents.dated_text import UNRESOLVED_DAY
from extractors.facts.documents.kinds import NO_BARE_NUMBER, TYPE_BY_LOWER, TYPE_WORDS, WORD_TO_TYPE
from extractors.facts.documents.patterns import (
    ABBREVIATION_ASIDE,
    BODY_AFTER,
    BODY_CHAR_NOT_DIGIT,
    BODY_HEAD,
    LOOK_BEHIND,
    MAX_BARE_YEAR,
    MIN_BARE_YEAR,
    NOT_A_DESCRIPTION,
    SUB_NUMBER,
    SUBJECT_MATTER_NEXT,
    TYPE_WORD,
    TYPE_WORD_START,
    YEAR,
)

# A share is no number of a paper: "Quy định 20% đại biểu tán thành" (a rule of a fifth).
_BARE_NUMBER_END = r"(?![\d/-]|[.,]\d|\s*[-/]\s*[A-ZĐ\d]|\s*%|\s+(?i:năm|tháng)\b)"
# A series' added paper cited alone: "Nghị quyết 30a" (one letter, not a word glued on: "Thông tư 02của").
_CITED_LETTER = r"(?:[a-z](?![^\W\d_]))?"  # not "5K" (the five-K rule)
# The number may carry its year, with no code ("Nghị định số 49/2017", "quyết định 1878/2026 của UBND TP"), or
# say it after "số" ("quyết định số 14 năm 2008"; without "số", "kế hoạch 5 năm 2021 - 2025" is a five-year plan).
# The type's letters may follow the word in parentheses (`ABBREVIATION_ASIDE`), and the number be said to be
# "borne" ("6 Quyết định mang số 2356, 2357 … và 2361").
_CODELESS_REST = (
    rf"{ABBREVIATION_ASIDE}\s+((?:mang\s+)?(?i:số)\s+)?(\d{{1,5}}{SUB_NUMBER}{_CITED_LETTER})"
    rf"(?:(?:\s*/\s*|-)(?P<year>{YEAR})|\s+(?i:năm)\s+(?P<year_said>{YEAR}))?{_BARE_NUMBER_END}"
)  # the year may be joined by a dash: "Thông tư 08-2017 của Bộ LĐ-TB&XH"
CODELESS = re.compile(rf"{TYPE_WORD_START}(?i:({TYPE_WORD})){_CODELESS_REST}")
# A paper's type letters written for its word, in capitals and as a word of their own: "theo QĐ 33", "tàu đóng theo
# NĐ 67", "NQ 35" (only letters that abbreviate nothing else: "CT" is also a chairman, "TT" a centre or a town).
ABBREVIATED_WORDS: tuple[str, ...] = ("QĐ", "NĐ", "NQ")
_ABBREVIATION_FIRST = "".join(sorted({word[0] for word in ABBREVIATED_WORDS}))  # the look-ahead fails fast elsewhere
ABBREVIATED_CODELESS = re.compile(
    rf"(?=[{_ABBREVIATION_FIRST}])(?<![\w/-])({'|'.join(ABBREVIATED_WORDS)}){_CODELESS_REST}"
)
# A paper whose word is followed by what it does before its number: "Kết luận thanh tra số 18", "Quyết định giải quyết
# khiếu nại số 1230", "Quyết định phê duyệt phương án bồi thường số 2595" (lower-case words only, none that makes it
# a sentence: "Báo cáo riêng được đóng dấu cùng văn bản số 12"). The year may be joined by a dash, as a court numbers
# its papers: "Quyết định đưa vụ án ra xét xử số 06-2012 ngày 10-4-2012".
DESCRIBED_NUMBER = re.compile(
    rf"(?P<word>{'|'.join(re.escape(word) for word, _ in TYPE_WORDS)})(?P<what>(?:\s+[a-zà-ỹđ]+){{1,6}}?)\s+số\s+"
    rf"(?P<n>\d{{1,5}})(?:-(?P<year>{YEAR}))?{_BARE_NUMBER_END}"
)
# A paper's number in parentheses after its word and what it is: "đã có văn bản “khẩn” (số 453)", "báo cáo giải trình
# (số 642)" (a space after the word: `BODY_BEFORE` reads the subject that issued it). The parentheses are found first
# (a literal opens them), then the words before them.
# The paper's day may be said inside them: "quyết định (số 4945 ký ngày 7/10/2004) của UBND TP".
NUMBER_IN_PARENTHESES = re.compile(
    r"\(\s*(?i:số)\s+(?P<n>\d{1,5})(?:\s*\)|(?=,?\s+(?:(?:ký|ban\s+hành)\s+)?ngày\s+\d[\d/.-]{2,9}\s*\)))"
)
PAPER_BEFORE_PARENTHESES = re.compile(
    rf"(?P<word>(?i:{TYPE_WORD}|văn\s+bản))(?=\s)(?P<what>(?:\s+(?:[“\"][^“”\"\n]{{1,20}}[”\"]|[a-zà-ỹđ]+)){{0,3}}?)\s*$"
)
LOOK_BEFORE_PARENTHESES = 60
# A paper cited by number under the generic word ("văn bản số 253 của Sở"): a document with no type.
CODELESS_PAPER = re.compile(
    rf"(?i:văn\s+bản)\s+(?:(?P<so>(?i:số))\s+)?(\d{{1,5}})(?:\s*/\s*(?P<year>{YEAR})|(?(so)\s+(?i:năm)\s+(?P<year_said>{YEAR})))?"
    rf"{_BARE_NUMBER_END}"
    r"(?(so)|(?=\s+(?:ngày|của)\s))"  # without "số", only before its date or body ("văn bản 571 ngày 19/1")
)
# The generic word with a bare number names a paper after a citing word (`CITING_BEFORE`): "UBND tỉnh đã có văn bản
# 2321 đề nghị …", "Chủ tịch UBND tỉnh đã ký văn bản 85 gửi …", "bằng văn bản 5332 hướng dẫn …".
GENERIC_BARE_NUMBER = re.compile(rf"(?i:văn\s+bản)\s+(\d{{1,5}}){_BARE_NUMBER_END}")
# A law cited by its name and then its number and year, "số" left out or not: "Luật Cư trú 81/2006", "Luật Thi đua,
# khen thưởng số 06/2022" (the year after a slash: in "Luật Đất đai 2024" the year is the law's, no number). A name
# holds no word of a sentence going on ("Luật Đất đai có hiệu lực từ tháng 8/2024") and is no lawyer's ("Luật sư").
_NOT_IN_A_LAW_NAME = (
    "sư|có|hiệu|lực|từ|tháng|ngày|năm|quý|cho|biết|nói|vào|được|đã|sẽ|là|thì|khi|tại|theo|trong|đến|hết|cuối|đầu"
)
_LAW_NAME_WORD = rf"(?!(?:{_NOT_IN_A_LAW_NAME})(?![^\W\d_]))[^\W\d_]+,?\s+"
# (The letter before the word is checked after its first letter: the search then skips ahead to an "L" or "B".)
NAMED_LAW_NUMBER = re.compile(
    rf"(?:L(?<![^\W\d_]L)uật|B(?<![^\W\d_]B)ộ\s+[Ll]uật)\s+(?:{_LAW_NAME_WORD}){{1,8}}?(\d{{1,5}})\s*/\s*(?P<year>{YEAR})"
    r"(?![\d/-]|\s*/\s*[A-ZĐ])"
)
DATED_NEXT = re.compile(r"\s*,?\s+ngày\s+\d")
SPANNING_PLANS: frozenset[str] = frozenset({"KH", "CTr", "CTHĐ", "ĐA", "PA"})
# Further numbers under the same word: "Nghị định 29 và 178", "Quyết định số 15, 16 của UBND huyện".
CODELESS_MORE = re.compile(
    rf"\s*(?:,|và)\s*(?:(?i:số)\s+)?(\d{{1,5}}){_BARE_NUMBER_END}"
    r"(?=\s*(?:[,.;:)]|của|về|ngày|và|để|$)|\s+[A-ZĐ]{1,4}-[A-ZĐ])"
)
# The code a list's last number is written with, its slash left out: "các quyết định số 95, 96, 97 QĐ-TTYT" (the type
# letters those of the word): the issuer of every number of the list.
SPACED_CODE = re.compile(r"\s+(?P<type>[A-ZĐ]{1,4})-(?P<issuer>[A-ZĐ][A-ZĐa-z]{1,9})(?![\w/-])")
# The issuing body named between a paper's capitalised word and its number: "Nghị quyết HĐND tỉnh Nghệ An số 170",
# "Chỉ thị Ban Thường vụ Tỉnh ủy số 05" (a capitalised organ head, no sentence mark or digit before "số").
BODY_THEN_NUMBER = re.compile(
    rf"(?P<word>{'|'.join(re.escape(word) for word, _ in TYPE_WORDS)})\s+"
    rf"(?P<body>{BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)"
    rf"\s+số\s+(?P<n>\d{{1,5}}){_BARE_NUMBER_END}"
)


# A type word in lower case names a paper after a verb or preposition that cites or issues one ("đóng tàu theo nghị
# định 67", "đã ban hành thông tư 26", "Thủ tướng đã ký quyết định 929", "như trong chỉ thị 18 đã đề ra", "căn cứ
# nghị định 52"), for the kinds that are no plan ("theo kế hoạch 1 lần") and with no count after the number ("theo
# quyết định 2 lần"); an opening bracket names the paper just described ("nghị định hướng dẫn thi hành Luật đất đai
# (nghị định 181)"); a paper's part names it ("theo quy định tại điều 21, quyết định 1627"), and so do "có", "gửi"
# and "bằng" ("Chủ tịch UBND TP cũng đã có chỉ thị 04", "Thủ tướng phê duyệt bằng quyết định 655"), and "như" giving an
# instance ("đơn cử như quyết định 1374 yêu cầu …").
CITING_BEFORE = re.compile(
    r"(?:(?<![^\W_])(?i:theo|thực hiện|tại|trong|căn cứ(?: vào)?|áp dụng|dựa (?:trên|vào)|ban hành|ký|ra|có|gửi|"
    r"bằng|thay thế|sửa đổi|như)\s+(?:(?i:các|những)\s+)?|\(\s*|(?<![^\W_])(?i:điều|khoản|điểm)\s+\d+[a-zđ]?\s*,\s*)$"
)
LOWER_CASE_CITED_KINDS: frozenset[str] = frozenset({"NĐ", "NQ", "TT", "CT", "QĐ", "CV", "CĐ", "TTr"})
# Words that are nouns only, never a verb ("nghị định", "thông tư", "nghị quyết", "công văn"): in lower case they name a
# paper wherever they stand ("Điều 14, nghị định 81 quy định …", "có thông tư 01 về đào tạo nghề"); "quyết định" and
# "chỉ thị" are verbs too ("quyết định 2 kế hoạch"), named papers only after a citing word or before their day.
NOUN_ONLY_WORDS: frozenset[str] = frozenset(
    {"nghị định", "thông tư", "nghị quyết", "công văn", "công điện", "tờ trình"}
)
# A count, not a number, when a measure or classifier follows ("quyết định 2 lần", "Kế hoạch 4 điểm", "Kế hoạch 100
# ngày"; "ngày" before a date is the paper's day). A type word in capitals is a citation more often: only the
# classifiers that cannot start a sentence's next words follow it ("Nghị định 67 người dân được hỗ trợ").
_CLASSIFIERS = (
    r"điểm|nội dung|nhiệm vụ|giải pháp|mục tiêu|bước|tiêu chí|chỉ tiêu|trang|vấn đề|lĩnh vực|ngày(?!\s+(?:\d|càng))"
)
CLASSIFIER_AFTER = re.compile(rf"\s*(?:{_CLASSIFIERS})(?![^\W\d_])")
# "đồng" (together) also opens words that follow a paper's number as the next clause's verb ("nghị quyết 1046 đồng ý
# đề nghị …"): the currency is "đồng" alone.
_TOGETHER_WORDS = r"ý|thời|chí|bào|bộ|tình|hành|loạt|nghiệp|thuận|chủ|đều|minh|lòng|tâm|tổ\s+chức"
COUNT_AFTER = re.compile(
    rf"\s*(?:{_CLASSIFIERS}|lần|người|giờ|phút|tuổi|tỷ|tỉ|triệu|nghìn|ngàn|đồng(?!\s+(?:{_TOGETHER_WORDS})(?![^\W\d_]))"
    r"|năm|tháng|km|m2|m|mét|kg|tấn|ha|hộ|lượt|%)(?![^\W\d_])"
)


# Kinds whose words in lower case are common nouns or verbs more often ("theo quy định 3 năm", "kế hoạch 5 năm", "kết
# luận 3 người"): a paper only right after the verb that issues it ("Ban Bí thư đã ban hành quy định 101 về nêu
# gương", "mới ban hành quy chế 1374").
LOWER_CASE_ISSUED_KINDS: frozenset[str] = frozenset({"QĐi", "QC", "KH", "KL", "TB"})
# An inspection's findings and notices are numbered in the hundreds and thousands: after a citing word ("có", "trong",
# "theo", "ra") a number of two digits or more is one, as no count follows it ("thông báo 7 ngày trước" is a verb's).
LOWER_CASE_CITED_FINDINGS: frozenset[str] = frozenset({"KL", "TB"})
MIN_FINDING_NUMBER_DIGITS = 2
# So are rules and plans numbered in the hundreds, which no count reaches ("thực hiện quy định 1374"; "quy định 3 năm",
# "kế hoạch 100 ngày" are counts).
MIN_RULE_NUMBER_DIGITS = 3
ISSUED_RIGHT_BEFORE = re.compile(r"(?<![^\W_])(?i:ban hành)\s+$")


# What a paper is about, said right after its number (`SUBJECT_MATTER_NEXT`), makes a lower-case word of any kind a
# paper ("quyết định 24 về cơ chế điều chỉnh giá", "quy định 47 về những điều đảng viên không được làm"), when the
# number is no verb's count: two digits at least.
MIN_SUBJECT_NUMBER_DIGITS = 2


def _cited_in_lower_case(form: str, found: re.Match[str], doc_type: str) -> bool:
    if found.group(2) or COUNT_AFTER.match(form, found.end()):
        return False
    if len(found.group(3)) >= MIN_SUBJECT_NUMBER_DIGITS and SUBJECT_MATTER_NEXT.match(form, found.end()):
        return True
    if doc_type in LOWER_CASE_CITED_FINDINGS and len(found.group(3)) >= MIN_FINDING_NUMBER_DIGITS:
        return _cited_at(form, found.start())  # "Thanh tra Chính phủ có thông báo 1483", "trong kết luận 1037"
    if doc_type in LOWER_CASE_ISSUED_KINDS:
        if len(found.group(3)) >= MIN_RULE_NUMBER_DIGITS:
            return _cited_at(form, found.start())  # "sơ kết một năm thực hiện quy định 1374"
        return ISSUED_RIGHT_BEFORE.search(form, max(0, found.start() - LOOK_BEHIND), found.start()) is not None
    if doc_type not in LOWER_CASE_CITED_KINDS:
        return False
    if " ".join(found.group(1).lower().split()) in NOUN_ONLY_WORDS or DATED_NEXT.match(form, found.end()):
        return True  # "nghị định 67 ngày 19/5/2005", "quyết định 677 ngày 8/8/2001"
    return _cited_at(form, found.start())


def _cited_at(form: str, start: int) -> bool:
    """Whether a citing word ends right before `start` ("theo", "căn cứ", "đã có", "tại điều 21,")."""
    return CITING_BEFORE.search(form, max(0, start - LOOK_BEHIND), start) is not None


# A type word heading a firm's name: "Công ty Luật số 5" is a law firm, not a law.
FIRM_BEFORE = re.compile(r"(?<![^\W\d_])(?i:công\s+ty|văn\s+phòng|hãng)(?:\s+(?i:TNHH|cổ\s+phần|hợp\s+danh))?\s+$")
LOOK_BEFORE_FIRM = 30


# A programme's or project's bare number is its name ("Chương trình 135"), unless the body whose paper it is follows:
# "Đề án 02 của Tỉnh ủy về …", "Chương trình 54 của Bộ trưởng Bộ Y tế" (capitalised, "của" and an organ's head; not a
# law, cited by its name). The Government's national programmes keep the number as their name: "Chương trình 135
# của Chính phủ", "Đề án 06 của Chính phủ" (the decision approving one has its own number).
OWNER_AFTER = re.compile(rf"\s+của\s+(?!Chính phủ|Thủ tướng)(?={BODY_HEAD})")


# A notice names no programme: with the body after it, its number names a paper in either case ("thông báo 331 của
# Ban thường vụ Thành ủy", "thông báo kết luận 156 của Bộ Chính trị"); without one "thông báo 15" is the verb.
NOTICE_OWNER_AFTER = re.compile(rf"\s+của\s+(?={BODY_HEAD})", re.IGNORECASE)


def _owned_plan(form: str, found: re.Match[str], doc_type: str) -> bool:
    if doc_type == "TB":  # or issued or cited right before it: "vẫn ban hành thông báo 176", "có thông báo 1483"
        issued = ISSUED_RIGHT_BEFORE.search(form, max(0, found.start() - LOOK_BEHIND), found.start()) is not None
        cited = len(found.group(3)) >= MIN_FINDING_NUMBER_DIGITS and _cited_at(form, found.start())
        cited = cited and not COUNT_AFTER.match(form, found.end())
        return issued or cited or NOTICE_OWNER_AFTER.match(form, found.end()) is not None
    # in lower case a programme's word is a common noun ("chương trình 2 của trường"), unless its number runs into
    # the tens or more, as a paper's does ("theo đề án 108 của Bộ Nội vụ")
    named = found.group(1)[:1].isupper() or len(found.group(3)) >= MIN_FINDING_NUMBER_DIGITS
    return doc_type != "Luật" and named and OWNER_AFTER.match(form, found.end()) is not None


def _codeless_words(form: str) -> list[re.Match[str]]:
    """Numbers after a type word or its letters ("Quyết định 33", "QĐ 33"), in text order; none in a firm's name."""
    found = [*CODELESS.finditer(form), *ABBREVIATED_CODELESS.finditer(form)]
    found = [m for m in found if not FIRM_BEFORE.search(form, max(0, m.start() - LOOK_BEFORE_FIRM), m.start())]
    return sorted(found, key=lambda match: match.start())


# A decision or directive signed or issued right before its number is no year's ("Thủ tướng đã ký Quyết định 1977
# điều chỉnh …"); a plan or a programme may be the year's ("ban hành Kế hoạch 2025").
SIGNED_KINDS: frozenset[str] = frozenset({"QĐ", "CT", "NĐ", "TT", "CV"})
SIGNED_RIGHT_BEFORE = re.compile(r"(?<![^\W_])(?i:ký|ban hành)\s+$")
LOOK_BEFORE_SIGNED = 12


def _signed_decision(form: str, found: re.Match[str], doc_type: str) -> bool:
    behind = max(0, found.start() - LOOK_BEFORE_SIGNED)
    return doc_type in SIGNED_KINDS and SIGNED_RIGHT_BEFORE.search(form, behind, found.start()) is not None


def _past_unresolved_day(form: str, end: int) -> int:
    """Where a day written right after a number ends ("quyết định 49 (ngày 1/9/2011) của Thủ tướng"), else `end`."""
    day = UNRESOLVED_DAY.match(form, end)
    return day.end() if day else end


def _past_list(form: str, end: int) -> int:
    """Where the numbers listed under one word end, past a day after the last ("kế hoạch 41 và 43 của Ban Thường vụ
    Thành ủy": the body after the list owns each)."""
    while more := CODELESS_MORE.match(form, end):
        end = more.end()
    return _past_unresolved_day(form, end)


def _year_and_end(found: re.Match[str], number_group: int) -> tuple[int | None, int]:
    """The year written ("49/2017") or said ("số 14 năm 2008") after a number, and where the citation ends: after
    the year, else after the number."""
    year_group = "year" if found.group("year") else "year_said" if found.group("year_said") else None
    year = int(found.group(year_group)) if year_group else None
    return year, found.end(year_group) if year_group else found.end(number_group)


def _code_after_list(form: str, listed: list[Citation], doc_type: str) -> None:
    """The issuer of a code written after the last number of a list, its slash left out (`SPACED_CODE`); the last
    citation runs on to the code's end, where its date is read."""
    code = SPACED_CODE.match(form, listed[-1].end) if listed[-1].year is None else None
    if code is None or code.group("type") != doc_type:
        return
    for citation in listed:
        citation.issuer = code.group("issuer")
    listed[-1].end = code.end()


# A code written on after the paper's day, its number before both: "Quyết định số 807 ngày 2/4/2004/QĐUB của UBND thành
# phố" (no date reader takes "2/4/2004/QĐUB" for a day, so the day is read here, with the code).
DAY_THEN_CODE = re.compile(
    rf"[\s,(]*(?i:ngày)\s+(?P<day>\d{{1,2}})\s*[/.-]\s*(?P<month>\d{{1,2}})\s*[/.-]\s*(?P<year>{YEAR})"
    r"/(?P<code>[A-ZĐ]{2,8}(?:-[A-ZĐ]{1,8}){0,3})(?![\w/-])"
)


def _code_after_day(form: str, listed: list[Citation]) -> None:
    """The code and day written after a list's last number (`DAY_THEN_CODE`): each number's type and day, and the
    code's issuer where no body is named after it (the body named is the issuer, as for a number cited without its
    code: "… ngày 8/6/2005/QĐUB của UBND tỉnh" -> UBND); the last citation runs on to the code's end."""
    found = DAY_THEN_CODE.match(form, listed[-1].end)
    if found is None:
        return
    try:
        day = date(int(found.group("year")), int(found.group("month")), int(found.group("day")))
    except ValueError:
        return
    doc_type, issuer = type_and_issuer(found.group("code"))
    body_after = BODY_AFTER.match(form, found.end()) is not None
    for citation in listed:
        citation.type, citation.written_day = doc_type or citation.type, day
        if not body_after:
            citation.issuer, citation.has_code = issuer, True
    listed[-1].end = found.end()


def codeless_citations(form: str) -> list[Citation]:
    """Numbers after a word naming a type, with no code: "Nghị quyết số 31", "Nghị định 29 và 178". The word is
    capitalised, followed by "số", or followed by the body that issued it ("nghị định 35 của Chính phủ"); a
    lower-case "quyết định 2 kế hoạch" is a verb."""
    citations = []
    for found in _codeless_words(form):
        word, number = found.group(1), found.group(3)
        doc_type = WORD_TO_TYPE.get(word.lower()) or TYPE_BY_LOWER[word.lower()]
        lower_unowned = not word[:1].isupper() and not BODY_AFTER.match(form, _past_list(form, found.end()))
        lower_unowned = lower_unowned and not _cited_in_lower_case(form, found, doc_type)
        year_like = number.isdigit() and MIN_BARE_YEAR <= int(number) <= MAX_BARE_YEAR
        year_like = (
            year_like and not DATED_NEXT.match(form, found.end()) and not _signed_decision(form, found, doc_type)
        )
        counted = CLASSIFIER_AFTER.match(form, found.end())  # "Kế hoạch 4 điểm của Tổng thống Mỹ"
        named = doc_type in NO_BARE_NUMBER and not _owned_plan(form, found, doc_type)
        if not found.group(2) and (lower_unowned or year_like or named or counted):
            continue  # "Kế hoạch 2025" is a year ("Công văn 2039 ngày 29/5/2017" a number); "Chương trình 135" a name
        if found.group("year_said") and not found.group(2) and (doc_type in SPANNING_PLANS or lower_unowned):
            continue  # "kế hoạch 5 năm 2021 - 2025" is a five-year plan; "Nghị định 34 năm 2016" a decree
        year, end = _year_and_end(found, 3)
        listed = [Citation(found.start(3), end, number, doc_type, None, year=year, has_code=False)]
        end = found.end()
        while more := CODELESS_MORE.match(form, end):
            listed.append(Citation(more.start(1), more.end(1), more.group(1), doc_type, None, has_code=False))
            end = more.end()
        _code_after_list(form, listed, doc_type)
        _code_after_day(form, listed)
        citations.extend(listed)
    for found in CODELESS_PAPER.finditer(form):
        year, end = _year_and_end(found, 2)
        citations.append(Citation(found.start(2), end, found.group(2), None, None, year=year, has_code=False))
    numbered = {citation.start for citation in citations}
    for found in GENERIC_BARE_NUMBER.finditer(form):
        if found.start(1) in numbered or COUNT_AFTER.match(form, found.end()):
            continue
        if _cited_at(form, found.start()):
            citations.append(Citation(found.start(1), found.end(1), found.group(1), None, None, has_code=False))
            numbered.add(found.start(1))
    for found in BODY_THEN_NUMBER.finditer(form):
        if found.start("n") in numbered:
            continue
        doc_type = WORD_TO_TYPE[found.group("word").lower()]
        citation = Citation(found.start("n"), found.end("n"), found.group("n"), doc_type, None, has_code=False)
        citation.body_before = found.span("body")
        citations.append(citation)
        numbered.add(citation.start)
    for found in NAMED_LAW_NUMBER.finditer(form):
        if found.start(1) not in numbered:
            number, year = found.group(1), int(found.group("year"))
            citations.append(Citation(found.start(1), found.end("year"), number, "Luật", None, year, has_code=False))
    for found in DESCRIBED_NUMBER.finditer(form):
        if found.start("n") in numbered or set(found.group("what").split()) & NOT_A_DESCRIPTION:
            continue  # "Thông tư liên tịch số 01" is read whole above
        doc_type = WORD_TO_TYPE[found.group("word").lower()]
        year = int(found.group("year")) if found.group("year") else None
        end = found.end("year") if year else found.end("n")
        citations.append(Citation(found.start("n"), end, found.group("n"), doc_type, None, year, has_code=False))
    for found in NUMBER_IN_PARENTHESES.finditer(form):
        paper = PAPER_BEFORE_PARENTHESES.search(form, max(0, found.start() - LOOK_BEFORE_PARENTHESES), found.start())
        if paper is None or found.start("n") in numbered or set(paper.group("what").split()) & NOT_A_DESCRIPTION:
            continue
        doc_type = WORD_TO_TYPE.get(" ".join(paper.group("word").split()).lower())  # "văn bản" names no kind
        citation = Citation(found.start("n"), found.end("n"), found.group("n"), doc_type, None, has_code=False)
        citation.word_end = paper.end("word") + 1  # past the space after the word, as `BODY_BEFORE` reads it
        citations.append(citation)
    return citations
