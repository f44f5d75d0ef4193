"""Numbered papers that are no Party or state document: an outlet's press licence, a court's ruling, a company's
resolution, a contract, a number in parentheses that no body owns, a product's model, a flat's or a plot's number.
"""

from __future__ import annotations

import re

from extractors.facts.documents.citation import Citation
from extractors.facts.documents.kinds import SOLE_ISSUERS, TYPE_BY_LOWER
from extractors.facts.documents.patterns import BODY_HEAD, SENTENCE_END, TYPE_WORD

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


def press_licence(citation: Citation, form: str) -> bool:
    if citation.type == "GP" and (citation.issuer or "").split("-")[0] in PRESS_LICENSERS:
        return True
    before = PRESS_LICENCE_BEFORE.search(form, max(0, citation.start - LOOK_BEFORE_LICENCE), citation.start)
    return before is not None and citation.type in (None, "GP")


# A court's ruling, numbered by its case's kind and instance ("bản án số 02/2017/HC-ST": an administrative case at
# first instance; "42/2024/HS-PT": a criminal appeal): a judgment in a case, not a Party or state paper, as the
# annotators leave out a prosecutor's "quyết định khởi tố".
COURT_CASE_CODE = re.compile(r"(?:HS|DS|HC|KDTM|KT|LĐ|HNGĐ)-?(?:ST|PT|GĐT|TT)")  # "HS-ST", glued "HSST"


def court_ruling(citation: Citation) -> bool:
    return citation.type is None and COURT_CASE_CODE.fullmatch(citation.issuer or "") is not None


# A contract is an agreement of two parties, not a paper a body issues: "bản HĐ số 358/HĐ-TĐ giữa hai bên được ký
# kết", "hợp đồng số 328/HĐ/GQSDĐ" (the parties' codes follow its type letters).
def contract(citation: Citation) -> bool:
    return citation.type == "HĐ"


def unowned_in_parentheses(citation: Citation) -> bool:
    """A number in parentheses after a paper's word ("văn bản “khẩn” (số 453)") is kept only with the body that
    issued it: without one it keys no document a reader could find."""
    return citation.word_end is not None and citation.issuer is None


# A company's own organ named as the body ("Quyết định số 318 của Hội đồng quản trị").
COMPANY_BODY = re.compile(r"(?i:Hội đồng quản trị|HĐQT|Đại hội đồng cổ đông|ĐHĐCĐ)")


def company_resolution(citation: Citation, form: str) -> bool:
    if not citation.has_code and citation.issuing_body and COMPANY_BODY.match(citation.issuing_body):
        return True
    if citation.has_code or citation.type in SOLE_ISSUERS or citation.issuer is not None or citation.issuing_body:
        return False  # a decree or a law is the state's wherever it is cited
    behind = max(0, citation.start - COMPANY_WINDOW)
    if citation.type in STATE_MOSTLY:
        opens = max((stop.end() for stop in SENTENCE_END.finditer(form, behind, citation.start)), default=behind)
        return COMPANY_ORGANS.search(form, opens, citation.start) is not None
    return COMPANY_ORGANS.search(form[behind : citation.end + COMPANY_WINDOW]) is not None


# A decision cited near a firm's story is mostly the state's about the firm ("Thủ tướng chỉ đạo Bộ TT-TT hủy Quyết định
# 236 phê duyệt dự án của Mobifone", shareholders named sentences away): it is the board's only when the board opens
# its sentence ("HĐQT Eximbank đã ra Quyết định số 12").
STATE_MOSTLY: frozenset[str] = frozenset({"QĐ"})


# A product's model glued to letters before its number, two models set apart by a slash ("camera DSR- PD 150/DSR- TD
# 150P"): capitals right before the number that are no type letters ("NĐ 83/CP" is a decree) name a model, not a paper.
LETTERS_BEFORE_NUMBER = re.compile(r"(?<![^\W\d_])([A-ZĐ]{2,6})[ -]*$")
LOOK_BEFORE_MODEL = 12


def model_name(citation: Citation, form: str) -> bool:
    found = LETTERS_BEFORE_NUMBER.search(form, max(0, citation.start - LOOK_BEFORE_MODEL), citation.start)
    return found is not None and found.group(1).lower() not in TYPE_BY_LOWER


# Flats, plots, rooms, roads, vehicles, patients and cases are numbered with letters too ("căn hộ số 1205/CT2" of tower
# CT2, "lô đất số 15/KĐT", "tỉnh lộ số 12/ĐT", "bệnh nhân số 12/BN", "vụ án số 45/HS"): a number with no type letters
# after such a noun and "số" is no paper's.
THING_NUMBERED_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:căn\s+hộ|nhà|lô(?:\s+đất)?|thửa(?:\s+đất)?|phòng|tầng|tòa(?:\s+nhà)?|ki-?ốt|ô|tổ|khu|hẻm|ngõ|"
    r"ngách|kiệt|hộp\s+thư|tài\s+khoản|xe|tàu|chuyến(?:\s+bay)?|ghế|cổng|tuyến|đường|(?:quốc|tỉnh|hương)\s+lộ|"
    r"bệnh\s+nhân|ca\s+bệnh|phòng\s+bệnh|giường|vụ\s+án)\s+số\s*:?\s*$"
)
LOOK_BEFORE_THING = 30


def numbered_thing(citation: Citation, form: str) -> bool:
    if citation.type is not None:
        return False
    return THING_NUMBERED_BEFORE.search(form, max(0, citation.start - LOOK_BEFORE_THING), citation.start) is not None


# "Nghị quyết 13 Đại hội Đảng bộ TP": a number right before "Đại hội" is the congress's ordinal (the resolution of
# the 13th congress), not a paper's number; congress resolutions are cited by their congress, not numbered.
CONGRESS_AFTER = re.compile(r"\s*(?:Đại\s+hội|ĐH)(?![^\W_])", re.IGNORECASE)


def congress_ordinal(citation: Citation, form: str) -> bool:
    return CONGRESS_AFTER.match(form, citation.end) is not None


# A schedule's item numbered like a paper and followed by its hours ("Hình thức cắt điện: KẾ HOẠCH 3 07:00 10:00 …", a
# power-cut timetable): a slot of the day, not a plan any body issued.
CLOCK_AFTER = re.compile(r"\s+\d{1,2}[:h]\d{2}(?!\d)")


def timetable_slot(citation: Citation, form: str) -> bool:
    return CLOCK_AFTER.match(form, citation.end) is not None


# A company that is the subject issuing a paper cited by number alone: "Cty CP xây lắp điện Hà Nội (chủ đầu tư) đã có
# công văn số 140 hồi âm" (its own letter, no Party or state paper; a state-owned firm's letters are no state paper
# either). The firm's name runs to the verb with no comma or sentence mark and names no state organ, so another
# subject is not taken ("các công ty đánh giá cao việc Chính phủ ban hành Nghị quyết số 09").
COMPANY_SUBJECT_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:công\s+ty|cty|tổng\s+công\s+ty|tập\s+đoàn)(?![^\W\d_])(?P<name>[^,.;:\n]{0,80}?)"
    r"\s+(?:(?:cũng|đã|vừa|mới)\s+){0,2}(?:ban\s+hành|ký|ra|có|gửi)\s+"
    rf"(?i:{TYPE_WORD}|văn\s+bản)\s+(?:(?i:số)\s+)?$"
)
LOOK_BEFORE_COMPANY = 140
ORGAN_IN_NAME = re.compile(rf"(?<![^\W\d_])(?-i:{BODY_HEAD})(?![^\W\d_])")


def company_paper(citation: Citation, form: str) -> bool:
    if citation.has_code or citation.type in SOLE_ISSUERS or citation.issuer is not None or citation.issuing_body:
        return False
    before = COMPANY_SUBJECT_BEFORE.search(form, max(0, citation.start - LOOK_BEFORE_COMPANY), citation.start)
    return before is not None and ORGAN_IN_NAME.search(before.group("name")) is None
