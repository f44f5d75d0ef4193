"""The body that issued a document, from the text: named after its number ("… của HĐND tỉnh"), in parentheses, in
a relative clause, or as the subject of the clause that issues it; and the issuer code of a document cited with
no code.
"""

from __future__ import annotations

import re

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.dated_text import (
    SAME_DAY,
    UNRESOLVED_DAY,
    DatesInText,
    date_after_title,
    date_right_after,
    past_quoted_title,
)
from extractors.facts.documents.kinds import SOLE_ISSUERS, WORD_TO_TYPE
from extractors.facts.documents.organs import (
    DOCUMENT_PARTS,
    MINISTERS,
    SIGNING_POSTS,
    initials_code,
    issuer_for_body,
    issuer_named,
    listed_field_name,
    opens_with_field,
    organ_name,
)
from extractors.facts.documents.patterns import (
    ABBREVIATION_ASIDE,
    BODY_AFTER,
    BODY_AFTER_RUNNING_ON,
    BODY_CHAR,
    BODY_CHAR_NOT_DIGIT,
    BODY_HEAD,
    IN_A_ROW,
    LOOK_AHEAD,
    LOOK_BEHIND,
    MAX_SENTENCE,
    SENTENCE_END,
    SUBJECT_MATTER_NEXT,
    TYPE_WORD,
    YEAR,
)
from extractors.normalize import match_form

# A name that goes on after "và" or a dash with a capitalised part ("Sở Giáo dục và Đào tạo"): `organ_name` reads it.
NAME_GOES_ON = re.compile(rf"\s+(?:và|-|–|&)\s+(?!(?i:{TYPE_WORD})|{'|'.join(DOCUMENT_PARTS)})[A-ZĐ]")
# The body issuing a document as the subject of the clause: "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 19",
# "UBND tỉnh đã có công văn số 147" (a body "has" the papers it sends, "Văn phòng Chính phủ vừa gửi công văn số
# 414"), "Thủ tướng Chính phủ chỉ đạo tại Thông báo số 125" (what it acted on may come before "tại": "UBND TP đã phê
# duyệt dự án này tại Quyết định số 2319"), "Phó Chủ tịch UBND TP đã ký liên tiếp 6 Quyết định mang số 2356, …".
# Case-sensitive: the head is a capitalised organ ("ban hành" is no "Ban").
# The papers it issued first in the same list come between ("Đảng ủy xã ban hành Nghị quyết số 04-NQ/ĐU và Kế hoạch
# số "), and a body drafts its own plans ("UBND huyện đã xây dựng Kế hoạch số 45").
# What a paper's word may be followed by before its number: "Nghị quyết chuyên đề số 09", "Quyết định công nhận số 12"
# (lower-case words only, then "số").
# The adverbs between a subject and its verb: of time ("đã", "vừa", "lại") and of manner ("Chính phủ nhanh chóng ban
# hành Nghị quyết số 09", "Bộ Tài chính lại ra thông tư 05"), and modals ("Bộ GD-ĐT đã phải ban hành", "trình UBND
# tỉnh xem xét ban hành Quyết định số 12": the paper is the one that would issue it).
_HOW_IT_ISSUED = (
    r"cũng|đã|vừa|mới|lại|vẫn|sớm|tiếp tục|liên tục|chính thức|nhanh chóng|kịp thời|khẩn trương|phải|sẽ|xem xét"
)
# Adverbs after the verb, before its paper: "đã phải ban hành ngay Thông tư 06", "ban hành riêng một Nghị quyết số 02".
_HOW_IT_ISSUED_AFTER = r"(?:(?:ngay|riêng|kịp thời|thêm)\s+){0,2}"
_WHAT_THE_PAPER_IS = r"(?:[a-zà-ỹđ]+\s+){1,3}?(?=(?i:số)\s)"
_DAY = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
_LISTED_BEFORE = (  # with its year or day: "ban hành Nghị quyết số 85 năm 2012 và Nghị quyết số 16"
    rf"(?:(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?[\w/\-–]+(?:\s+(?i:năm)\s+{YEAR})?"
    rf"(?:\s+(?i:ngày)\s+{_DAY})?\s*(?:,\s*(?:và\s+)?|và\s+))*"
)


def _issuing_clause(subject: str, acted_first: str = "") -> re.Pattern[str]:
    """A clause whose subject (group 1, read by `subject`) issues the paper whose number follows the match, maybe
    after another act of the same subject (`acted_first`)."""
    return re.compile(
        rf"(?<![^\W_])({subject})\s+(?:(?:{_HOW_IT_ISSUED})\s+){{0,2}}{acted_first}"
        r"(?:ban hành|ký(?: ban hành)?|ra|có|gửi|thông qua|xây dựng|"
        r"(?:chỉ đạo|kết luận|phê duyệt|đề ra)(?:\s+[a-zà-ỹđ]+){0,3} (?:tại|bằng))\s+"
        rf"{_HOW_IT_ISSUED_AFTER}{IN_A_ROW}{_LISTED_BEFORE}"
        rf"(?i:{TYPE_WORD}|văn\s+bản){ABBREVIATION_ASIDE}\s+(?:{_WHAT_THE_PAPER_IS})?(?:(?:mang\s+)?(?i:số)\s+)?$"
    )


# A ministry's or department's head may be written in lower case before its capitalised field ("bộ Công Thương đã ban
# hành Quyết định số 2936").
_SUBJECT_HEAD = rf"(?:{BODY_HEAD}|(?:bộ|sở)(?=\s+[A-ZĐ]))"
BODY_BEFORE = _issuing_clause(rf"{_SUBJECT_HEAD}{BODY_CHAR}{{0,60}}?")
# The subject may do something else first, in lower-case words joined by a comma or "và": "Ban Thường vụ Thành ủy đã
# tổ chức kiểm điểm tập thể và cá nhân liên quan, xây dựng kế hoạch số 41", "Sở GD-ĐT tiến hành rà soát các quy định
# về tuyển sinh và ban hành quyết định số 614" (no capital in that act: "UBND tỉnh giao Sở Y tế …, và Sở đã ban hành"
# names another subject).
_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
BODY_BEFORE_AFTER_ACT = _issuing_clause(
    rf"{BODY_HEAD}{BODY_CHAR}{{0,60}}?",
    rf"(?P<act>[{_LOWER}0-9 ,]{{4,100}}?)(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:(?:{_HOW_IT_ISSUED})\s+){{0,2}}",
)
# Acts that hand the next one to someone else ("UBND tỉnh yêu cầu các sở, ngành rà soát, xây dựng kế hoạch số 12": the
# plan is the departments'), or share it ("phối hợp với các sở … ban hành").
HANDED_ON = re.compile(
    r"(?<![^\W_])(?:giao|yêu cầu|đề nghị|chỉ đạo|trình|kiến nghị|đề xuất|phối hợp|cùng|với)(?![^\W_])"
)
# The press names the province of a district's or a city's organ beside it, in brackets or after a comma: "UBND
# huyện Diễn Châu, Nghệ An đã ban hành quyết định số 515", "Chủ tịch UBND huyện Krông Bông (Đắk Lắk) Lê Văn Tám đã
# có quyết định số 215"; in brackets also the organ's initials ("Bộ Kế hoạch và Đầu tư (KH&ĐT) ban hành …"). After a
# comma capitalised words only, so a second subject ("UBND huyện, Sở Y tế đã có …") is none.
PLACE_ASIDE = (
    r"\s*\(\s*[A-ZĐ][^()\d,;.“”\"]{0,30}?\)"
    r"|\s*,\s*[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3}(?![^\W\d_])"
)
BODY_BEFORE_PLACE_ASIDE = _issuing_clause(
    rf"(?P<organ>{BODY_HEAD}{BODY_CHAR}{{0,60}}?)(?P<place>{PLACE_ASIDE}){BODY_CHAR}{{0,40}}?"
)
# Words no province's name holds: a post or an organ named in the aside makes it a second subject, unless the aside
# is the organ's own short form, its head and initials ("Bộ Giao thông vận tải (Bộ GTVT) đã ban hành …").
NOT_A_PLACE = re.compile(rf"(?<![^\W_])(?:{BODY_HEAD}|Trưởng|Phó|Bí thư|Chủ nhiệm)(?![^\W_])")
OWN_SHORT_FORM = re.compile(r"\s*\(\s*(?:Bộ|Sở|Tổng cục)\s+[A-ZĐ]{2,8}(?:\s*[&-]\s*[A-ZĐ]{1,8}){0,3}\s*\)")
LOOK_BEFORE_BODY = 160
# A body issuing several papers of a kind, numbered later in its sentence: "Bộ Chính trị khóa IX đã ban hành hai
# Nghị quyết …, đó là …" (one unnumbered paper, "ban hành Nghị định thay thế Nghị định 42", is another one).
BODY_ISSUES_KIND = re.compile(
    rf"(?<![^\W_])({BODY_HEAD}{BODY_CHAR}{{0,60}}?)\s+(?:(?:cũng|đã|vừa)\s+){{0,2}}(?:ban hành|ra)\s+"
    rf"(?:các|những|hai|ba|bốn|năm|\d+)\s+(?P<word>(?i:{TYPE_WORD}))(?!\s+(?:(?i:số)\s+)?\d)"
)
# What may follow an issuing body's name in its subject: its term ("khóa IX").
BODY_QUALIFIER = re.compile(r"\s+(?i:khóa|khoá)\s+[IVXLC\d]+")
# The rest of a subject after its organ's name, when it is the signer's name: capitalised words only, maybe set off
# by a dash or "là" and addressed ("Chủ tịch UBND tỉnh Sơn La - ông Cầm Văn Mười đã có thông báo số 12", "giám đốc
# Sở GD-ĐT Đà Nẵng là ông Nguyễn Văn Vĩnh đã ký …").
PERSON_AFTER_ORGAN = re.compile(
    r"(?:\s*[-–])?(?:\s+(?:khi|lúc)\s+(?:đó|ấy))?(?:\s+là)?(?:\s+(?:ông|bà))?(?:\s+[A-ZĐ][^\W\d_]*){2,4}"
)
# "Tại văn bản số 3206 ngày 3/4, Văn phòng Chính phủ truyền đạt …": the subject after the comma speaks through
# the paper it sent (after "thực hiện"/"theo" the subject is the one carrying out another's paper, so only "Tại"
# opening the sentence: "… báo cáo tại tờ trình số 107, Sở Nội vụ …" goes on with another subject).
# Where a sentence opens: the text's start, or after a stop, a colon, a line break or an opening quote.
_SENTENCE_OPENS = r"(?:^|(?<=[.!?:;\n\"“]\s)|(?<=[.!?:;\n\"“]))"
# A capitalised "Tại" mid-line opens a sentence too: a heading glued to it without its stop ("… vẫn lộng hành Tại Văn
# bản số 2490 …"); a preposition is never capitalised inside a sentence.
# "Trong" does as "Tại": "Trong Kết luận 929, Thanh tra Chính phủ đã chỉ ra …".
AT_PAPER = re.compile(rf"(?:{_SENTENCE_OPENS}|(?<=\s))(?:Tại|Trong)\s+(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$")
# The same after a short lead-in that opens the sentence: "Chấp thuận kiến nghị của tỉnh, tại Quyết định số 326 ngày
# 1/3/2016, Thủ tướng Chính phủ đã bổ sung …", "Về phương án GPMB, trước đó, tại Thông báo số 178 …".
AT_PAPER_AFTER_LEAD_IN = re.compile(  # a lead-in of two words may go without its comma: "Theo đó tại Quyết định 289"
    rf"{_SENTENCE_OPENS}(?:(?:[^,.;:!?\n()]{{1,60}},\s*){{1,2}}|(?:Theo đó|Cụ thể|Trong đó|Trước đó|Sau đó)\s+)"
    rf"(?:tại|trong)\s+(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
LOOK_BEFORE_LEAD_IN = 160
# A paper the subject after the comma acts by, "bằng" opening a clause: "Ngoài ra, bằng thông báo số 4195, Bộ Chính
# trị cũng cử ông …" (after a comma, not only where a sentence opens: a caption glued without its stop may come
# before the lead-in).
BY_PAPER = re.compile(rf"(?:{_SENTENCE_OPENS}|(?<=,)\s*)(?i:bằng)\s+(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$")
# The comma may be left out: "Tại Công văn số 130 ngày 18-4-2013 Tòa án Nhân dân tối cao đã trả lời …".
BODY_AFTER_COMMA = re.compile(rf"\s*,?\s*({BODY_HEAD}{BODY_CHAR}{{0,60}})")
# After "Theo" the clause's subject is mostly the one carrying the paper out ("Theo Quyết định số 12, UBND huyện đã
# tổ chức …"): it is the paper's body only when its verb issues it ("Theo quyết định số 10, ngày 30-3, UBND tỉnh
# Quảng Ngãi ban hành mức giá …").
ACCORDING_TO_PAPER = re.compile(rf"{_SENTENCE_OPENS}(?i:theo)\s+(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$")


def _speaker(verbs: str) -> re.Pattern[str]:
    """The organ opening the clause after a comma, when its verb is one of `verbs` and it issues no paper of its own
    ("…, UBND tỉnh ban hành Kế hoạch số 5" is another paper)."""
    return re.compile(
        rf"\s*,\s*({BODY_HEAD}{BODY_CHAR}{{0,60}}?)\s+(?:(?:{_HOW_IT_ISSUED})\s+){{0,2}}(?:{verbs})(?![^\W_])"
        rf"(?!\s+(?:(?i:{TYPE_WORD}|văn\s+bản)))"
    )


_ISSUING_VERBS = "ban hành|ký|phê duyệt"
ISSUING_SPEAKER = _speaker(_ISSUING_VERBS)
# A decision's own acts, done by the body that issued it: "Theo Quyết định số 1296 …, Bộ Chính trị bổ nhiệm bà …".
DECIDING_SPEAKER = _speaker(
    rf"{_ISSUING_VERBS}|bổ nhiệm|điều động|chỉ định|chuẩn y|phê chuẩn|công nhận|thành lập|kỷ luật|khen thưởng|"
    "miễn nhiệm|cách chức|thu hồi"
)
# A relative clause naming the body that issued the paper, right after it or after its subject: "Thông tư 15/2015
# mà Bộ VH-TT-DL đã ban hành", "Thông tư số 02 vừa được Bộ Y tế ban hành", "Thông tư số 22/2014 về quy hoạch kho
# số do Bộ TT&TT ban hành" (no number between: in "Thông tư 22 … dựa trên Thông tư 30 do Bộ GD&ĐT ban hành" the
# clause is the other paper's).
ISSUED_BY_LATER = re.compile(
    rf"[^.!?;\n\d]{{0,100}}?(?:\s|,\s*)(?:mà|do|(?:(?:vừa|đã|mới)\s+)?được)\s+({BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s+(?:\([^()\d]{{1,12}}\)\s+)?"
    rf"(?:(?:đã|vừa|mới)\s+)?(?:ban hành|ký)(?![^\W\d_])(?!\s+(?:(?i:{TYPE_WORD}|văn\s+bản)))"  # not issuing another
)
LOOK_AHEAD_ISSUED_BY = 200
# The same with the signer named before his post: "Công văn số 482 do ông Lê Văn Nưng – phó chủ tịch UBND tỉnh An
# Giang - ký", "kết luận số 34 vừa được ông Hồ Văn Răng - chủ nhiệm Ủy ban kiểm tra Tỉnh ủy ký" (the post's organ).
# A person's name of two to four capitalised words, addressed by "ông"/"bà" ("ông Lê Văn Nưng").
PERSON_NAME = r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){1,3}"
SIGNED_BY_NAMED = re.compile(
    rf"\s*(?:(?:vừa|đã|mới)\s+)?(?:do|được)\s+(?:ông|bà)\s+{PERSON_NAME}\s*[,–-]\s*"
    rf"(?:[^,;.()“”\"\d]{{0,25}}?\s)?({BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s*[-–,]?\s*"
    r"(?:(?:đã|vừa)\s+)?(?:ký|ban hành)(?![^\W_])"
)
# The issuing body in parentheses right after the number: "Nghị định 86 (Chính phủ) và Thông tư 63 (Bộ GTVT)".
BODY_IN_PARENTHESES = re.compile(rf"\s*\(\s*({BODY_HEAD}[^()“”\"\d,;.]{{0,60}}?)\s*\)")


# A paper cited in parentheses after the body that sent it: "theo đề nghị của Bộ Tài chính (Công văn số 2000)".
BODY_BEFORE_ASIDE = re.compile(
    rf"(?:của|do)\s+({BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s*\(\s*(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
# A paper of another kind listed after a number, told by its date, the body named after it: "Chỉ thị số 26, cũng như
# Công điện ngày 2/2/2017 của Thủ tướng Chính phủ" (one body for both).
UNNUMBERED_SIBLING = re.compile(
    rf"\s*,\s*(?:(?:cũng như|và)\s+)?(?i:{TYPE_WORD})\s+"
    r"ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s+"
    r"(?=(?:của|do)\s)"  # the other paper is told by its date
)
# When a paper cited by its number alone was issued, told before its body: "Nghị quyết số 26, năm 2008 của Hội nghị
# Trung ương khóa X", "Nghị quyết 40 cuối năm 2000 của Quốc hội", "thông tư 04 vừa ban hành của Bộ Lao động …"; or
# an aside in brackets ("thông tư 58 (năm 2011) của Bộ GD-ĐT", "thông tư 159 năm 2013 (có hiệu lực từ 1/1/2014) của
# Bộ Tài chính"), or when it took effect ("Thông tư 106 có hiệu lực từ 4/11 của Bộ Quốc phòng").
TOLD_BEFORE_BODY = re.compile(
    rf"(?:\s*,?\s*(?:(?:(?i:đầu|cuối|giữa)\s+)?(?i:năm)\s+{YEAR}|(?:(?:vừa|mới|đã)\s+)?(?:được\s+)?ban hành"
    r"|\([^()\n]{1,80}\)"
    rf"|có hiệu lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?(?:\s+ngày)?\s+{_DAY}))+"
    r"(?=\s*,?\s*(?:của|do)\s)"
)
# A body named right after a number, "của" left out: "Nghị quyết 04 Bộ Chính trị khóa XII", "Nghị quyết 54 Quốc hội
# về …", "Thông tư 46 Bộ Giao thông, quy định …". Capitalised, and closed where a paper's name would be: an organ
# followed by anything else is the subject of the next clause ("Thực hiện Kế hoạch 12 UBND huyện tổ chức …").
ORGAN_RIGHT_AFTER = re.compile(rf"\s+(?=[A-ZĐƯỦ])((?i:{BODY_HEAD})(?:(?<=\s)|(?!\w)){BODY_CHAR}{{0,60}})")
# The Party's central bodies issue but are not the subjects of a local clause: "Chỉ thị 12 Ban Bí thư cũng được nhắc
# tới" names the issuer whatever follows.
PARTY_CENTRE = frozenset({"Bộ Chính trị", "Ban Bí thư"})
NAME_CLOSED = re.compile(
    r"\s+(?:ngày|về|V/v|v/v|quy định|hướng dẫn|ban hành|khóa|nhiệm kỳ)(?![^\W\d_])|\s*[,;()“”\"]|\.(?![^\W\d_])|\s*$"
)
# The same set off by a comma, when the clause says it issued the paper and closes: "theo Thông tư 01, Bộ Công an
# ban hành, …" (not "Thông tư 01, Bộ Công an ban hành Thông tư 02", nor "Theo Nghị quyết 35, Bộ Chính trị yêu cầu").
ISSUED_AFTER_COMMA = re.compile(
    rf"\s*,\s*(?=[A-ZĐƯỦ])((?i:{BODY_HEAD})(?:(?<=\s)|(?!\w)){BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s+"
    r"(?:(?:vừa|mới|đã)\s+)?ban hành\s*(?:[,;)]|\.(?![^\W\d_])|$)"
)


def issuing_body(text: str, form: str, citation: Citation, dated: DatesInText) -> str | None:
    """The body named after the number ("… của HĐND tỉnh"), else the clause's subject that issues it."""
    end = citation.end
    right_after = date_right_after(form, end, dated)
    same_day = SAME_DAY.match(form, end)
    named = date_right_after(form, same_day.end(), dated) if same_day else None
    position = right_after.hit.end if right_after else named.hit.end if named else same_day.end() if same_day else end
    unresolved = None if right_after or same_day else UNRESOLVED_DAY.match(form, end)
    position = unresolved.end() if unresolved else position  # "tờ trình số 5054 ngày 4/7 của Chủ tịch UBND TP"
    told = TOLD_BEFORE_BODY.match(form, position)  # "…, năm 2008 của …", "… vừa ban hành của …"
    position = told.end() if told else position
    titled = past_quoted_title(form, position)
    if titled != position:  # "Kế hoạch số 12 “Về tổ chức Lễ hội” ngày 5/3/2025 của UBND huyện"
        after_title = date_after_title(form, titled, dated)
        position = after_title.hit.end if after_title else titled
    window_end = min(len(form), position + LOOK_AHEAD)
    found = BODY_AFTER.match(form, position, window_end)
    if found is None or NAME_GOES_ON.match(form, found.end(1)) or _field_goes_on(text, form, found):
        found = BODY_AFTER_RUNNING_ON.match(form, position, window_end)  # "Bộ Tài nguyên và Môi trường"
    if found:
        return _name_past_field_comma(text, found.start(1), organ_name(text[found.start(1) : found.end(1)]))
    sibling = UNNUMBERED_SIBLING.match(form, position, window_end) if not citation.has_code else None
    found = BODY_AFTER_RUNNING_ON.match(form, sibling.end(), window_end) if sibling else None
    if found:  # "Chỉ thị số 26, Công điện ngày 2/2/2017 của Thủ tướng": the body of both
        return organ_name(text[found.start(1) : found.end(1)])
    aside = BODY_IN_PARENTHESES.match(form, position, window_end)  # "Thông tư 63 (Bộ GTVT)"
    if aside:
        return organ_name(text[aside.start(1) : aside.end(1)])
    later = ISSUED_BY_LATER.match(form, position, min(len(form), position + LOOK_AHEAD_ISSUED_BY))
    later = later or SIGNED_BY_NAMED.match(form, position, min(len(form), position + LOOK_AHEAD_ISSUED_BY))
    if later:
        return organ_name(text[later.start(1) : later.end(1)])
    right_after = ORGAN_RIGHT_AFTER.match(form, position) if not citation.has_code else None
    closed = _closed_organ(text, form, right_after) if right_after else None
    if closed:
        return closed
    issued = ISSUED_AFTER_COMMA.match(form, position) if not citation.has_code else None
    if issued:
        return organ_name(text[issued.start(1) : issued.end(1)])
    outside = BODY_BEFORE_ASIDE.search(form, max(0, citation.start - LOOK_BEHIND * 2), citation.start)
    if outside:
        return organ_name(text[outside.start(1) : outside.end(1)])
    return (
        _subject_issuing(text, form, citation)
        or _speaker_after_comma(text, form, citation.start, position, citation.type)
        or _issuer_of_the_kind(text, form, citation)
        or _named_signer_post(text, form, citation)
    )


# A paper signed by a person the clause names without his post ("Tuy nhiên, ngày 15/8/2001, ông Trần Kim Long lại ký
# quyết định 76"): the body his post names where the article gives it ("ông Trần Kim Long, Chủ tịch UBND quận Gò Vấp").
NAMED_SIGNER_BEFORE = re.compile(
    rf"(?:ông|bà)\s+(?P<name>{PERSON_NAME})\s+(?:(?:lại|đã|vừa|cũng|mới)\s+){{0,2}}"
    rf"ký(?:\s+ban\s+hành)?\s+(?:(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?)?$"
)
_POST = "|".join(re.escape(post) for post in SIGNING_POSTS)


def _subject_field_goes_on(text: str, found: re.Match[str]) -> bool:
    """Whether what reads as a place after the subject's comma goes on a listed field ("Bộ Văn hóa, Thể thao và Du
    lịch đã ban hành …"), which the name read with it spells whole."""
    if text[found.start("place") : found.start("place") + 1] != ",":
        return False
    whole = organ_name(" ".join(text[found.start(1) : found.end(1)].split()))
    return whole is not None and listed_field_name(whole) and "," in whole


# Codes of one body written in different ways: the Government, its Prime Minister and its Office sign each other's
# papers in the press's telling ("Nghị định 67/2014/NĐ-CP của Thủ tướng Chính phủ").
GOVERNMENT_CODES: frozenset[str] = frozenset({"CP", "TTG", "VPCP"})
# Issuer codes that name one national organ whatever follows them: a body the text names beside such a code, with a
# code of its own that is another, is not the paper's issuer. A department's or an office's code ("VP-ĐT", "UBT",
# "XPVPHC") names a unit of the body the text names, and is left alone.
NATIONAL_CODES: frozenset[str] = frozenset({"CP", "TTG", "VPCP", "NHNN", "TW", "TTCP", "KTNN"})  # letters folded
_NATIONAL_PREFIXES = ("QH", "UBTVQH")
_LETTERS = re.compile(r"[^A-ZĐ]")


def _code_letters(code: str) -> str:
    return _LETTERS.sub("", code.upper()).replace("Đ", "D")  # "BGĐT" and "BGD": one ministry, "Đ" typed either way


def _names_one_organ(code: str) -> bool:
    return code in NATIONAL_CODES or code.startswith(_NATIONAL_PREFIXES) or (code.startswith("B") and len(code) >= 3)


def body_fits_code(citation: Citation) -> bool:
    """Whether the issuing body read from the text may be the one the code names ("NHNN đã phối hợp với Bộ Nông
    nghiệp và Phát triển nông thôn, Bộ Khoa học và Công nghệ ban hành Quyết định số 1050/QĐ-NHNN": not the ministry):
    false only where the code's issuer names one national organ or ministry and the body another."""
    if not citation.has_code or not citation.issuer or not citation.issuing_body:
        return True
    body_code = issuer_for_body(citation.issuing_body)
    issuer = _code_letters(re.split(r"[-/]", citation.issuer)[0])
    if body_code is None or not _names_one_organ(issuer):
        return True
    body_code = _code_letters(body_code)
    if body_code in GOVERNMENT_CODES and issuer in GOVERNMENT_CODES:
        return True
    if _within(issuer, body_code) or _within(body_code, issuer):
        return True  # "BGĐT" for "Bộ GD – ĐT", "QH12" for "Quốc hội": one organ, written shorter
    return not (issuer.startswith("B") and body_code.startswith("B")) and not _names_one_organ(body_code)


def _within(short: str, long: str) -> bool:
    """Whether the letters of `short` appear in `long` in order."""
    letters = iter(long)
    return all(letter in letters for letter in short)


def _name_past_field_comma(text: str, start: int, name: str | None) -> str | None:
    """The organ's name read on past a comma inside a listed field ("của Bộ Văn hóa, Thể thao và Du lịch"), where
    the name read up to the comma stopped inside that field; else `name`."""
    if name is None or text[start + len(name) : start + len(name) + 1] != ",":
        return name
    longer = organ_name(text[start : start + LOOK_AHEAD])
    return longer if longer is not None and longer.startswith(name + ", ") and listed_field_name(longer) else name


def _named_signer_post(text: str, form: str, citation: Citation) -> str | None:
    signer = NAMED_SIGNER_BEFORE.search(form, max(0, citation.start - LOOK_BEFORE_BODY), citation.start)
    if signer is None:
        return None
    name = re.escape(signer.group("name"))
    post = re.search(rf"{name}\s*[,–-]\s*((?i:{_POST})\s+{BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s*[,.;)–-]", form)
    post = post or re.search(rf"((?i:{_POST})\s+{BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s+{name}", form)
    return organ_name(text[post.start(1) : post.end(1)]) if post else None


def _closed_organ(text: str, form: str, found: re.Match[str]) -> str | None:
    """The organ a phrase opens with, when what follows it closes the name ("Bộ Giao thông, quy định …"), not a
    clause it is the subject of ("UBND huyện tổ chức hội nghị")."""
    name = organ_name(text[found.start(1) : found.end(1)])
    if name is None:
        return None
    words = len(name.split())
    phrase_words = list(re.finditer(r"\S+", text[found.start(1) : found.end(1)]))
    name_end = found.start(1) + phrase_words[words - 1].end()
    return name if name in PARTY_CENTRE or NAME_CLOSED.match(form, name_end) else None


FIELD_AND = re.compile(r"\s+và\s+[a-zà-ỹđ]")


def _field_goes_on(text: str, form: str, found: re.Match[str]) -> bool:
    """Whether a department's field goes on past "và" in lower case ("của Bộ Tài nguyên và môi trường đều …"): the
    name read on holds more than the name read up to "và"."""
    if not FIELD_AND.match(form, found.end(1)):
        return False
    running = BODY_AFTER_RUNNING_ON.match(form, found.start(), min(len(form), found.start() + LOOK_AHEAD))
    longer = organ_name(text[running.start(1) : running.end(1)]) if running else None
    return longer is not None and len(longer) > found.end(1) - found.start(1)


# A paper signed on a body's behalf is that body's: "thay mặt Bộ Chính trị, Tổng Bí thư … đã ký ban hành Chỉ thị số 51".
ON_BEHALF = re.compile(
    rf"(?<![^\W_])(?i:thay\s+mặt)\s+({BODY_HEAD}{BODY_CHAR_NOT_DIGIT}{{0,60}}?)\s*,[^.;!?\n]{{1,120}}?\s"
    rf"(?:ký(?:\s+ban\s+hành)?|ban\s+hành)\s+{IN_A_ROW}{_LISTED_BEFORE}(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)


def _subject_issuing(text: str, form: str, citation: Citation) -> str | None:
    """The clause's subject that issues the paper, or the body it signed on behalf of; one body alone issues a decree
    or a law, so a ministry that "has" one only drafted it ("Bộ Y tế đã có Nghị định 36" is the Government's)."""
    start = citation.word_end or citation.start
    behalf = ON_BEHALF.search(form, max(0, start - LOOK_BEFORE_BODY), start)
    subject = organ_name(text[behalf.start(1) : behalf.end(1)]) if behalf else None
    subject = subject or _subject_body(text, form, start)
    sole = SOLE_ISSUERS.get(citation.type or "") if not citation.has_code else None
    if subject is None or sole is None:
        return subject
    return subject if issuer_for_body(match_form(subject)) == sole else None


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


def _speaker_after_comma(text: str, form: str, start: int, end: int, citation_type: str | None) -> str | None:
    """ "Tại văn bản số 3206 ngày 3/4, Văn phòng Chính phủ truyền đạt …" (or "…, bằng thông báo số 4195, Bộ Chính trị
    cử …"): the organ opening the main clause."""
    behind = max(0, start - LOOK_BEHIND)
    at_paper = AT_PAPER.search(form, behind, start) or BY_PAPER.search(form, behind, start)
    if ACCORDING_TO_PAPER.search(form, behind, start):
        comma = _past_subject_matter(form, end)
        speaker = ISSUING_SPEAKER if citation_type != "QĐ" else DECIDING_SPEAKER
        issuing = speaker.match(form, comma, min(len(form), comma + LOOK_AHEAD))
        return organ_name(text[issuing.start(1) : issuing.end(1)]) if issuing else None
    if not (at_paper or AT_PAPER_AFTER_LEAD_IN.search(form, max(0, start - LOOK_BEFORE_LEAD_IN), start)):
        return None
    found = BODY_AFTER_COMMA.match(form, end, min(len(form), end + LOOK_AHEAD)) or _body_after_subject_matter(form, end)
    return organ_name(text[found.start(1) : found.end(1)]) if found else None


# "Tại Văn bản số 2490 ngày 26-4-2017 về việc “tăng cường kiểm tra, xử lý …”, UBND tỉnh Lâm Đồng cho hay": the paper's
# subject matter may stand between it and the comma (commas inside it too).
SUBJECT_MATTER = re.compile(r"\s*,?\s*(?i:về\s+việc|v/v)\s")
MAX_SUBJECT_MATTER = 200


CLAUSE_MARK = re.compile(r"[.;,\n]")


def _past_subject_matter(form: str, end: int) -> int:
    """Where the comma closing a paper's subject matter stands ("Theo Quyết định số 1296 về công tác nhân sự, …"), or
    `end` when no subject matter follows."""
    opening = SUBJECT_MATTER_NEXT.match(form, end)
    if opening is None:
        return end
    closing = CLAUSE_MARK.search(form, opening.end(), min(len(form), opening.end() + MAX_SUBJECT_MATTER))
    return closing.start() if closing and form[closing.start()] == "," else end


def _body_after_subject_matter(form: str, end: int) -> re.Match[str] | None:
    """The organ opening the main clause after a comma that closes the paper's "về việc …" subject matter."""
    opening = SUBJECT_MATTER.match(form, end)
    if opening is None:
        return None
    stop = min(len(form), opening.end() + MAX_SUBJECT_MATTER)
    for comma in range(opening.end(), stop):
        if form[comma] in ".;\n":
            return None
        if form[comma] == ",":
            found = BODY_AFTER_COMMA.match(form, comma, min(len(form), comma + LOOK_AHEAD))
            if found:
                return found
    return None


def _subject_body(text: str, form: str, start: int) -> str | None:
    """ "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 19": the subject, when it is an organ's name and nothing
    else; a subject read from too far back does not hide one after it ("… của UBND TP. Sau đó Sở Xây dựng đã ban
    hành Quyết định số 12": the sentence's "TP." reads like the city's)."""
    behind = max(0, start - LOOK_BEFORE_BODY)
    for pattern in (BODY_BEFORE, BODY_BEFORE_PLACE_ASIDE):
        found = pattern.search(form, behind, start)
        while found is not None:
            body = _subject_of(text, form, found)
            if body is not None:
                return body
            found = pattern.search(form, found.start(1) + 1, start)
    found = BODY_BEFORE_AFTER_ACT.search(form, behind, start)
    return _subject_that_acted_first(text, found) if found else None


def _subject_that_acted_first(text: str, found: re.Match[str]) -> str | None:
    """The organ heading a subject that did something else first: its name is read on into the lower-case act
    ("UBND huyện họp và thống nhất, ban hành …" is "UBND huyện"); what is left after the name is that act, in lower
    case ("Văn phòng Chính phủ đã trình Thủ tướng và ban hành …" may be the Prime Minister's act)."""
    listed = LISTED_SUBJECT_BEFORE.search(text, max(0, found.start(1) - LOOK_BEFORE_LISTED), found.start(1))
    if listed:  # "Thủ tướng, thường trực Chính phủ và Thanh tra Chính phủ đã bàn …": a part of a list of subjects
        return None
    phrase = " ".join(text[found.start(1) : found.end("act")].split())
    body = organ_name(phrase)
    act = phrase[len(body) :] if body else ""
    acted_alone = act.strip() and not any(char.isupper() for char in act) and not HANDED_ON.search(act)
    return body if acted_alone else None


# The subject is a part of a list when "và" or an organ's lower-case word stands right before it.
LISTED_SUBJECT_BEFORE = re.compile(r"(?<![^\W_])(?:và|thường trực|trực)\s+$", re.IGNORECASE)
LOOK_BEFORE_LISTED = 15


def _subject_of(text: str, form: str, found: re.Match[str]) -> str | None:
    """The organ a clause's subject names, when the subject is that organ and nothing else, or the organ with its
    signer, its province, the day it acted or its telling."""
    subject = text[found.start(1) : found.end(1)]
    if "place" in found.re.groupindex and not _subject_field_goes_on(text, found):
        # "UBND huyện Diễn Châu, Nghệ An" is "UBND huyện Diễn Châu"
        own_short_form = OWN_SHORT_FORM.fullmatch(form, found.start("place"), found.end("place")) is not None
        if not own_short_form and NOT_A_PLACE.search(form, found.start("place"), found.end("place")):
            return None
        subject = text[found.start(1) : found.start("place")] + text[found.end("place") : found.end(1)]
    phrase = " ".join(subject.split())
    body = organ_name(phrase)
    if body is None:
        return None
    rest = phrase[len(body) :]
    if body in ANAPHORIC_HEADS and THIS_ONE.fullmatch(rest):  # "Bộ này ban hành Thông tư 47": the ministry named before
        return _antecedent(text, form, body, found.start(1))
    signer = PERSON_AFTER_ORGAN.fullmatch(rest) is not None
    telling = TELLING_AFTER_ORGAN.fullmatch(rest) is not None
    dated = DAY_AFTER_ORGAN.fullmatch(rest) is not None  # "UBND TPHCM ngày 18-1"
    # the dash closing the signer's post set off after his name: "ông A - thứ trưởng Bộ Giáo dục và Đào tạo - đã ký …"
    closing = CLOSING_DASH.fullmatch(rest) is not None
    termed = BODY_QUALIFIER.fullmatch(rest) is not None  # "Ban Bí thư khóa XI đã ban hành …"
    if _minister_by_name_only(phrase):
        return None  # "Bộ trưởng Đinh Văn An vừa có Công văn 4636": the ministry is not named
    # "Bộ Nội vụ Nguyễn Trọng Thừa đã ký …": the ministry
    return body if body == phrase or signer or telling or dated or termed or closing else None


# A ministry or department referred back to ("Bộ này", "Sở này"): the last one of that head the text named before.
ANAPHORIC_HEADS: frozenset[str] = frozenset({"Bộ", "Sở"})
THIS_ONE = re.compile(r"\s+(?:này|đó)")
LOOK_BEFORE_ANTECEDENT = 1000


def _antecedent(text: str, form: str, head: str, before: int) -> str | None:
    named = list(re.finditer(rf"(?<![^\W_]){head}\s+[A-ZĐ][^,;.:()“”\"\n]{{0,80}}", form[:before]))
    if not named:
        return None
    last = named[-1]
    name = organ_name(text[last.start() : last.end()])
    return name if name and name != head and last.start() >= before - LOOK_BEFORE_ANTECEDENT else None


def _minister_by_name_only(body: str) -> bool:
    """ "Bộ trưởng Đinh Văn An": a minister's post followed by the minister's name, no ministry."""
    post = next((post for post in MINISTERS if body.startswith(post + " ")), None)
    rest = body[len(post) + 1 :] if post else ""
    return post is not None and not rest.startswith(("Bộ ", "bộ ")) and not opens_with_field(rest)


CLOSING_DASH = re.compile(r"\s*[-–]")
# An organ telling what it did: "Văn phòng UBND tỉnh cho biết đã có văn bản …", "Sở Y tế cho hay đã ban hành …", "Sở
# GD-ĐT báo cáo đã xây dựng kế hoạch số 22".
TELLING_AFTER_ORGAN = re.compile(r"\s+(?:cho biết|cho hay|thông tin|báo cáo)(?:\s+(?:là|rằng))?")
# When it acted, told between the organ and its verb: "UBND TPHCM ngày 18-1 đã ban hành Chỉ thị 02", "Thủ tướng cuối
# tháng 12 năm ngoái có Văn bản số 2393", "chủ tịch UBND huyện lúc này ban hành quyết định 3868".
DAY_AFTER_ORGAN = re.compile(
    r"\s+(?:(?:vào|hôm|sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?"
    r"|\s+(?:(?:đầu|cuối|giữa)\s+)?tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4}|\s+năm\s+(?:\d{4}|ngoái|nay|trước))?"
    r"|\s+(?:lúc|khi)\s+(?:này|đó|ấy)"
)


def name_issuer(citation: Citation) -> None:
    """A document cited without a code: keyed by the issuer code of the body named ("TW" for "Bộ Chính trị",
    the name itself when the body has no code we know), and named as the text names it."""
    if citation.has_code or citation.issuer is not None or not citation.issuing_body:
        return
    citation.issuer_named = issuer_named(citation.issuing_body)
    code = issuer_for_body(match_form(citation.issuing_body))
    citation.issuer = code or initials_code(citation.issuer_named) or citation.issuer_named


def issuer_of_bare_type(citation: Citation, form: str) -> None:
    """A code of type letters alone followed by its body ("Quyết định số 559/QĐ của UBND tỉnh Hưng Yên", or past its
    day: "số 690/QĐ ngày 12/10/1972 của Bộ …") is keyed by that body's code, as a paper cited without a code is; with
    no body after it ("Thông báo số 215/TB") it has none."""
    if not citation.has_code or citation.type is None or citation.issuer is not None or not citation.issuing_body:
        return
    day = UNRESOLVED_DAY.match(form, citation.end)
    if BODY_AFTER.match(form, day.end() if day else citation.end) is None:
        return
    citation.issuer_named = issuer_named(citation.issuing_body)
    code = issuer_for_body(match_form(citation.issuing_body))
    citation.issuer = code or initials_code(citation.issuer_named) or citation.issuer_named


# The body granting a licence or certificate, as the subject of "cấp" right before its name and number: "Sở Xây dựng
# tỉnh đã cấp chứng chỉ quy hoạch số 173/2005/CCQH", "UBND TP đã cấp giấy phép xây dựng số 223/GPXD" (a code of type
# letters alone, the granting body being its issuer).
GRANTED_BY = re.compile(
    rf"(?<![^\W_])({BODY_HEAD}{BODY_CHAR}{{0,60}}?)\s+(?:(?:{_HOW_IT_ISSUED})\s+){{0,2}}cấp(?:\s+lại)?\s+"
    r"(?:[^\W\d_]+\s+){1,6}(?i:số)\s*:?\s*$"
)


def issuer_of_granted_paper(citation: Citation, text: str, form: str) -> None:
    """A licence's code of type letters alone, granted by the subject of its clause, takes that body's code."""
    if not citation.has_code or citation.type is None or citation.issuer is not None:
        return
    found = GRANTED_BY.search(form, max(0, citation.start - LOOK_BEFORE_BODY), citation.start)
    if found is None:
        return
    phrase = " ".join(text[found.start(1) : found.end(1)].split())
    body = organ_name(phrase)
    if body is None or not (body == phrase or PERSON_AFTER_ORGAN.fullmatch(phrase[len(body) :])):
        return  # "UBND tỉnh Thừa Thiên - Huế": the place's words are capitalised as a signer's name would be
    citation.issuing_body = body
    citation.issuer_named = issuer_named(body)
    citation.issuer = issuer_for_body(match_form(body)) or initials_code(citation.issuer_named) or citation.issuer_named


def sole_issuer(citation: Citation) -> None:
    """A document cited by word and number with no body named, or by type letters with no issuer after them, of a
    kind that one body alone issues ("Nghị định 49" is the Government's, "Luật số 34" the National Assembly's)."""
    if citation.issuer is None and citation.type and (citation.has_code or not citation.issuing_body):
        citation.issuer = SOLE_ISSUERS.get(citation.type)  # so too a code of type letters alone: "107/NĐ" -> CP
