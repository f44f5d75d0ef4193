"""Kinds of document: type codes, the words that name them, and the kinds one body alone issues.

Data for every step: the citation readers know a type by its letters or its word, the merge keys documents by it.
"""

from __future__ import annotations

import re

# Type code -> its name. "TT" is Thông tri in Party numbers and Thông tư in state ones (see PARTY_NAMES).
TYPE_NAMES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "CTHĐ": "Chương trình hành động",
    "TB": "Thông báo",
    "CV": "Công văn",
    "BB": "Biên bản",
    "NĐ": "Nghị định",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "GM": "Giấy mời",
    "GUQ": "Giấy ủy quyền",
    "PC": "Phiếu chuyển",
    "GP": "Giấy phép",
    "LĐ": "Lệnh",
    "L": "Lệnh",  # the President's orders promulgating a law: "Lệnh số 12/2025/L-CTN"
    "PL": "Pháp lệnh",  # "25/2005/PL-UBTVQH11"
    "SL": "Sắc lệnh",  # the President's decrees of the 1940s-50s: "Sắc lệnh số 64/SL" (no issuer in the code)
    "KHLT": "Kế hoạch liên tịch",  # joint papers of two bodies: "02/KHLT/UBND-UBMTTQ", as "TTLT/BTC-BNN"
    "HDLT": "Hướng dẫn liên tịch",
    "Luật": "Luật",  # laws carry no type code in their number ("72/2020/QH14"): the word is the type
}
PARTY_NAMES: dict[str, str] = {"TT": "Thông tri"}
TYPE_BY_LOWER: dict[str, str] = {code.lower(): code for code in TYPE_NAMES}
# Named with a bare number ("Chương trình 135", "Đề án 06") these are usually programme names, not citations.
NO_BARE_NUMBER: frozenset[str] = frozenset({"CTr", "CTHĐ", "ĐA", "PA", "Luật", "BC", "TB"})

# Words naming a document type, longest first (the word beside the number decides the type).
TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("Thông báo kết luận", "TB"),
    ("Chương trình hành động", "CTHĐ"),
    ("Thông tư liên tịch", "TTLT"),
    ("Nghị quyết liên tịch", "NQLT"),
    ("Kế hoạch liên tịch", "KHLT"),
    ("Hướng dẫn liên tịch", "HDLT"),
    ("Nghị quyết", "NQ"),
    ("Nghị định", "NĐ"),
    ("Quyết định", "QĐ"),
    ("Quy định", "QĐi"),
    ("Quy chế", "QC"),
    # the older spelling with "i" after "qu" ("vi phạm qui định 75 của Bộ Chính trị", "Qui chế số 12")
    ("Qui định", "QĐi"),
    ("Qui chế", "QC"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"),
    ("Hướng dẫn", "HD"),
    ("Thông tri", "TT"),
    ("Thông tư", "TT"),
    ("Thông báo", "TB"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Công văn", "CV"),
    ("Biên bản", "BB"),
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Công điện", "CĐ"),
    ("Pháp lệnh", "PL"),
    ("Sắc lệnh", "SL"),
    ("Luật", "Luật"),
)
WORD_TO_TYPE: dict[str, str] = {word.lower(): code for word, code in TYPE_WORDS}
# Codes whose kind the word beside the number tells: Party "quy định" were numbered "QĐ" until 2017
# ("Quy định số 66-QĐ/TW": type "QĐ" as written, kind "Quy định"). Other disagreements are usually a longer
# phrase ("Thông báo kết luận số 15-TB/TU"), so the code names the kind too.
CONFUSABLE_TYPES: frozenset[frozenset[str]] = frozenset({frozenset({"QĐ", "QĐi"})})
# A joint paper cited again by its kind's word alone: "thông tư liên tịch số 01 …; thông tư 01 vẫn chưa được sửa đổi".
JOINT_FORMS: dict[str, str] = {"TT": "TTLT", "NQ": "NQLT"}


# The issuer of a kind of document that one body alone issues, when the text names none: decrees are the
# Government's ("Nghị định 49" -> CP), laws the National Assembly's ("Luật số 34" -> QH), as the annotation
# decisions of the real corpus read (batches 4 and 5).
SOLE_ISSUERS: dict[str, str] = {"NĐ": "CP", "Luật": "QH", "PL": "UBTVQH"}  # ordinances: the NA Standing Committee
# Kinds whose numbers carry no type letters: "Luật số 34" has type null, as "72/2020/QH14" has.
UNTYPED_KINDS: frozenset[str] = frozenset({"Luật"})


# Party regulations were numbered "QĐ" like decisions until the Party's document rules of 2018 gave them "QĐi"
# ("Quy định số 105-QĐ/TW" of 2017, "Quy định số 08-QĐi/TW" of 2018): a regulation cited by word alone, issued
# before 2018, takes the letters of its day.
PARTY_REGULATION_LETTERS_SINCE = 2018
PARTY_ISSUER = re.compile(r"(?:TW|TU|HU|QU|ĐU|ĐUK|VPTW|QUTW|(?:BTC|BTG|BDV|UBKT)(?:TW|TU|HU|QU|ĐU))")


def regulation_letters(code: str | None, issuer: str | None, year: int | None) -> str | None:
    """The type letters of a Party regulation cited by word alone, by the year it was issued by (None: unknown)."""
    party = issuer is not None and PARTY_ISSUER.fullmatch(issuer) is not None
    if code == "QĐi" and party and year is not None and year < PARTY_REGULATION_LETTERS_SINCE:
        return "QĐ"
    return code


def type_name(code: str | None, party: bool) -> str | None:
    if code is None:
        return None
    return (PARTY_NAMES.get(code) if party else None) or TYPE_NAMES.get(code)
