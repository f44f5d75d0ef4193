"""Pattern pieces that several steps share: the type words, a year, an organ's head and its name after "của",
lists and the gaps between a number and what follows it.

Only what two or more modules use lives here, so that each step's own patterns stay beside the code that reads
them.
"""

from __future__ import annotations

import re

from extractors.facts.documents.kinds import TYPE_WORDS

TYPE_WORD = "|".join(re.escape(word) for word, _ in TYPE_WORDS)
# A look-ahead on the type words' first three letters, matched as the words are: put before `TYPE_WORD`, it lets most
# positions fail on a few character tests instead of trying all the words (the third letter spares the many "th",
# "ch", "ng" of other words).
TYPE_WORD_START = "(?=(?i:{}))".format(
    "".join("[" + "".join(sorted({re.escape(word[k].lower()) for word, _ in TYPE_WORDS})) + "]" for k in range(3))
)
# A year as documents are numbered with it ("30/2020/NĐ-CP", "Nghị định số 49/2017").
YEAR = r"(?:19|20)\d\d"
# A number may carry a sub-number after a dot, a paper of a numbered set ("Nghị quyết số 66.13/2026/NQ-CP", the 13th
# of the set opened by Resolution 66): one or two digits, right before its slash ("1.600" groups thousands).
SUB_NUMBER = r"(?:\.\d{1,2}(?=\s*/))?"
# The type's letters may follow the word in parentheses ("Quyết định (QĐ) 33/2014").
ABBREVIATION_ASIDE = r"(?:\s*\((?:QĐ|NĐ|NQ|TT|CT|KH|KL|TB|HD)\))?"
# The word naming a paper's type right before its number, or those letters alone in capitals, as a text writes once it
# has named the kind ("Nghị định (NĐ) 158/CP (thay thế NĐ 83/CP …)"): group 1 or group 2.
LETTERS_AS_WORD = r"(?<![^\W\d_])(QĐ|NĐ|NQ|CT)"
WORD_BEFORE = re.compile(
    rf"(?:{TYPE_WORD_START}(?i:({TYPE_WORD})){ABBREVIATION_ASIDE}|{LETTERS_AS_WORD})\s+(?:(?i:số)\s+)?$"
)
# The UN Security Council issues no Party or state paper ("nghị quyết 2390 của Hội đồng Bảo an"): no body here, so the
# company and UN check of `exclusions` drops its resolutions.
_NOT_OURS = r"(?!\s+Bảo\s+an)"
BODY_HEAD = (
    rf"(?:Ban|Bộ|Tổng cục|Ủy ban|UBND|HĐND|Hội đồng{_NOT_OURS}|Chính phủ|Thủ tướng|Quốc hội|Trung ương|TW|TƯ|Quân ủy|"
    r"Tỉnh ủy|Thành ủy|Ngân hàng Nhà nước|NHNN|Thanh tra Chính phủ|Kiểm toán Nhà nước|Bảo hiểm xã hội|"
    r"(?-i:NH)\s+Nhà nước|"  # "NH" abbreviates "Ngân hàng": "Thông tư 11 của NH Nhà nước"
    r"(?-i:QH)|"  # the Assembly abbreviated, in capitals: "Nghị quyết 49 của QH"
    r"(?-i:TTCP|VPCP|UBTVQH|KTNN)(?![^\W\d_])|"  # national organs by their codes: "Thông báo 1483 của TTCP"
    r"Thường vụ|Phó Chủ tịch|Phó Giám đốc|Thanh tra|"
    r"Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Văn phòng|Sở|BTV|BCH|Chủ tịch|Thường trực|Giám đốc|Thống đốc|Liên|"
    # a plenum's papers are the Central Committee's: "Hội nghị Trung ương 8", "Hội nghị 8 Ban chấp hành Trung ương"
    r"Hội nghị (?=(?:(?:lần\s+thứ\s+)?[\dIVX]+\s+)?(?:Trung ương|TW|TƯ|Ban [Cc]hấp hành|BCH))|"
    # the Front, mass organisations, the police, courts and procuracies (capitalised: "của hội viên" is none)
    r"(?-i:Mặt trận|Hội (?!nghị|đồng\s+Bảo\s+an)|Công an|Tòa án|Toà án|Viện kiểm sát|Viện KSND|TAND|VKSND|"
    r"Phòng(?=\s+[A-ZĐ])|"  # a district's office by its field ("Phòng GD-ĐT"; "Phòng khám" is a clinic)
    r"Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn Thanh niên|"
    # the Party as a whole ("Nghị quyết 57 của Đảng"), capitalised: "của đảng viên" names no body
    r"Đảng(?![^\W\d_])(?!\s+viên)))"
)
# A body's name holds no sentence mark, but the Centre may be written with a dot ("của BCH T.Ư Đảng"), and so may
# the city its organ is of, when the city's name follows: an acronym or two capitalised words ("UBND TP. Hà Nội",
# "HĐND TP.HCM"; in "của UBND TP. Sau đó …" the dot ends a sentence).
_DOTTED_IN_NAMES = r"T\.[ƯW]|(?<![^\W_])(?-i:TP|Tp)\.(?=\s?(?-i:[A-ZĐ]{2,}|[A-ZĐ][^\W\d_]*\s+[A-ZĐ]))"
BODY_CHAR = rf"(?:{_DOTTED_IN_NAMES}|[^,;.()“”\"])"
BODY_CHAR_NOT_DIGIT = rf"(?:{_DOTTED_IN_NAMES}|[^,;.()“”\"\d])"
# A joint paper names its bodies after "giữa" ("thông tư liên tịch 02/2003 giữa Bộ Thương mại - Bộ Công nghiệp").
BODY_AFTER = re.compile(
    rf"[\s,)]*(?:của|do|giữa)\s+({BODY_HEAD}{BODY_CHAR}{{0,60}}?)"
    r"(?=\s+(?:ngày|về|V/v|v/v|ban hành|quy định|hướng dẫn|và|nhằm|đã|thì|trong|tại|triển khai|cho|với|đối với)\s"
    r"|[,;()“”\"]|\.(?![^\W\d_])|\s*$)",  # a dot inside an abbreviation ("BCH T.Ư Đảng") ends no name
    re.IGNORECASE,
)
# The same, where the sentence runs on after the name ("… của Hội đồng bầu cử Quốc gia công bố danh sách …"):
# `organ_name` cuts the phrase where the name ends.
BODY_AFTER_RUNNING_ON = re.compile(rf"[\s,)]*(?:của|do|giữa)\s+({BODY_HEAD}{BODY_CHAR}{{0,60}})", re.IGNORECASE)
# What a paper is about, said right after its number: "quyết định 24 về cơ chế …", "Quyết định số 1296 về công tác
# nhân sự, …" ("về sau" is "afterwards").
SUBJECT_MATTER_NEXT = re.compile(r"\s+(?:về(?!\s+(?:sau|trước)(?![^\W\d_]))|V/v|v/v)\s")
# Papers signed in a row, counted: "ký liên tiếp 6 Quyết định", "ban hành hai Quyết định".
IN_A_ROW = r"(?:(?:liên\s+)?tiếp\s+)?(?:(?:các|một|hai|ba|bốn|sáu|bảy|tám|chín|mười|\d{1,2})\s+)?"
# What a paper does, said between its word and its number: "Quyết định khởi tố bị can số 363/C46" (lower-case words,
# then "số").
WHAT_IT_DOES = r"(?:[a-zà-ỹđ]+\s+){1,6}?(?=số\s)"
# Lower-case words that make the words between a paper's word and "số" a sentence, not what the paper does ("Báo cáo
# riêng được đóng dấu cùng văn bản số 12").
NOT_A_DESCRIPTION: frozenset[str] = frozenset(
    "được sẽ đã đang của là có này đó các những nêu trên với cho từ văn bản mang khẳng nói rằng số".split()  # noqa: SIM905
)
SENTENCE_END = re.compile(r"[.!?]\s|\n")
MAX_SENTENCE = 400
# Between numbers of one list sharing a type word and a date: "2711/QĐ-UBND, 2712/QĐ-UBND ngày ...".
LIST_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s+)?", re.IGNORECASE)
LOOK_AHEAD = 120
MIN_BARE_YEAR, MAX_BARE_YEAR = 1945, 2100
LOOK_BEHIND = 40
