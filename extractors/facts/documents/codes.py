"""The shapes of document codes, as data: Party "N-TYPE/ISSUER", state "N/TYPE-ISSUER" and "N/YYYY/TYPE-ISSUER",
older typeless numbers, and the ways pages mistype them (lower case, a space or nothing for the slash).

`coded` reads these; keeping the patterns apart lets each be read and tuned as one table.
"""

from __future__ import annotations

import re

from extractors.facts.documents.patterns import ABBREVIATION_ASIDE, LETTERS_AS_WORD, SUB_NUMBER, TYPE_WORD, YEAR

# A code's segment is short ("UBND", "BTCTU", "QH13"); a run of words is not a code, and bounding it keeps the
# issuer within its database column (an unbounded one once took 6,002 characters of a table).
_SEGMENT = r"[A-ZĐƯƠÂÊÔĂ][A-Za-zĐđƯưƠơÂâÊêÔôĂă0-9&]{0,19}"  # "NQ/TƯ" (Trung ương) is written so too
MAX_ISSUER_CHARS = 100  # the database column
MAX_TYPE_LETTERS = 6
# Where a code ends: not inside a word, or where a page glued the next word to it ("NĐ-CPngày 22/1/2009").
_CODE_END = r"(?:(?![\w/])|(?=(?:ngày|của|về|và|năm|do|tại|sẽ|có|được|đã|là|quy|theo|trong|vừa)(?![^\W\d_])))"
# A document's number, 1-5 digits not glued to a word, a code or another number before it. The check on the
# character before is made after the first digit ("a digit not preceded by …") so that the pattern opens with
# a digit and the search skips ahead to digits instead of trying every position: a third of the time.
_NUMBER = r"(\d(?:(?<![\w/.-]\d)|(?<=[Ss]ố\d))\d{0,4})"  # "số" may be glued on: "Kế hoạch số12-KH/TU"
# The Centre may be written with a dot as the issuer, as in bodies' names: "Nghị quyết số 57-NQ/T.Ư" (as written).
PARTY_NUMBER = re.compile(
    rf"{_NUMBER}\s*-\s*({_SEGMENT})\s*/\s*(T\.[ƯW](?!\w|\.\w)|{_SEGMENT}(?:-{_SEGMENT}){{0,5}}){_CODE_END}"
)
# A standard's number ("QCVN 01:2009/BYT", "TCVN 5574:2018") is no document number: no ":" before the number.
# The year may be typed with a digit too many ("Thông tư 279/20116/TT-BTC"): the code still reads, with no year.
# The year may also be joined by a dash, before the issuer ("653/2019-UBTVQH14") or after the number
# ("19-2017/NQ-CP"; `coded._state_citation` wants type letters there, "2020-2025/..." being no number).
# A number may end in a letter, a paper added between two numbers of a series ("Nghị quyết số 30a/2008/NQ-CP",
# "Thông báo số 961A/TB-LĐ"): right before its slash.
_NUMBER_LETTER = r"(?:[a-zA-Z](?=/))?"
STATE_NUMBER = re.compile(
    rf"(\d(?:(?<![\w/.:-]\d)|(?<=[Ss]ố\d))\d{{0,4}}{SUB_NUMBER}{_NUMBER_LETTER})\s*(?:/\s*(?:(\d{{4}}|{YEAR}\d)\s*/\s*|({YEAR})\s*-\s*)?|-\s*({YEAR})\s*/\s*)"
    rf"({_SEGMENT}(?:\s*[-/]\s*{_SEGMENT}){{0,5}}){_CODE_END}"
)
# An older state number with no type letters, after the word naming its kind: "Quyết định số 130-CP",
# "Quyết định số 111-HĐBT" (type null, the issuer as written).
TYPELESS_NUMBER = re.compile(rf"{_NUMBER}-({_SEGMENT}(?:-{_SEGMENT}){{0,3}}){_CODE_END}")
# A code typed in lower case, after the word naming its type: "Kế hoạch số 45-kh/hu", "Quyết định số 20/qđ-ubnd"
# (read in capitals; the type letters must be a known type, "số 3-4/tuần" being no code).
_LOWER_SEGMENT = r"[a-zđ][a-zđ0-9]{0,9}"
LOWER_CASE_NUMBER = re.compile(
    rf"{_NUMBER}\s*(?:-\s*(?P<party_type>{_LOWER_SEGMENT})\s*/|/\s*(?P<state_type>{_LOWER_SEGMENT})\s*-)\s*"
    rf"(?P<issuer>{_LOWER_SEGMENT}(?:-{_LOWER_SEGMENT}){{0,2}}){_CODE_END}"
)
# A state number whose slash was typed as a space, after the word naming its type: "Quyết định 309 QĐ-TTg", "số 1010
# QĐ/UBND" (known type letters only, and a dash or slash to the issuer: "Nghị định 67 NĐ" alone is no code).
SPACED_STATE_NUMBER = re.compile(
    rf"{_NUMBER}[ \t]+(?P<type>[A-ZĐ][A-Za-zĐđ]{{0,4}})\s*[-/]\s*"
    rf"(?P<issuer>{_SEGMENT}(?:-{_SEGMENT}){{0,3}}){_CODE_END}"
)
# A number glued to its type letters, after the word naming its type: "Nghị quyết 18NQ/TW" (Party: a slash to the
# issuer), "Quyết định số 123QĐ-UBND" (state: a dash); known type letters only.
GLUED_TYPE_NUMBER = re.compile(
    rf"{_NUMBER}(?P<type>[A-ZĐ][A-Za-zĐđ]{{0,4}})\s*(?P<separator>[-/])\s*"
    rf"(?P<issuer>{_SEGMENT}(?:-{_SEGMENT}){{0,3}}){_CODE_END}"
)
# A number whose slash before the year was typed as a dot, after the word naming its type: "Thông tư số
# 11.2013-NHNN" (as "653/2019-UBTVQH14": no type letters, the year and the issuer).
DOTTED_YEAR_NUMBER = re.compile(rf"{_NUMBER}\.({YEAR})-({_SEGMENT}(?:-{_SEGMENT}){{0,3}}){_CODE_END}")
# Issuer codes written in mixed case, which stand alone in older numbers ("Nghị định số 100/TTg").
MIXED_CASE_ISSUERS: frozenset[str] = frozenset({"TTg"})
# Type letters written without their diacritics ("679/QD-UBND"), or with "Đ" typed as the Telex keys "DD" that
# make it ("2551/QDD-TTg"): a type, as written.
ASCII_TYPE_LETTERS: frozenset[str] = frozenset({"QD", "ND", "DA", "CD", "QDD", "NDD"})


# An issuer typed after a space instead of a dash: "quyết định 1177/QĐ BGDĐT ngày 5/4/2021".
SPACED_ISSUER = re.compile(r"[ \t]+([A-ZĐ]{2,10})(?![\w/-])")


# A month before a number makes it a month ("Tháng 4/2021 - LG rút lui", "tháng 12/2019-TW"): no paper.
MONTH_BEFORE = re.compile(r"(?<![^\W\d_])(?i:tháng)\s+$")
# What names a paper before a code that is one capitalised segment alone: its word or "số" ("Nghị định 67/CP",
# "văn bản số 346/UB", "theo số 12/BCĐ"); without it "Apple Watch 6/SE" is a product's name.
NAMED_BEFORE = re.compile(rf"(?:(?i:{TYPE_WORD}|văn\s+bản|số){ABBREVIATION_ASIDE}|{LETTERS_AS_WORD})\s*:?\s+$")


# Issuers that a page glues to the type letters before them ("718/2004/QĐUB", "78/2013/NĐCP"); only types whose
# letters open no issuer's code ("TTCP" is the Government Inspectorate, "CTUBND" the chairman of a UBND).
GLUED_ISSUERS: frozenset[str] = frozenset({"UB", "UBND", "CP", "TTg", "HĐND"})
GLUED_TYPES: frozenset[str] = frozenset({"QĐ", "NĐ", "NQ"})


# An issuer's parts joined by a dot after a word or "số" naming the paper: "văn bản số 763/UBND.TNMT" (the issuer as
# written); no space after the dot, capitals only after it ("số 12/UBND. Sau đó" ends a sentence). A unit numbered in
# Roman figures may be one letter: "văn bản số 76/TTCP-C.I ngày 19/4" (the Inspectorate's Department I).
DOTTED_TAIL = re.compile(rf"\.([A-ZĐ][A-ZĐ0-9]{{1,9}}|[IVX]){_CODE_END}")


# Numbers listed before a code they share, after the word naming their type: "các quyết định 106, 107/QĐ-TTg",
# "Nghị quyết số 01, 02 và 03/NQ-HĐND" (each is a document of that code).
NUMBERS_SHARING_CODE = re.compile(
    rf"(?:(?i:{TYPE_WORD})|(?i:văn\s+bản))\s+(?:(?i:số)\s+)?((?:\d{{1,5}}\s*(?:,\s*(?:và\s+)?|và\s+))+)$"
)
LOOK_BEFORE_LIST = 80


# A range of numbers sharing the code after its last, after the word naming their type: "các Quyết định số
# 541-543/QĐ-TTg", "Quyết định từ số 1204 đến 1206/QĐ-UBND" (each number between is a document of that code). Short
# ranges only, of numbers that are no years ("Nghị quyết 19-2017/NQ-CP" is a number and its year).
# The first number opens with its digit, checked after it like `_NUMBER`'s.
NUMBER_RANGE = re.compile(r"(\d(?<![\w/.:-]\d)\d{0,4})\s*(?:[-–]|\s(?:đến|tới)\s+(?:(?i:số)\s+)?)\s*(\d{1,5})(?=\s*/)")
RANGE_WORD_BEFORE = re.compile(rf"(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:từ)\s+)?(?:(?i:số)\s+)?$")
MAX_RANGE = 20
