"""Numbered Party and state documents cited in an article body.

Party numbers are "N-TYPE/ISSUER" ("379-KH/TU", "35 –CT/TW"); state numbers "N/TYPE-ISSUER"
("06/NQ-HĐND"), "N/YYYY/TYPE-ISSUER" ("30/2020/NĐ-CP", "183/2010/TTLT/BTC-BNN"), laws "N/YYYY/QH13" and
official letters "N/ISSUER-UNIT" ("123/UBND-VP": no type, the whole code is the issuer, even when the text
calls it "Công văn"). The type is the code as written ("Quy định số 66-QĐ/TW" -> QĐ); the word beside it
names the kind (`type_name` "Quy định"). A document cited by word and number only ("Nghị quyết số 31 ngày
6/9/2016 của HĐND tỉnh") takes its issuer from the body named, or is linked to the full number given
elsewhere ("Thông tri số 10" -> "10-TT/TU"). One entry per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from extractors.facts.dates import ResolvedDate, resolved_dates
from extractors.facts.doc_codes import (
    CONFUSABLE_TYPES,
    DOCUMENT_PARTS,
    NO_BARE_NUMBER,
    SOLE_ISSUERS,
    TYPE_BY_LOWER,
    TYPE_NAMES,
    TYPE_WORDS,
    UNTYPED_KINDS,
    WORD_TO_TYPE,
    initials_code,
    issuer_for_body,
    issuer_named,
    organ_name,
    type_name,
)
from extractors.facts.evidence import make_evidence
from extractors.facts.spans import DisjointSpans
from extractors.normalize import match_form
from extractors.types import DocumentRef

# A code's segment is short ("UBND", "BTCTU", "QH13"); a run of words is not a code, and bounding it keeps the
# issuer within its database column (an unbounded one once took 6,002 characters of a table).
_SEGMENT = r"[A-ZĐƯƠÂÊÔĂ][A-Za-zĐđƯưƠơÂâÊêÔôĂă0-9&]{0,19}"  # "NQ/TƯ" (Trung ương) is written so too
MAX_ISSUER_CHARS = 100  # the database column
MAX_TYPE_LETTERS = 6
_TYPE_WORD = "|".join(re.escape(word) for word, _ in TYPE_WORDS)
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
# ("19-2017/NQ-CP"; `_state_citation` wants type letters there, "2020-2025/..." being no number).
_YEAR = r"(?:19|20)\d\d"
# A number may end in a letter, a paper added between two numbers of a series ("Nghị quyết số 30a/2008/NQ-CP",
# "Thông báo số 961A/TB-LĐ"): right before its slash.
_NUMBER_LETTER = r"(?:[a-zA-Z](?=/))?"
STATE_NUMBER = re.compile(
    rf"(\d(?:(?<![\w/.:-]\d)|(?<=[Ss]ố\d))\d{{0,4}}{_NUMBER_LETTER})\s*(?:/\s*(?:(\d{{4}}|{_YEAR}\d)\s*/\s*|({_YEAR})\s*-\s*)?|-\s*({_YEAR})\s*/\s*)"
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
# Issuer codes written in mixed case, which stand alone in older numbers ("Nghị định số 100/TTg").
MIXED_CASE_ISSUERS: frozenset[str] = frozenset({"TTg"})
# Type letters written without their diacritics ("679/QD-UBND"): a type, as written.
ASCII_TYPE_LETTERS: frozenset[str] = frozenset({"QD", "ND", "DA", "CD"})
_SEPARATOR = re.compile(r"\s*[-/]\s*")
WORD_BEFORE = re.compile(rf"(?i:({_TYPE_WORD}))\s+(?:(?i:số)\s+)?$")
_BARE_NUMBER_END = r"(?![\d/-]|[.,]\d|\s*[-/]\s*[A-ZĐ\d]|\s+(?i:năm|tháng)\b)"
# The leading look-ahead (the type words' first two letters, matched as the words are) lets most positions fail
# on two character tests instead of trying all the words: a third of the time of the search.
_TYPE_WORD_FIRST = "".join(sorted({re.escape(word[0].lower()) for word, _ in TYPE_WORDS}))
_TYPE_WORD_SECOND = "".join(sorted({re.escape(word[1].lower()) for word, _ in TYPE_WORDS}))
# A series' added paper cited alone: "Nghị quyết 30a" (one letter, not a word glued on: "Thông tư 02của").
_CITED_LETTER = r"(?:[a-z](?![^\W\d_]))?"  # not "5K" (the five-K rule)
# The number may carry its year, with no code ("Nghị định số 49/2017", "quyết định 1878/2026 của UBND TP"), or
# say it after "số" ("quyết định số 14 năm 2008"; without "số", "kế hoạch 5 năm 2021 - 2025" is a five-year plan).
# The type's letters may follow the word in parentheses ("Quyết định (QĐ) 33/2014"), and the number be said to be
# "borne" ("6 Quyết định mang số 2356, 2357 … và 2361").
_ABBREVIATION_ASIDE = r"(?:\s*\((?:QĐ|NĐ|NQ|TT|CT|KH|KL|TB|HD)\))?"
_CODELESS_REST = (
    rf"{_ABBREVIATION_ASIDE}\s+((?:mang\s+)?(?i:số)\s+)?(\d{{1,5}}{_CITED_LETTER})"
    rf"(?:(?:\s*/\s*|-)(?P<year>{_YEAR})|\s+(?i:năm)\s+(?P<year_said>{_YEAR}))?{_BARE_NUMBER_END}"
)  # the year may be joined by a dash: "Thông tư 08-2017 của Bộ LĐ-TB&XH"
CODELESS = re.compile(rf"(?=(?i:[{_TYPE_WORD_FIRST}][{_TYPE_WORD_SECOND}]))(?i:({_TYPE_WORD})){_CODELESS_REST}")
# A paper's type letters written for its word, in capitals and as a word of their own: "theo QĐ 33", "tàu đóng theo
# NĐ 67", "NQ 35" (only letters that abbreviate nothing else: "CT" is also a chairman, "TT" a centre or a town).
ABBREVIATED_WORDS: tuple[str, ...] = ("QĐ", "NĐ", "NQ")
ABBREVIATED_CODELESS = re.compile(rf"(?<![\w/-])({'|'.join(ABBREVIATED_WORDS)}){_CODELESS_REST}")
# A paper whose word is followed by what it does before its number: "Kết luận thanh tra số 18", "Quyết định giải quyết
# khiếu nại số 1230", "Quyết định phê duyệt phương án bồi thường số 2595" (lower-case words only, none that makes it
# a sentence: "Báo cáo riêng được đóng dấu cùng văn bản số 12").
DESCRIBED_NUMBER = re.compile(
    rf"(?P<word>{'|'.join(re.escape(word) for word, _ in TYPE_WORDS)})(?P<what>(?:\s+[a-zà-ỹđ]+){{1,6}}?)\s+số\s+"
    rf"(?P<n>\d{{1,5}}){_BARE_NUMBER_END}"
)
# A paper's number in parentheses after its word and what it is: "đã có văn bản “khẩn” (số 453)", "báo cáo giải trình
# (số 642)" (a space after the word: `BODY_BEFORE` reads the subject that issued it). The parentheses are found first
# (a literal opens them), then the words before them.
NUMBER_IN_PARENTHESES = re.compile(r"\(\s*(?i:số)\s+(?P<n>\d{1,5})\s*\)")
PAPER_BEFORE_PARENTHESES = re.compile(
    rf"(?P<word>(?i:{_TYPE_WORD}|văn\s+bản))(?=\s)(?P<what>(?:\s+(?:[“\"][^“”\"\n]{{1,20}}[”\"]|[a-zà-ỹđ]+)){{0,3}}?)\s*$"
)
LOOK_BEFORE_PARENTHESES = 60
NOT_A_DESCRIPTION: frozenset[str] = frozenset(
    "được sẽ đã đang của là có này đó các những nêu trên với cho từ văn bản mang khẳng nói rằng số".split()  # noqa: SIM905
)
PAPER_BEFORE = re.compile(r"(?i:văn\s+bản)\s+(?:(?i:số)\s+)?$")
# A paper cited by number under the generic word ("văn bản số 253 của Sở"): a document with no type.
CODELESS_PAPER = re.compile(
    rf"(?i:văn\s+bản)\s+(?:(?P<so>(?i:số))\s+)?(\d{{1,5}})(?:\s*/\s*(?P<year>{_YEAR})|(?(so)\s+(?i:năm)\s+(?P<year_said>{_YEAR})))?"
    rf"{_BARE_NUMBER_END}"
    r"(?(so)|(?=\s+(?:ngày|của)\s))"  # without "số", only before its date or body ("văn bản 571 ngày 19/1")
)
# A law cited by its name and then its number and year, "số" left out or not: "Luật Cư trú 81/2006", "Luật Thi đua,
# khen thưởng số 06/2022" (the year after a slash: in "Luật Đất đai 2024" the year is the law's, no number). A name
# holds no word of a sentence going on ("Luật Đất đai có hiệu lực từ tháng 8/2024") and is no lawyer's ("Luật sư").
_NOT_IN_A_LAW_NAME = (
    "sư|có|hiệu|lực|từ|tháng|ngày|năm|quý|cho|biết|nói|vào|được|đã|sẽ|là|thì|khi|tại|theo|trong|đến|hết|cuối|đầu"
)
_LAW_NAME_WORD = rf"(?!(?:{_NOT_IN_A_LAW_NAME})(?![^\W\d_]))[^\W\d_]+,?\s+"
NAMED_LAW_NUMBER = re.compile(
    rf"(?<![^\W\d_])(?:Luật|Bộ\s+[Ll]uật)\s+(?:{_LAW_NAME_WORD}){{1,8}}?(\d{{1,5}})\s*/\s*(?P<year>{_YEAR})"
    r"(?![\d/-]|\s*/\s*[A-ZĐ])"
)
DATED_NEXT = re.compile(r"\s+ngày\s+\d")
SPANNING_PLANS: frozenset[str] = frozenset({"KH", "CTr", "CTHĐ", "ĐA", "PA"})
# Further numbers under the same word: "Nghị định 29 và 178", "Quyết định số 15, 16 của UBND huyện".
CODELESS_MORE = re.compile(
    rf"\s*(?:,|và)\s*(?:(?i:số)\s+)?(\d{{1,5}}){_BARE_NUMBER_END}(?=\s*(?:[,.;:)]|của|về|ngày|và|để|$))"
)
# Between a number and its date: "(được) ban hành", "ký", "được Quốc hội thông qua" (the body that passed it).
_PASSED = r"(?:(?:được\s+(?:[^\W\d_][^\d,.;:()]{0,40}?\s)?)?(?:ban hành|ký|thông qua)\s+)?"
DATE_GAP = re.compile(rf"[\s,(]*{_PASSED}(?:ngày\s*)?", re.IGNORECASE)  # "ngày13/11/2015" glued too
SAME_DAY = re.compile(rf"[\s,(]*{_PASSED}(?:vào\s+)?cùng ngày", re.IGNORECASE)
_BODY_HEAD = (
    r"(?:Ban|Bộ|Tổng cục|Ủy ban|UBND|HĐND|Hội đồng|Chính phủ|Thủ tướng|Quốc hội|Trung ương|TW|TƯ|Quân ủy|"
    r"Tỉnh ủy|Thành ủy|Ngân hàng Nhà nước|NHNN|Thanh tra Chính phủ|Kiểm toán Nhà nước|Bảo hiểm xã hội|"
    r"Thường vụ|Phó Chủ tịch|Phó Giám đốc|Thanh tra|"
    r"Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Văn phòng|Sở|BTV|BCH|Chủ tịch|Thường trực|Giám đốc|Liên|"
    r"Hội nghị (?=Trung ương|TW|TƯ)|"  # a plenum's papers are the Central Committee's
    # the Front, mass organisations, the police, courts and procuracies (capitalised: "của hội viên" is none)
    r"(?-i:Mặt trận|Hội (?!nghị)|Công an|Tòa án|Toà án|Viện kiểm sát|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn Thanh niên|"
    # the Party as a whole ("Nghị quyết 57 của Đảng"), capitalised: "của đảng viên" names no body
    r"Đảng(?![^\W\d_])(?!\s+viên)))"
)
# A body's name holds no sentence mark, but the Centre may be written with a dot: "của BCH T.Ư Đảng".
_BODY_CHAR = r"(?:T\.[ƯW]|[^,;.()“”\"])"
BODY_AFTER = re.compile(
    rf"[\s,)]*(?:của|do)\s+({_BODY_HEAD}{_BODY_CHAR}{{0,60}}?)"
    r"(?=\s+(?:ngày|về|V/v|v/v|ban hành|quy định|hướng dẫn|và|nhằm|đã|thì|trong|tại|triển khai|cho|với|đối với)\s"
    r"|[,;.()“”\"]|\s*$)",
    re.IGNORECASE,
)
# The same, where the sentence runs on after the name ("… của Hội đồng bầu cử Quốc gia công bố danh sách …"):
# `organ_name` cuts the phrase where the name ends.
BODY_AFTER_RUNNING_ON = re.compile(rf"[\s,)]*(?:của|do)\s+({_BODY_HEAD}{_BODY_CHAR}{{0,60}})", re.IGNORECASE)
# The issuing body named between a paper's capitalised word and its number: "Nghị quyết HĐND tỉnh Nghệ An số 170",
# "Chỉ thị Ban Thường vụ Tỉnh ủy số 05" (a capitalised organ head, no sentence mark or digit before "số").
BODY_THEN_NUMBER = re.compile(
    rf"(?P<word>{'|'.join(re.escape(word) for word, _ in TYPE_WORDS)})\s+(?P<body>{_BODY_HEAD}[^,;.()“”\"\d]{{0,60}}?)"
    rf"\s+số\s+(?P<n>\d{{1,5}}){_BARE_NUMBER_END}"
)
# A name that goes on after "và" or a dash with a capitalised part ("Sở Giáo dục và Đào tạo"): `organ_name` reads it.
NAME_GOES_ON = re.compile(rf"\s+(?:và|-|–|&)\s+(?!(?i:{_TYPE_WORD})|{'|'.join(DOCUMENT_PARTS)})[A-ZĐ]")
# The body issuing a document as the subject of the clause: "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 19",
# "UBND tỉnh đã có công văn số 147" (a body "has" the papers it sends), "Thủ tướng Chính phủ chỉ đạo tại Thông báo
# số 125", "Phó Chủ tịch UBND TP đã ký liên tiếp 6 Quyết định mang số 2356, …".
# Case-sensitive: the head is a capitalised organ ("ban hành" is no "Ban").
# The papers it issued first in the same list come between ("Đảng ủy xã ban hành Nghị quyết số 04-NQ/ĐU và Kế hoạch
# số "), and a body drafts its own plans ("UBND huyện đã xây dựng Kế hoạch số 45").
# What a paper's word may be followed by before its number: "Nghị quyết chuyên đề số 09", "Quyết định công nhận số 12"
# (lower-case words only, then "số").
_WHAT_THE_PAPER_IS = r"(?:[a-zà-ỹđ]+\s+){1,3}?(?=(?i:số)\s)"
_LISTED_BEFORE = rf"(?:(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?[\w/\-–]+\s*(?:,\s*(?:và\s+)?|và\s+))*"
# Papers signed in a row, counted: "ký liên tiếp 6 Quyết định", "ban hành hai Quyết định".
_IN_A_ROW = r"(?:(?:liên\s+)?tiếp\s+)?(?:(?:các|một|hai|ba|bốn|sáu|bảy|tám|chín|mười|\d{1,2})\s+)?"
BODY_BEFORE = re.compile(
    rf"(?<![^\W_])({_BODY_HEAD}[^,;.()“”\"]{{0,60}}?)\s+(?:(?:cũng|đã|vừa|mới|tiếp tục|chính thức)\s+){{0,2}}"
    r"(?:ban hành|ký(?: ban hành)?|ra|có|thông qua|xây dựng|(?:chỉ đạo|kết luận|phê duyệt) tại)\s+"
    rf"{_IN_A_ROW}{_LISTED_BEFORE}"
    rf"(?i:{_TYPE_WORD}|văn\s+bản){_ABBREVIATION_ASIDE}\s+(?:{_WHAT_THE_PAPER_IS})?(?:(?:mang\s+)?(?i:số)\s+)?$"
)
LOOK_BEFORE_BODY = 160
# A body issuing several papers of a kind, numbered later in its sentence: "Bộ Chính trị khóa IX đã ban hành hai
# Nghị quyết …, đó là …" (one unnumbered paper, "ban hành Nghị định thay thế Nghị định 42", is another one).
BODY_ISSUES_KIND = re.compile(
    rf"(?<![^\W_])({_BODY_HEAD}[^,;.()“”\"]{{0,60}}?)\s+(?:(?:cũng|đã|vừa)\s+){{0,2}}(?:ban hành|ra)\s+"
    rf"(?:các|những|hai|ba|bốn|năm|\d+)\s+(?P<word>(?i:{_TYPE_WORD}))(?!\s+(?:(?i:số)\s+)?\d)"
)
# What may follow an issuing body's name in its subject: its term ("khóa IX").
BODY_QUALIFIER = re.compile(r"\s+(?i:khóa|khoá)\s+[IVXLC\d]+")
# The rest of a subject after its organ's name, when it is the signer's name: capitalised words only.
PERSON_AFTER_ORGAN = re.compile(r"(?:\s+[A-ZĐ][^\W\d_]*){2,4}")
# "Tại văn bản số 3206 ngày 3/4, Văn phòng Chính phủ truyền đạt …": the subject after the comma speaks through
# the paper it sent (after "thực hiện"/"theo" the subject is the one carrying out another's paper, so only "Tại"
# opening the sentence: "… báo cáo tại tờ trình số 107, Sở Nội vụ …" goes on with another subject).
AT_PAPER = re.compile(
    rf"(?:^|(?<=[.!?:;\n\"“]\s)|(?<=[.!?:;\n\"“]))Tại\s+(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
# The same after a short lead-in that opens the sentence: "Chấp thuận kiến nghị của tỉnh, tại Quyết định số 326 ngày
# 1/3/2016, Thủ tướng Chính phủ đã bổ sung …", "Về phương án GPMB, trước đó, tại Thông báo số 178 …".
AT_PAPER_AFTER_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:;\n\"“]\s)|(?<=[.!?:;\n\"“]))(?:[^,.;:!?\n()]{1,60},\s*){1,2}tại\s+"
    rf"(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
LOOK_BEFORE_LEAD_IN = 160
BODY_AFTER_COMMA = re.compile(rf"\s*,\s*({_BODY_HEAD}[^,;.()“”\"]{{0,60}})")
# A place's abbreviation keeps its dot inside the clause ("do Phó Giám đốc Sở Xây dựng TP. Hà Nội … ký ngày …").
# A place's name has two capitalised syllables at least: "UBND TP. Sau đó …" ends a sentence.
# (Case-sensitive inside case-blind patterns too.)
_PLACE_ABBREVIATION = r"(?-i:(?<![^\W\d_])(?:TP|Tp|TX|Q|H)\.(?=\s*[A-ZĐ][^\W\d_]*\s+[A-ZĐ]))"
# From a date to the document a clause issues after it: "Ngày 5/4/2023, Đảng ủy xã đã có Tờ trình số ", and in a
# time line "- Ngày 14/5/2026: UBND Thành phố ban hành Quyết định ".
# Papers issued in one clause before the one looked at: "ban hành Kế hoạch số 19-KH/TU và Hướng dẫn số ".
_ISSUED_BEFORE_IN_LIST = rf"(?:(?:{_TYPE_WORD}|văn\s+bản)\s+(?:số\s+)?[\w/\-–]+\s*(?:,\s*(?:và\s+)?|và\s+))*"
# A clause may also send the paper ("Ngày 6/1/2017, Bộ Tài chính đã gửi Công văn số ") or speak at it ("ngày
# 14/11/2013 tại Văn bản số ").
# An approval made by a paper dates it too: "Ngày 29/11/2013, UBND tỉnh phê duyệt điều chỉnh tổng mức đầu tư theo Quyết
# định số 1764/QĐ-UBND" (what is approved, then "theo"/"tại" and the paper); so does a policy issued with the paper
# in an aside: "ngày 26/9/2011, Chính phủ đã ban hành các chính sách ưu đãi … (theo Quyết định 37/2011/QĐ-TTg)".
_ISSUING_VERB = (
    r"(?:ban hành|ký(?:\s+ban hành)?|có|ra|phát hành|thông qua|gửi|phê duyệt(?:\s[^.;:!?\n\d,]{0,60}?)?\s(?:theo|tại)"
    r"|ban hành\s[^.;:!?\n\d,()]{1,80}?\s\((?:theo|tại))"
)
# The verb may go on ("lại ký tiếp Quyết định số …"), and the paper's word be followed by what it does before its
# number ("đã ra Quyết định khởi tố bị can số 363/C46", as `DESCRIBED_NUMBER` reads it).
_WHAT_IT_DOES = r"(?:[a-zà-ỹđ]+\s+){1,6}?(?=số\s)"
ISSUED_AFTER_DATE = re.compile(
    rf"[\s,:]*(?:(?:(?:{_PLACE_ABBREVIATION}|[^.;:!?\n]){{0,160}}?\s)?(?:(?:đã|vừa)\s+)?{_ISSUING_VERB}\s+{_IN_A_ROW}"
    rf"{_ISSUED_BEFORE_IN_LIST}|tại\s+(?=(?i:{_TYPE_WORD}|văn\s+bản)))"
    # "ký Quyết định (số 3789/…)", "ký ba Quyết định: số 45/QĐ-UBND, số 46/QĐ-UBND"
    rf"(?:(?i:{_TYPE_WORD}|văn\s+bản)(?:\s*:\s*|\s+)(?:{_WHAT_IT_DOES})?)?(?:\(\s*)?(?:(?i:số)\s+)?",
    re.IGNORECASE,
)
LOOK_BEFORE_DATE = 220
# The signing said later in the clause: "Kế hoạch số 19-KH/TU về … được Ban Thường vụ Tỉnh ủy ban hành ngày
# 1/9/2016", "Quyết định số 245/QĐ-UBND của UBND huyện về …, ký ngày 3/3/2021" (no digit between: no other paper;
# no comma before the clause that signs: "Thực hiện Kế hoạch số 45, UBND xã ban hành ngày …" is another paper's).
SIGNED_LATER = re.compile(
    rf"(?:{_PLACE_ABBREVIATION}|[^.!?;,\n\d()]){{0,100}}?(?:\s|\s*,\s*)(?:ban hành|ký(?:\s+ban hành)?)\s+(?:vào\s+)?"
    r"(?=ngày\s)"
)
# A relative clause naming the body that issued the paper, right after it or after its subject: "Thông tư 15/2015
# mà Bộ VH-TT-DL đã ban hành", "Thông tư số 02 vừa được Bộ Y tế ban hành", "Thông tư số 22/2014 về quy hoạch kho
# số do Bộ TT&TT ban hành" (no number between: in "Thông tư 22 … dựa trên Thông tư 30 do Bộ GD&ĐT ban hành" the
# clause is the other paper's).
ISSUED_BY_LATER = re.compile(
    rf"[^.!?;\n\d]{{0,100}}?(?:\s|,\s*)(?:mà|do|(?:(?:vừa|đã|mới)\s+)?được)\s+({_BODY_HEAD}[^,;.()“”\"\d]{{0,60}}?)\s+(?:\([^()\d]{{1,12}}\)\s+)?"
    rf"(?:(?:đã|vừa|mới)\s+)?(?:ban hành|ký)(?![^\W\d_])(?!\s+(?:(?i:{_TYPE_WORD}|văn\s+bản)))"  # not issuing another
)
LOOK_AHEAD_ISSUED_BY = 200
# The issuing body in parentheses right after the number: "Nghị định 86 (Chính phủ) và Thông tư 63 (Bộ GTVT)".
BODY_IN_PARENTHESES = re.compile(rf"\s*\(\s*({_BODY_HEAD}[^()“”\"\d,;.]{{0,60}}?)\s*\)")
SENTENCE_END = re.compile(r"[.!?]\s|\n")
# A parenthesis after a citation, before the sentence ends, and the signing words inside it.
ASIDE_AFTER = re.compile(r"[^.!?\n()]*\((?P<aside>[^()\n]{0,240})\)")
SIGNED_ON = re.compile(r"\b(?:ký|ban hành)(?: ban hành)?(?= (?:vào )?ngày)", re.IGNORECASE)
LINE_OPENING = re.compile(rf"[\s\-+•*–]*(?i:{_TYPE_WORD})\s+(?:(?i:số)\s+)?")
MAX_SENTENCE = 400
MAX_EVENT_LOOK_BACK = 50
MAX_SERIES_GAP = 3
# Between numbers of one list sharing a type word and a date: "2711/QĐ-UBND, 2712/QĐ-UBND ngày ...".
LIST_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s+)?", re.IGNORECASE)
# The same with the type word said again: "Nghị quyết số 18 và Nghị quyết số 19 ngày 25/10/2017 của …", what the
# paper does told before its number ("Quyết định thu hồi đất số 2594 và Quyết định phê duyệt phương án bồi thường
# số 2595 (ngày 12/11/2015) của UBND TP").
LIST_GAP_RETYPED = re.compile(
    rf"\s*(?:,\s*(?:và\s+)?|và\s+)({_TYPE_WORD})\s+(?:(?-i:{_WHAT_IT_DOES})?số\s+)?", re.IGNORECASE
)
LOOK_AHEAD = 120
MIN_BARE_YEAR, MAX_BARE_YEAR = 1945, 2100
LOOK_BEHIND = 40


@dataclass
class Citation:
    """One mention of a document, before mentions of the same document are merged."""

    start: int
    end: int
    number: str
    type: str | None
    issuer: str | None
    year: int | None = None
    party: bool = False
    issued_on: date | None = None
    issuing_body: str | None = None
    has_code: bool = True
    issuer_named: str | None = None  # a document cited without a code: its issuer as the text names the body
    word_type: str | None = None
    opening_date: date | None = None  # "Ngày 5/4/2023, Đảng ủy đã có Tờ trình số ...": used when no other
    body_before: tuple[int, int] | None = None  # "Nghị quyết HĐND tỉnh Nghệ An số 170": the body's span
    word_end: int | None = None  # "văn bản “khẩn” (số 453)": where the clause's subject issuing it is looked for
    named_as: str | None = None  # the type the word before a code names, even where the code says another
    raw: str | None = None  # a number of a range, written with the code it shares ("542/QĐ-TTg" of "541-543/QĐ-TTg")


def _word_type(form: str, start: int) -> str | None:
    found = WORD_BEFORE.search(form[max(0, start - LOOK_BEHIND) : start])
    return WORD_TO_TYPE.get(found.group(1).lower()) if found else None


def _party_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "379-KH/TU"; type letters we do not list count after a word naming a type ("Quyết định số 470-QĐNS/TW")."""
    letters = found.group(2)
    doc_type = TYPE_BY_LOWER.get(letters.lower())
    if doc_type is None and letters.isupper() and len(letters) <= MAX_TYPE_LETTERS and _word_type(form, found.start()):
        doc_type = letters
    if doc_type is None or len(found.group(3)) > MAX_ISSUER_CHARS:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group(3), party=True)


# An issuer typed after a space instead of a dash: "quyết định 1177/QĐ BGDĐT ngày 5/4/2021".
SPACED_ISSUER = re.compile(r"[ \t]+([A-ZĐ]{2,10})(?![\w/-])")


def _issuerless(found: re.Match[str], form: str, year: int | None) -> Citation | None:
    """Type letters without a dash and issuer after them, after a word naming a type ("Thông báo số 431/TB"); the
    issuer may follow after a space."""
    letters = found.group(5)
    if _word_type(form, found.start()) is None or not letters.isupper():
        return None
    doc_type = TYPE_BY_LOWER[letters.lower()]
    spaced = SPACED_ISSUER.match(form, found.end())
    if spaced and spaced.group(1).lower() not in TYPE_BY_LOWER:
        return Citation(found.start(), spaced.end(), found.group(1), doc_type, spaced.group(1), year=year)
    return Citation(found.start(), found.end(), found.group(1), doc_type, None, year=year)


# A month before a number makes it a month ("Tháng 4/2021 - LG rút lui", "tháng 12/2019-TW"): no paper.
MONTH_BEFORE = re.compile(r"(?<![^\W\d_])(?i:tháng)\s+$")
# What names a paper before a code that is one capitalised segment alone: its word or "số" ("Nghị định 67/CP",
# "văn bản số 346/UB", "theo số 12/BCĐ"); without it "Apple Watch 6/SE" is a product's name.
NAMED_BEFORE = re.compile(rf"(?i:{_TYPE_WORD}|văn\s+bản|số)\s*:?\s+$")


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
    elif year is not None or len(segments) > 1 or (len(segments[0]) >= 2 and segments[0].isupper()):
        doc_type, issuer = None, "-".join(segments)  # a law ("49/2014/QH13") or an official letter
    elif segments[0] in MIXED_CASE_ISSUERS and _word_type(form, found.start()):
        doc_type, issuer = None, segments[0]  # an older number: "Nghị định số 100/TTg", "Chỉ thị 406/TTg"
    else:
        return None
    if len(issuer) > MAX_ISSUER_CHARS:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, issuer, year=year)


# Issuers that a page glues to the type letters before them ("718/2004/QĐUB", "78/2013/NĐCP"); only types whose
# letters open no issuer's code ("TTCP" is the Government Inspectorate, "CTUBND" the chairman of a UBND).
GLUED_ISSUERS: frozenset[str] = frozenset({"UB", "UBND", "CP", "TTg", "HĐND"})
GLUED_TYPES: frozenset[str] = frozenset({"QĐ", "NĐ", "NQ"})


# An issuer's parts joined by a dot after a word or "số" naming the paper: "văn bản số 763/UBND.TNMT" (the issuer as
# written); no space after the dot, capitals only after it ("số 12/UBND. Sau đó" ends a sentence).
DOTTED_TAIL = re.compile(rf"\.([A-ZĐ][A-ZĐ0-9]{{1,9}}){_CODE_END}")


def _with_dotted_tail(citation: Citation, form: str) -> Citation:
    tail = DOTTED_TAIL.match(form, citation.end)
    if tail is None or not _named_before(form, citation.start):
        return citation
    if citation.issuer is None:  # "123/QĐ.UBND": the dot stands for the dash
        citation.issuer = tail.group(1)
    else:
        citation.issuer = f"{citation.issuer}.{tail.group(1)}"
    citation.end = tail.end(1)
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


class DatesInText:
    """The article's resolved dates, looked up by position in O(log n)."""

    def __init__(self, dated: tuple[ResolvedDate, ...]) -> None:
        self.document_ends: set[int] = set()
        self.by_start = {resolved.hit.start: resolved for resolved in reversed(dated)}  # first hit at a start
        self.ends = sorted(resolved.hit.end for resolved in dated)
        self.day_by_end: dict[int, date] = {}
        self.resolved_by_end: dict[int, ResolvedDate] = {}
        for resolved in sorted(dated, key=lambda r: (r.hit.end, r.hit.start)):
            self.day_by_end[resolved.hit.end] = resolved.day  # the latest hit ending there, in text order
            self.resolved_by_end[resolved.hit.end] = resolved

    def starting_at(self, position: int) -> ResolvedDate | None:
        return self.by_start.get(position)

    def last_before(self, position: int) -> date | None:
        """The day of the last date that ends at or before `position`."""
        end = self.last_end_before(position)
        return self.day_by_end[end] if end is not None else None

    def last_end_before(self, position: int) -> int | None:
        index = bisect_right(self.ends, position)
        return self.ends[index - 1] if index else None

    def attach(self, resolved: ResolvedDate) -> ResolvedDate:
        """Mark a date as a document's own (not the day of an event the text tells)."""
        self.document_ends.add(resolved.hit.end)
        return resolved

    def last_event_before(self, position: int) -> date | None:
        """The day of the last date before `position` that is no document's own."""
        index = bisect_right(self.ends, position)
        for end in reversed(self.ends[max(0, index - MAX_EVENT_LOOK_BACK) : index]):
            if end not in self.document_ends:
                return self.day_by_end[end]
        return None


# A paper's title in quotes right after its number or date: "Chỉ thị số 05 “Về đẩy mạnh …” của Bộ Chính trị".
QUOTED_TITLE = re.compile(r"\s*,?\s*(?:“[^“”\n]{1,200}”|\"[^\"\n]{1,200}\")")


def _past_quoted_title(form: str, end: int) -> int:
    title = QUOTED_TITLE.match(form, end)
    return title.end() if title else end


def _date_after_title(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The date right after a quoted title, not after a comma ("Đề án “…”, ngày 5/3 ông A nói": the next clause's)."""
    return None if COMMA_AFTER_TITLE.match(form, end) else _date_right_after(form, end, dated)


COMMA_AFTER_TITLE = re.compile(r"\s*,")


def _date_right_after(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The date written right after a number ("ngày 17/7/2024", ", ngày 30/5/2019", "(ngày ...)")."""
    gap = DATE_GAP.match(form, end)
    return dated.starting_at(gap.end() if gap else end)


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
    return _date_right_after(form, place.end(), dated)


# A date written between a paper's word and its number: "Theo Quyết định ngày 5/3/2025 số 123/QĐ-UBND".
WORD_BEFORE_DATE = re.compile(rf"(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:ngày)\s*)?$")
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


def _issued_on(form: str, citation: Citation, dated: DatesInText, earlier: EarlierDates) -> date | None:
    """The date the text gives a document: right after its number, after the body that issued it, or "cùng
    ngày" (see `_same_day`)."""
    end = citation.end
    right_after = _date_right_after(form, end, dated)
    right_after = right_after or (_date_after_place(form, end, dated) if citation.has_code else None)
    if right_after is None:  # "Chỉ thị số 05 “Về đẩy mạnh …” ngày 15/5/2016 của Bộ Chính trị"
        end = _past_quoted_title(form, end)
        right_after = _date_after_title(form, end, dated) if end != citation.end else None
    right_after = right_after or _date_between_word_and_number(form, citation.start, dated)
    if right_after:
        return _day_of(dated.attach(right_after), citation)
    same_day = SAME_DAY.match(form, end)
    if same_day:  # "cùng ngày 5/3/2025" names the day
        named = _date_right_after(form, same_day.end(), dated)
        return _day_of(dated.attach(named), citation) if named else _same_day(form, citation, dated, earlier)
    body = BODY_AFTER.match(form, end, min(len(form), end + LOOK_AHEAD))
    body = None if body and TAKES_EFFECT.search(body.group(1)) else body
    after_body = _date_right_after(form, body.end(), dated) if body else None  # "... của HĐND huyện ngày 20/12"
    if after_body and not _opens_next_clause(form, body.end(), after_body):
        return _day_of(dated.attach(after_body), citation)
    signed = _signed_in_aside(form, end, dated) or _signed_later(form, end, dated)
    return _day_of(dated.attach(signed), citation) if signed else None


# A body's name read up to "ngày" that runs on into the paper taking effect ("của UBND TP có hiệu lực từ ngày
# 4/5/2013"): the day is when it applies, not when it was issued.
TAKES_EFFECT = re.compile(r"(?<![^\W\d_])(?i:có\s+hiệu\s+lực|hiệu\s+lực\s+thi\s+hành)(?![^\W\d_])")


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
    return _date_right_after(form, found.end(), dated) if found else None


def _signed_in_aside(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The signing date an aside gives the document just cited, in the same sentence: "Nghị quyết 01 của HĐND
    TP về … (Nghị quyết … khóa VIII, kỳ họp thứ 13 - ký ngày 14-6-2014)"."""
    aside = ASIDE_AFTER.match(form, end, min(len(form), end + LOOK_AHEAD))
    if aside is None:
        return None
    signed = SIGNED_ON.search(form, aside.start("aside"), aside.end("aside"))
    return _date_right_after(form, signed.end(), dated) if signed else None


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


def _issued_before(form: str, citation: Citation, dated: DatesInText) -> date | None:
    """A date opening the clause that issues the document: "Ngày 5/4/2023, Đảng ủy xã đã có Tờ trình số
    12-TTr/ĐU" (a date before a document that is only cited, "Ngày 5/4, hội nghị quán triệt Kế hoạch số
    ...", is the meeting's)."""
    start = citation.start
    date_end = dated.last_end_before(start)
    near = date_end is not None and start - date_end <= LOOK_BEFORE_DATE
    if date_end is not None and near and ISSUED_AFTER_DATE.fullmatch(form, date_end, start):
        return _day_of(dated.resolved_by_end[date_end], citation)
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


# A day after a number that the article's dates could not give a year (no publication date, no other full date):
# the body named after it is still the paper's.
UNRESOLVED_DAY = re.compile(r"[\s,(]*ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\)?(?![\d/.-]\d)")


# A paper cited in parentheses after the body that sent it: "theo đề nghị của Bộ Tài chính (Công văn số 2000)".
BODY_BEFORE_ASIDE = re.compile(
    rf"(?:của|do)\s+({_BODY_HEAD}[^,;.()“”\"\d]{{0,60}}?)\s*\(\s*(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
# A paper of another kind listed after a number, told by its date, the body named after it: "Chỉ thị số 26, cũng như
# Công điện ngày 2/2/2017 của Thủ tướng Chính phủ" (one body for both).
UNNUMBERED_SIBLING = re.compile(
    rf"\s*,\s*(?:(?:cũng như|và)\s+)?(?i:{_TYPE_WORD})\s+"
    r"ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s+"
    r"(?=(?:của|do)\s)"  # the other paper is told by its date
)
# The Party's central bodies named right after a number, "của" left out: "Nghị quyết 04 Bộ Chính trị".
CENTRE_RIGHT_AFTER = re.compile(r"\s+(Bộ Chính trị|Ban Bí thư)(?![^\W_])")


def _issuing_body(text: str, form: str, citation: Citation, dated: DatesInText) -> str | None:
    """The body named after the number ("… của HĐND tỉnh"), else the clause's subject that issues it."""
    end = citation.end
    right_after = _date_right_after(form, end, dated)
    same_day = SAME_DAY.match(form, end)
    named = _date_right_after(form, same_day.end(), dated) if same_day else None
    position = right_after.hit.end if right_after else named.hit.end if named else same_day.end() if same_day else end
    unresolved = None if right_after or same_day else UNRESOLVED_DAY.match(form, end)
    position = unresolved.end() if unresolved else position  # "tờ trình số 5054 ngày 4/7 của Chủ tịch UBND TP"
    titled = _past_quoted_title(form, position)
    if titled != position:  # "Kế hoạch số 12 “Về tổ chức Lễ hội” ngày 5/3/2025 của UBND huyện"
        after_title = _date_after_title(form, titled, dated)
        position = after_title.hit.end if after_title else titled
    window_end = min(len(form), position + LOOK_AHEAD)
    found = BODY_AFTER.match(form, position, window_end)
    if found is None or NAME_GOES_ON.match(form, found.end(1)):  # "Bộ Tài nguyên và Môi trường"
        found = BODY_AFTER_RUNNING_ON.match(form, position, window_end)
    if found:
        return organ_name(text[found.start(1) : found.end(1)])
    sibling = UNNUMBERED_SIBLING.match(form, position, window_end) if not citation.has_code else None
    found = BODY_AFTER_RUNNING_ON.match(form, sibling.end(), window_end) if sibling else None
    if found:  # "Chỉ thị số 26, Công điện ngày 2/2/2017 của Thủ tướng": the body of both
        return organ_name(text[found.start(1) : found.end(1)])
    aside = BODY_IN_PARENTHESES.match(form, position, window_end)  # "Thông tư 63 (Bộ GTVT)"
    if aside:
        return organ_name(text[aside.start(1) : aside.end(1)])
    later = ISSUED_BY_LATER.match(form, position, min(len(form), position + LOOK_AHEAD_ISSUED_BY))
    if later:
        return organ_name(text[later.start(1) : later.end(1)])
    centre = CENTRE_RIGHT_AFTER.match(form, position) if not citation.has_code else None
    if centre:
        return centre.group(1)
    outside = BODY_BEFORE_ASIDE.search(form, max(0, citation.start - LOOK_BEHIND * 2), citation.start)
    if outside:
        return organ_name(text[outside.start(1) : outside.end(1)])
    return (
        _subject_body(text, form, citation.word_end or citation.start)
        or _speaker_after_comma(text, form, citation.start, position)
        or _issuer_of_the_kind(text, form, citation)
    )


def _issuer_of_the_kind(text: str, form: str, citation: Citation) -> str | None:
    """A number cited by word only, after its sentence said which body issued papers of that kind: "Bộ Chính trị
    khóa IX đã ban hành hai Nghị quyết chuyên đề …, đó là Nghị quyết 42 … và Nghị quyết số 11"."""
    if citation.has_code or citation.type is None:
        return None
    window_start = max(0, citation.start - MAX_SENTENCE)
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(form, window_start, citation.start)), default=0)
    sentence_start = max(sentence_start, window_start)
    for found in BODY_ISSUES_KIND.finditer(form, sentence_start, citation.start):
        if WORD_TO_TYPE[found.group("word").lower()] != citation.type or found.end() >= citation.start - 1:
            continue
        phrase = " ".join(text[found.start(1) : found.end(1)].split())
        body = organ_name(phrase)
        if body and (body == phrase or BODY_QUALIFIER.fullmatch(phrase[len(body) :])):
            return body
    return None


def _speaker_after_comma(text: str, form: str, start: int, end: int) -> str | None:
    """ "Tại văn bản số 3206 ngày 3/4, Văn phòng Chính phủ truyền đạt …": the organ opening the main clause."""
    at_paper = AT_PAPER.search(form, max(0, start - LOOK_BEHIND), start)
    if not (at_paper or AT_PAPER_AFTER_LEAD_IN.search(form, max(0, start - LOOK_BEFORE_LEAD_IN), start)):
        return None
    found = BODY_AFTER_COMMA.match(form, end, min(len(form), end + LOOK_AHEAD))
    return organ_name(text[found.start(1) : found.end(1)]) if found else None


def _subject_body(text: str, form: str, start: int) -> str | None:
    """ "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 19": the subject, when it is an organ's name and nothing
    else."""
    found = BODY_BEFORE.search(form, max(0, start - LOOK_BEFORE_BODY), start)
    if found is None:
        return None
    phrase = " ".join(text[found.start(1) : found.end(1)].split())
    body = organ_name(phrase)
    rest = phrase[len(body) :] if body else ""
    signer = body is not None and PERSON_AFTER_ORGAN.fullmatch(rest) is not None
    telling = body is not None and TELLING_AFTER_ORGAN.fullmatch(rest) is not None
    return body if body == phrase or signer or telling else None  # "Bộ Nội vụ Nguyễn Trọng Thừa đã ký …": the ministry


# An organ telling what it did: "Văn phòng UBND tỉnh cho biết đã có văn bản …", "Sở Y tế cho hay đã ban hành …".
TELLING_AFTER_ORGAN = re.compile(r"\s+(?:cho biết|cho hay|thông tin)(?:\s+(?:là|rằng))?")


# Numbers listed before a code they share, after the word naming their type: "các quyết định 106, 107/QĐ-TTg",
# "Nghị quyết số 01, 02 và 03/NQ-HĐND" (each is a document of that code).
NUMBERS_SHARING_CODE = re.compile(
    rf"(?:(?i:{_TYPE_WORD})|(?i:văn\s+bản))\s+(?:(?i:số)\s+)?((?:\d{{1,5}}\s*(?:,\s*(?:và\s+)?|và\s+))+)$"
)
_LISTED_NUMBER = re.compile(r"\d{1,5}")
LOOK_BEFORE_LIST = 80


def _numbers_sharing_code(citation: Citation, form: str) -> list[Citation]:
    """The numbers listed before a coded one that share its code ("106, 107/QĐ-TTg" -> 106/QĐ-TTg too)."""
    window_start = max(0, citation.start - LOOK_BEFORE_LIST)
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


# A range of numbers sharing the code after its last, after the word naming their type: "các Quyết định số
# 541-543/QĐ-TTg", "Quyết định từ số 1204 đến 1206/QĐ-UBND" (each number between is a document of that code). Short
# ranges only, of numbers that are no years ("Nghị quyết 19-2017/NQ-CP" is a number and its year).
NUMBER_RANGE = re.compile(r"(?<![\w/.:-])(\d{1,5})\s*(?:[-–]|\s(?:đến|tới)\s+(?:(?i:số)\s+)?)\s*(\d{1,5})(?=\s*/)")
RANGE_WORD_BEFORE = re.compile(rf"(?i:{_TYPE_WORD}|văn\s+bản)\s+(?:(?i:từ)\s+)?(?:(?i:số)\s+)?$")
MAX_RANGE = 20


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


def _coded_citations(form: str) -> list[Citation]:
    citations = [c for m in PARTY_NUMBER.finditer(form) if (c := _party_citation(m, form))]
    taken = DisjointSpans([(c.start, c.end) for c in citations])
    last_end = -1  # where the last code read ends: a list names its later codes by the first one
    for found in STATE_NUMBER.finditer(form):
        if taken.overlaps(found.start(), found.end()):
            continue
        listed = last_end >= 0 and LIST_GAP.fullmatch(form, last_end, found.start()) is not None
        citation = _state_citation(found, form, listed)
        if citation:
            citation = _with_dotted_tail(citation, form)
            citations.append(citation)
            taken.add(citation.start, citation.end)
            last_end = citation.end
    for found in TYPELESS_NUMBER.finditer(form):
        citation = _typeless_citation(found, form)
        if citation and not taken.overlaps(citation.start, citation.end):
            citations.append(citation)
    for found in SPACED_STATE_NUMBER.finditer(form):
        citation = _spaced_citation(found, form)
        if citation and not taken.overlaps(citation.start, citation.end):
            citations.append(citation)
    for found in GLUED_TYPE_NUMBER.finditer(form):
        citation = _glued_type_citation(found, form)
        if citation and not taken.overlaps(citation.start, citation.end):
            citations.append(citation)
    for found in LOWER_CASE_NUMBER.finditer(form):
        citation = _lower_case_citation(found, form)
        if citation and not taken.overlaps(citation.start, citation.end):
            citations.append(citation)
    citations += [shared for citation in list(citations) for shared in _numbers_sharing_code(citation, form)]
    citations += _numbers_in_range(form, DisjointSpans([(c.start, c.end) for c in citations]))
    for citation in citations:
        _apply_word_type(citation, form)
    return citations


def _spaced_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Quyết định 309 QĐ-TTg" -> 309/QĐ-TTg: only known type letters, only after a word naming a type."""
    doc_type = TYPE_BY_LOWER.get(found.group("type").lower())
    if doc_type is None or found.group("type") not in (doc_type, doc_type.upper()):
        return None
    if _word_type(form, found.start()) is None:
        return None
    return Citation(found.start(), found.end(), found.group(1), doc_type, found.group("issuer"))


def _glued_type_citation(found: re.Match[str], form: str) -> Citation | None:
    """ "Nghị quyết 18NQ/TW" -> 18-NQ/TW, "Quyết định số 123QĐ-UBND" -> 123/QĐ-UBND: only known type letters, only
    after a word naming a type."""
    doc_type = TYPE_BY_LOWER.get(found.group("type").lower())
    if doc_type is None or found.group("type") not in (doc_type, doc_type.upper()):
        return None
    if _word_type(form, found.start()) is None:
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
    """ "Quyết định số 130-CP": only after a type word, and only when the letters are no type code."""
    issuer = found.group(2)
    if issuer.split("-")[0].lower() in TYPE_BY_LOWER or _word_type(form, found.start()) is None:
        return None
    return Citation(found.start(), found.end(), found.group(1), None, issuer)


# A type word in lower case names a paper after a verb or preposition that cites or issues one ("đóng tàu theo nghị
# định 67", "đã ban hành thông tư 26", "Thủ tướng đã ký quyết định 929"), for the kinds that are no plan ("theo kế
# hoạch 1 lần") and with no count after the number ("theo quyết định 2 lần").
CITING_BEFORE = re.compile(r"(?<![^\W_])(?:theo|thực hiện|tại|ban hành|ký|thay thế|sửa đổi)\s+$")
LOWER_CASE_CITED_KINDS: frozenset[str] = frozenset({"NĐ", "NQ", "TT", "CT", "QĐ"})
# A count, not a number, when a measure or classifier follows ("quyết định 2 lần", "Kế hoạch 4 điểm", "Kế hoạch 100
# ngày"; "ngày" before a date is the paper's day). A type word in capitals is a citation more often: only the
# classifiers that cannot start a sentence's next words follow it ("Nghị định 67 người dân được hỗ trợ").
_CLASSIFIERS = (
    r"điểm|nội dung|nhiệm vụ|giải pháp|mục tiêu|bước|tiêu chí|chỉ tiêu|trang|vấn đề|lĩnh vực|ngày(?!\s+(?:\d|càng))"
)
CLASSIFIER_AFTER = re.compile(rf"\s*(?:{_CLASSIFIERS})(?![^\W\d_])")
COUNT_AFTER = re.compile(rf"\s*(?:{_CLASSIFIERS}|lần|người|giờ|tuổi|tỷ|triệu|nghìn|ngàn|đồng|năm|tháng|%)(?![^\W\d_])")


def _cited_in_lower_case(form: str, found: re.Match[str], doc_type: str) -> bool:
    if doc_type not in LOWER_CASE_CITED_KINDS or found.group(2) or COUNT_AFTER.match(form, found.end()):
        return False
    return CITING_BEFORE.search(form, max(0, found.start() - LOOK_BEHIND), found.start()) is not None


# A type word heading a firm's name: "Công ty Luật số 5" is a law firm, not a law.
FIRM_BEFORE = re.compile(r"(?<![^\W\d_])(?i:công\s+ty|văn\s+phòng|hãng)(?:\s+(?i:TNHH|cổ\s+phần|hợp\s+danh))?\s+$")
LOOK_BEFORE_FIRM = 30


def _codeless_words(form: str) -> list[re.Match[str]]:
    """Numbers after a type word or its letters ("Quyết định 33", "QĐ 33"), in text order; none in a firm's name."""
    found = [*CODELESS.finditer(form), *ABBREVIATED_CODELESS.finditer(form)]
    found = [m for m in found if not FIRM_BEFORE.search(form, max(0, m.start() - LOOK_BEFORE_FIRM), m.start())]
    return sorted(found, key=lambda match: match.start())


def _past_unresolved_day(form: str, end: int) -> int:
    """Where a day written right after a number ends ("quyết định 49 (ngày 1/9/2011) của Thủ tướng"), else `end`."""
    day = UNRESOLVED_DAY.match(form, end)
    return day.end() if day else end


def _codeless_citations(form: str) -> list[Citation]:
    """Numbers after a word naming a type, with no code: "Nghị quyết số 31", "Nghị định 29 và 178". The word is
    capitalised, followed by "số", or followed by the body that issued it ("nghị định 35 của Chính phủ"); a
    lower-case "quyết định 2 kế hoạch" is a verb."""
    citations = []
    for found in _codeless_words(form):
        word, number = found.group(1), found.group(3)
        doc_type = WORD_TO_TYPE.get(word.lower()) or TYPE_BY_LOWER[word.lower()]
        lower_unowned = not word[:1].isupper() and not BODY_AFTER.match(form, _past_unresolved_day(form, found.end()))
        lower_unowned = lower_unowned and not _cited_in_lower_case(form, found, doc_type)
        year_like = number.isdigit() and MIN_BARE_YEAR <= int(number) <= MAX_BARE_YEAR
        year_like = year_like and not DATED_NEXT.match(form, found.end())
        counted = CLASSIFIER_AFTER.match(form, found.end())  # "Kế hoạch 4 điểm của Tổng thống Mỹ"
        if not found.group(2) and (lower_unowned or year_like or doc_type in NO_BARE_NUMBER or counted):
            continue  # "Kế hoạch 2025" is a year ("Công văn 2039 ngày 29/5/2017" a number); "Chương trình 135" a name
        if found.group("year_said") and not found.group(2) and (doc_type in SPANNING_PLANS or lower_unowned):
            continue  # "kế hoạch 5 năm 2021 - 2025" is a five-year plan; "Nghị định 34 năm 2016" a decree
        year_group = "year" if found.group("year") else "year_said" if found.group("year_said") else None
        year = int(found.group(year_group)) if year_group else None
        end = found.end(year_group) if year_group else found.end(3)
        citations.append(Citation(found.start(3), end, number, doc_type, None, year=year, has_code=False))
        end = found.end()
        while more := CODELESS_MORE.match(form, end):
            citations.append(Citation(more.start(1), more.end(1), more.group(1), doc_type, None, has_code=False))
            end = more.end()
    for found in CODELESS_PAPER.finditer(form):
        year_group = "year" if found.group("year") else "year_said" if found.group("year_said") else None
        year = int(found.group(year_group)) if year_group else None
        end = found.end(year_group) if year_group else found.end(2)
        citations.append(Citation(found.start(2), end, found.group(2), None, None, year=year, has_code=False))
    numbered = {citation.start for citation in citations}
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
        citations.append(Citation(found.start("n"), found.end("n"), found.group("n"), doc_type, None, has_code=False))
    for found in NUMBER_IN_PARENTHESES.finditer(form):
        paper = PAPER_BEFORE_PARENTHESES.search(form, max(0, found.start() - LOOK_BEFORE_PARENTHESES), found.start())
        if paper is None or found.start("n") in numbered or set(paper.group("what").split()) & NOT_A_DESCRIPTION:
            continue
        doc_type = WORD_TO_TYPE.get(" ".join(paper.group("word").split()).lower())  # "văn bản" names no kind
        citation = Citation(found.start("n"), found.end("n"), found.group("n"), doc_type, None, has_code=False)
        citation.word_end = paper.end("word") + 1  # past the space after the word, as `BODY_BEFORE` reads it
        citations.append(citation)
    return citations


def _describe(citations: list[Citation], text: str, form: str, dated: DatesInText) -> None:
    """Dates and bodies, in text order, so that a "cùng ngày" knows the documents dated before it."""
    earlier = EarlierDates()
    for citation in sorted(citations, key=lambda c: c.start):
        citation.issued_on = _issued_on(form, citation, dated, earlier)
        citation.opening_date = _issued_before(form, citation, dated)
        earlier.add(citation, form)
        named = organ_name(text[slice(*citation.body_before)]) if citation.body_before else None
        citation.issuing_body = named or _issuing_body(text, form, citation, dated)
        _name_issuer(citation)


def _name_issuer(citation: Citation) -> None:
    """A document cited without a code: keyed by the issuer code of the body named ("TW" for "Bộ Chính trị",
    the name itself when the body has no code we know), and named as the text names it."""
    if citation.has_code or citation.issuer is not None or not citation.issuing_body:
        return
    citation.issuer_named = issuer_named(citation.issuing_body)
    code = issuer_for_body(match_form(citation.issuing_body))
    citation.issuer = code or initials_code(citation.issuer_named) or citation.issuer_named


def _sole_issuer(citation: Citation) -> None:
    """A document cited by word and number with no body named, of a kind that one body alone issues ("Nghị định
    49" is the Government's, "Luật số 34" the National Assembly's)."""
    if not citation.has_code and citation.issuer is None and not citation.issuing_body and citation.type:
        citation.issuer = SOLE_ISSUERS.get(citation.type)


def _share_along_lists(citations: list[Citation], form: str) -> None:
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
        if _kinds_listed_under_one_body(current, following, form) or _parallel_clauses(current, following, form):
            current.issuing_body = current.issuing_body or following.issuing_body
    for current, following in zip(ordered[:-1], ordered[1:], strict=True):  # the subject of the clause issues all
        if not (current.has_code or following.has_code) and LIST_GAP.fullmatch(form, current.end, following.start):
            following.issuing_body = following.issuing_body or current.issuing_body
        if LIST_GAP.fullmatch(form, current.end, following.start) and following.opening_date is None:
            following.opening_date = current.opening_date  # "Ngày 20/7, ông A ký 6 Quyết định số 2356, 2357, …"


# The bodies whose documents a list names after "tại": "chỉ đạo của Chính phủ, Thủ tướng Chính phủ tại Nghị quyết
# số 16, Chỉ thị số 04" (one body each, in order, or one body for all).
BODIES_AT = re.compile(rf"(?:của|do)\s+({_BODY_HEAD}[^;.()“”\"]{{0,80}}?)\s+tại\s+$")
_BODY_SPLIT = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
LIST_GAP_ANY_TYPE = re.compile(rf"\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?:{_TYPE_WORD})\s+)?(?:số\s+)?", re.IGNORECASE)


def _share_bodies_at(citations: list[Citation], text: str, form: str) -> None:
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
    r"(?:[\s,]*(?:ngày\s*)?\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4})?\s+và\s+(?:[^\W\d_]+\s+){1,6}?"
    rf"(?:tại|theo)\s+(?P<word>{_TYPE_WORD})\s+(?:số\s+)?",
    re.IGNORECASE,
)


def _parallel_clauses(current: Citation, following: Citation, form: str) -> bool:
    if current.has_code or following.has_code or current.type != following.type:
        return False
    gap = PARALLEL_GAP.fullmatch(form, current.end, following.start)
    return gap is not None and WORD_TO_TYPE.get(gap.group("word").lower()) == current.type


def _kinds_listed_under_one_body(current: Citation, following: Citation, form: str) -> bool:
    """Two papers of different kinds cited without a code, joined, the body named after the last: the body is
    both's (their dates may differ: only the body is shared); not a decree's or a law's, whose issuer is their own
    ("Nghị định 46 và Thông tư 63 của Bộ GTVT")."""
    if current.has_code or following.has_code or current.issued_on or current.issuing_body:
        return False
    if current.type in SOLE_ISSUERS or current.type == following.type:  # one kind: `_share_along_lists` decides
        return False
    found = LIST_GAP_ANY_TYPE.fullmatch(form, current.end, following.start)
    return found is not None and BODY_AFTER_RUNNING_ON.match(form, following.end) is not None


def _retyped_list(current: Citation, following: Citation, form: str) -> bool:
    """Two numbers under the same type word said twice, one date after the last: cited without a code ("Nghị quyết
    số 18 và Nghị quyết số 19 ngày 25/10/2017"), or with codes of one type and issuer ("Nghị quyết số 18-NQ/TW và
    Nghị quyết số 19-NQ/TW ngày 25/10/2017")."""
    if current.has_code != following.has_code or current.type != following.type:
        return False
    if current.has_code and _code_key(current.issuer) != _code_key(following.issuer):
        return False
    found = LIST_GAP_RETYPED.fullmatch(form, current.end, following.start)
    return found is not None and WORD_TO_TYPE[found.group(1).lower()] == current.type


def _number_key(number: str) -> str:
    return str(int(number)) if number.isdigit() else number


def _issued_by(ref: DocumentRef, issuer: str | None) -> bool:
    """Whether a code with no type letters may be the named body's ("UBND-THKH" is the UBND's, "QH13" the QH's)."""
    return issuer is None or (ref.issuer or "").upper().startswith(issuer.upper())


def _code_key(code: str | None) -> str | None:
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
    same = [r for r in same if citation.year is None or r.year in (None, citation.year)]  # "Nghị định 19/2011"
    exact = [r for r in same if citation.issuer is None or r.issuer == citation.issuer]
    return (exact or same or [None])[0]


def _kinds_written(doc_type: str | None) -> list[str | None]:
    """The codes a document of this kind may be numbered with ("Quy định số 66" is "66-QĐ/TW")."""
    partners = [other for pair in CONFUSABLE_TYPES if doc_type in pair for other in pair if other != doc_type]
    return [doc_type, *partners]


class _Found:
    """The documents found so far, in order of first mention; one per number, type, issuer and year (the year
    of "19/2019/NĐ-CP" and "19/2011/NĐ-CP" tells two decrees apart; a citation without one joins the first)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_code: dict[tuple[str, str | None, str | None], list[DocumentRef]] = {}
        self.by_number: dict[tuple[str, str | None], list[DocumentRef]] = {}
        self.by_word: dict[tuple[str, str | None], list[DocumentRef]] = {}  # by the word written before the code
        self.first_seen: dict[int, int] = {}

    def ref_for(self, citation: Citation) -> DocumentRef:
        code = (_number_key(citation.number), _code_key(citation.type), _code_key(citation.issuer))
        same_code = self.by_code.setdefault(code, [])
        ref = next((r for r in same_code if citation.year is None or r.year in (None, citation.year)), None)
        if ref is None:
            ref = _new_ref(citation, self.text)
            same_code.append(ref)
            self.by_number.setdefault(code[:2], []).append(ref)
            if citation.has_code and citation.named_as not in (None, citation.type):
                self.by_word.setdefault((code[0], _code_key(citation.named_as)), []).append(ref)
            self.first_seen[id(ref)] = citation.start
        ref.year = ref.year or citation.year
        return ref

    def same_number(self, citation: Citation) -> list[DocumentRef]:
        """The coded documents of a short citation's number and kind; else those whose code has no type letters
        ("Luật số 71" is "71/2014/QH13", "công văn số 2502" is "2502/UBND-THKH")."""
        number = _number_key(citation.number)
        if citation.type is None:  # "văn bản số 119" names no kind: any coded paper of that number
            return [ref for (key, _), refs in self.by_number.items() if key == number for ref in refs]
        kinds = [_code_key(kind) for kind in _kinds_written(citation.type)]
        same = [ref for kind in kinds for ref in self.by_number.get((number, kind), [])]
        # "Nghị định số 146/2025/TT-BCT …, Nghị định số 146": the code the word named before
        same = same or self.by_word.get((number, _code_key(citation.type)), [])
        typeless = self.by_number.get((number, None), [])
        return same or [ref for ref in typeless if _issued_by(ref, citation.issuer)]

    def in_text_order(self) -> list[DocumentRef]:
        refs = [ref for same_code in self.by_code.values() for ref in same_code]
        return sorted(refs, key=lambda r: self.first_seen[id(r)])


# A company's board or shareholders pass resolutions and decisions too ("Theo Nghị quyết số 156, HĐQT Eximbank đã thông
# qua …"), and the UN Security Council ("Nghị quyết 2356"): a paper cited by number alone, with no body named, near
# them is no Party or state document (a decree or a law is the state's wherever it is cited).
COMPANY_ORGANS = re.compile(r"HĐQT|Hội đồng quản trị|ĐHĐCĐ|cổ đông|Hội đồng Bảo an|Liên [Hh]ợp [Qq]uốc|LHQ")
COMPANY_WINDOW = 300


# A publication's licence, the outlet's own, printed in its footer ("Giấy phép Báo điện tử số: 99/GP-BC ngày … của
# Cục Báo chí", "Giấy phép số 215/GP-BTTTT"): the paper that lets the outlet publish, not one its story cites.
# Known by the words before the number naming a publication, or by a licence code of a press licensing body.
PRESS_LICENCE_BEFORE = re.compile(
    r"(?i:giấy\s+phép)[^.;\n\d]{0,60}?(?i:báo(?![^\W\d_])(?!\s+cáo)|xuất\s+bản|trang\s+(?:thông\s+)?tin|mạng\s+xã\s+hội|phát\s+thanh|"
    r"truyền\s+hình)[^.;\n\d]{0,40}?(?i:số)\s*:?\s*$"
)
PRESS_LICENSERS: frozenset[str] = frozenset({"BC", "CBC", "BTTTT", "BVHTT", "BVHTTDL", "XBIPH", "PTTH", "TTĐT"})
LOOK_BEFORE_LICENCE = 120


def _press_licence(citation: Citation, form: str) -> bool:
    if citation.type == "GP" and (citation.issuer or "").split("-")[0] in PRESS_LICENSERS:
        return True
    before = PRESS_LICENCE_BEFORE.search(form, max(0, citation.start - LOOK_BEFORE_LICENCE), citation.start)
    return before is not None and citation.type in (None, "GP")


# A court's ruling, numbered by its case's kind and instance ("bản án số 02/2017/HC-ST": an administrative case at
# first instance; "42/2024/HS-PT": a criminal appeal): a judgment in a case, not a Party or state paper, as the
# annotators leave out a prosecutor's "quyết định khởi tố".
COURT_CASE_CODE = re.compile(r"(?:HS|DS|HC|KDTM|KT|LĐ|HNGĐ)-?(?:ST|PT|GĐT|TT)")  # "HS-ST", glued "HSST"


def _court_ruling(citation: Citation) -> bool:
    return citation.type is None and COURT_CASE_CODE.fullmatch(citation.issuer or "") is not None


def _unowned_in_parentheses(citation: Citation) -> bool:
    """A number in parentheses after a paper's word ("văn bản “khẩn” (số 453)") is kept only with the body that
    issued it: without one it keys no document a reader could find."""
    return citation.word_end is not None and citation.issuer is None


# A company's own organ named as the body ("Quyết định số 318 của Hội đồng quản trị").
COMPANY_BODY = re.compile(r"(?i:Hội đồng quản trị|HĐQT|Đại hội đồng cổ đông|ĐHĐCĐ)")


def _company_resolution(citation: Citation, form: str) -> bool:
    if not citation.has_code and citation.issuing_body and COMPANY_BODY.match(citation.issuing_body):
        return True
    if citation.has_code or citation.type in SOLE_ISSUERS or citation.issuer is not None or citation.issuing_body:
        return False  # a decree or a law is the state's wherever it is cited
    window = form[max(0, citation.start - COMPANY_WINDOW) : citation.end + COMPANY_WINDOW]
    return COMPANY_ORGANS.search(window) is not None


def _merge(coded: list[Citation], codeless: list[Citation], text: str) -> list[DocumentRef]:
    """Mentions of one document joined: a citation by word and number joins the coded one of its number and
    kind, else the one its body issued; a bare "Nghị định 29" with neither is kept with no issuer."""
    found = _Found(text)
    for citation in coded:
        _add(found.ref_for(citation), citation, text)
    for citation in sorted(codeless, key=lambda c: (c.issuer is None, c.start)):
        ref = _target_of(citation, found.same_number(citation))
        _add(ref or found.ref_for(citation), citation, text)
    return found.in_text_order()


# The closing line of a document printed whole: "Nghị quyết này được Quốc hội … khóa XIV, kỳ họp thứ 3, thông qua
# ngày 19 tháng 6 năm 2017", "Quyết định này được UBND tỉnh ban hành ngày …" dates the one document of that kind
# the text cites ("Quyết định này được đưa ra …" names no day).
PASSED_THIS = re.compile(
    rf"(?P<word>{'|'.join(re.escape(word) for word, _ in TYPE_WORDS)})\s+này\s+(?:đã\s+)?được\s+"
    r"(?:[^.;!?\n]{0,160}?\s)?(?:thông qua|ban hành|ký)\s+(?:vào\s+)?ngày\s*"
)


def _date_this_document(refs: list[DocumentRef], form: str, dated: DatesInText) -> None:
    by_kind: dict[str | None, list[DocumentRef]] = {}
    for ref in refs:
        by_kind.setdefault(ref.type_name, []).append(ref)
    for found in PASSED_THIS.finditer(form):
        resolved = dated.starting_at(found.end())
        of_kind = by_kind.get(type_name(WORD_TO_TYPE[found.group("word").lower()], party=False), [])
        if resolved is None or len(of_kind) != 1 or of_kind[0].issued_on is not None:
            continue
        if of_kind[0].evidence and of_kind[0].evidence[0].start < found.start():
            of_kind[0].issued_on = resolved.day


# Invisible characters an editor leaves inside a code ("35/\u200bKH-UBND", a soft hyphen at a line break) read as
# the space they stand for, keeping every offset.
INVISIBLE_AS_SPACE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", " "))


def find_documents(
    text: str, published_on: date | None = None, resolved: tuple[ResolvedDate, ...] | None = None
) -> list[DocumentRef]:
    """Every numbered document cited in `text`, once each, in order of first mention; a document's day written
    without a year takes the publication's year, as the article's other days do. `resolved`: the text's
    `resolved_dates` when the caller has them already."""
    form = match_form(text).translate(INVISIBLE_AS_SPACE)
    dated = DatesInText(resolved if resolved is not None else resolved_dates(form, published_on))
    coded = _coded_citations(form)
    taken = DisjointSpans([(c.start, c.end) for c in coded])
    codeless = [c for c in _codeless_citations(form) if not taken.overlaps(c.start, c.end)]
    _describe(coded + codeless, text, form, dated)
    _share_along_lists(coded + codeless, form)
    _share_bodies_at(codeless, text, form)
    for citation in coded + codeless:  # a list's own date, shared above, is nearer than the clause's
        citation.issued_on = citation.issued_on or citation.opening_date
        _name_issuer(citation)  # the body a list shares
        _sole_issuer(citation)
    codeless = [c for c in codeless if not _company_resolution(c, form) and not _unowned_in_parentheses(c)]
    coded = [c for c in coded if not _press_licence(c, form) and not _court_ruling(c)]
    codeless = [c for c in codeless if not _press_licence(c, form)]
    refs = _merge(coded, codeless, text)
    _date_this_document(refs, form, dated)
    return refs
