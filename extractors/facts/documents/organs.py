"""Issuing bodies: an organ's name read from a phrase, and the issuer code it is keyed by.

Kept apart from the citation readers because it reads names, not numbers: "của Ban Thường vụ Tỉnh ủy" -> "TU",
"Bộ Công an" -> "BCA" (initials of listed fields, organ_fields.txt, shared with titles.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from extractors.facts.documents.kinds import WORD_TO_TYPE
from extractors.facts.person_names import MIDDLE_NAMES, surnames
from extractors.normalize import match_form

# Bodies named in "của <body>" -> issuer code, most specific first.
BODY_CODES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), code)
    for pattern, code in (
        # a committee's boards: "Ban Tổ chức Tỉnh ủy" -> BTCTU, "Ủy ban kiểm tra Huyện ủy" -> UBKTHU
        *(
            (rf"{board} {committee}", f"{board_code}{committee_code}")
            for board, board_code in (
                (r"Ban Tổ chức", "BTC"),
                (r"Ban Tuyên giáo(?: và Dân vận)?", "BTG"),
                (r"Ban Dân vận", "BDV"),
                (r"Ủy ban Kiểm tra", "UBKT"),
                (r"Văn phòng", "VP"),  # its notices are numbered ".../TB-VPTU"
            )
            for committee, committee_code in (
                (r"(?:Tỉnh|Thành) ủy", "TU"),
                (r"Huyện ủy", "HU"),
                (r"Quận ủy", "QU"),
                (r"Đảng ủy(?! Khối)", "ĐU"),
            )
        ),
        (r"Ban Tổ chức Trung ương", "BTCTW"),
        (r"Ban Tuyên giáo Trung ương", "BTGTW"),
        (r"Ủy ban Kiểm tra Trung ương", "UBKTTW"),  # its papers are numbered ".../TB-UBKTTW"
        (r"Văn phòng Trung ương", "VPTW"),
        (r"Quân ủy Trung ương", "QUTW"),
        # not the Youth Union's, nor a steering committee's ("Ban Chỉ đạo Trung ương về phòng chống thiên tai")
        # "TW"/"TƯ"/"T.Ư" as a word of the name, in capitals ("BCH TW Đảng"; "đầu tư" is no Centre)
        (
            r"Bộ Chính trị|Ban Bí thư|(?<!Chỉ đạo )Trung ương(?! (?:Đoàn|Hội))"
            r"|(?<![^\W_])(?-i:(?:BCH\s*)?T\.?[WƯ])(?![^\W_])(?! (?:Đoàn|Hội))",  # "BCHT.Ư Đảng": "BCH T.Ư" glued
            "TW",
        ),
        (r"^Đảng(?: Cộng sản Việt Nam| ta)?$", "TW"),  # the Party named whole: its papers are the Centre's
        (r"Ủy ban Thường vụ Quốc hội|UBTVQH", "UBTVQH"),
        (r"Mặt trận Tổ quốc|MTTQ", "MTTQ"),  # its papers are numbered ".../KH-MTTQ-BTT"
        (r"Hội đồng bầu cử Quốc gia", "HĐBCQG"),
        (r"Quốc hội|^(?-i:QH)$", "QH"),  # "Nghị quyết 49 của QH": the Assembly's abbreviation alone
        (r"Văn phòng Chính phủ", "VPCP"),
        (r"Thanh tra Chính phủ", "TTCP"),
        (r"^Thanh tra", "TTr"),  # an inspectorate: "Kết luận thanh tra số 18 của Thanh tra Bộ Tư pháp"
        # "NH" abbreviates "Ngân hàng" in a name ("Thông tư 11 của NH Nhà nước")
        (r"Ngân hàng Nhà nước|(?<![^\W_])(?-i:NH)\s+Nhà nước|NHNN", "NHNN"),
        # the one governor of the state: "Thống đốc Nguyễn Văn A ký ban hành Thông tư 12" (a US state's is "Thống
        # đốc bang")
        (r"^Thống đốc(?!\s+(?:bang|tiểu bang)(?![^\W_]))", "NHNN"),
        (r"Kiểm toán Nhà nước", "KTNN"),
        (r"^Bảo hiểm xã hội", "BHXH"),
        (r"Hội đồng Bộ trưởng", "HĐBT"),  # the Government's name until 1992
        # the Government's name until 1981 ("quyết định 130 … của Hội đồng Chính phủ")
        (r"Hội đồng Chính phủ", "HĐCP"),
        # the supreme court and procuracy, by their codes ("TAND Tối cao": "cao" is no initial of a capitalised word)
        (r"(?:Tòa án|Toà án|TAND)(?: nhân dân)? tối cao", "TANDTC"),
        (r"(?:Viện kiểm sát|VKSND|Viện KSND)(?: nhân dân)? tối cao", "VKSNDTC"),
        (r"^Viện KSND", "VKSND"),
        (r"Thủ tướng", "TTg"),
        (r"Chính phủ", "CP"),
        (r"Đảng ủy Khối", "ĐUK"),
        (r"Tỉnh ủy|Thành ủy|Thị ủy|Đảng bộ (?:tỉnh|thành phố|thị xã)", "TU"),
        (r"Huyện ủy|Đảng bộ huyện", "HU"),
        (r"Quận ủy|Đảng bộ quận", "QU"),
        (r"Đảng ủy|Đảng bộ (?:xã|phường|thị trấn)", "ĐU"),
        (r"HĐND|Hội đồng nhân dân", "HĐND"),
        (r"UBND|Ủy ban nhân dân", "UBND"),
        (r"^(?:Phó )?Chủ tịch nước(?![^\W_])", "CTN"),  # the State President's decisions are coded QĐ-CTN
        # the chairman of a level signs for its people's committee: "quyết định số 42 của Chủ tịch xã Duy Minh"
        (r"^(?:Phó )?Chủ tịch (?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP)(?![^\W_])", "UBND"),
    )
)


def issuer_for_body(body: str) -> str | None:
    """The issuer code of a body named in words ("Ban Thường vụ Tỉnh ủy" -> "TU", "Bộ Công an" -> "BCA")."""
    for pattern, code in BODY_CODES:
        if pattern.search(body):
            return code
    return department_code(_without_signing_post(body))


# Ministries, departments and general departments, whose codes are the initials of their names (Decree
# 30/2020/NĐ-CP, appendix III): "Bộ Công an" -> "BCA", "Sở Nội vụ" -> "SNV", "Tổng cục Hải quan" -> "TCHQ", a
# district's "Phòng GD-ĐT" -> "PGDĐT".
DEPARTMENT_CODE_HEADS: tuple[tuple[str, str], ...] = (("Tổng cục", "TC"), ("Bộ", "B"), ("Sở", "S"), ("Phòng", "P"))
# A ministry's or general department's name holds no place, so its initials are its code even when its field is
# not listed ("Bộ Công an", "Tổng cục Hải quan"); a department's name may go on with its province ("Sở Công
# Thương Hà Nội"): only a listed field counts.
HEADS_OF_UNPLACED_NAMES: frozenset[str] = frozenset({"B", "TC"})
MAX_MINISTRY_NAME_WORDS = 6  # and at least two: "Bộ Tổng" is "Bộ Tổng tham mưu" cut short
_ACRONYM = re.compile(r"[A-ZĐ]{2,8}(?:[&-][A-ZĐ]{1,8}){0,3}|[A-ZĐ]{1,8}(?:[&-][A-ZĐ]{1,8}){1,3}")  # not "Y" of "Y tế"
_JOINT_BODIES = re.compile(r"\s+(?:[-–]|và)\s+(?=(?:Bộ|Sở|Tổng cục)\s)")  # "Bộ Tài chính và Bộ Công an"
_ORGAN_FIELDS_FILE = Path(__file__).parents[1] / "organ_fields.txt"  # shared with titles.py


@lru_cache(maxsize=1)
def _organ_fields() -> tuple[tuple[str, ...], ...]:
    """The fields of organ_fields.txt as folded words without "và", longest first."""
    fields = [
        tuple(word for word in _folded_words(line) if word != "va")
        for line in _ORGAN_FIELDS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return tuple(sorted(fields, key=len, reverse=True))


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _folded_words(text: str) -> list[str]:
    return [_folded(word) for word in re.findall(r"[^\W\d_]+", text)]


def initial(word: str) -> str:
    """A syllable's first letter as a code writes it: capital, without its tone ("Ủy" -> "U", "đào" -> "Đ")."""
    first = word[:1].upper()
    return first if first == "Đ" else unicodedata.normalize("NFD", first)[:1]


def department_code(body: str) -> str | None:
    """The code of a ministry or department named in words or by its acronym ("Bộ GD&ĐT" -> "BGDĐT"); two joined
    by a dash or "và" are one issuer ("Bộ Giáo dục và Đào tạo - Bộ Nội vụ" -> "BGDĐT-BNV")."""
    body = re.sub(r"\s*&\s*", "&", body)  # "Sở GD & ĐT" is "Sở GD&ĐT"
    body = re.sub(r"^(bộ|sở)(?=\s)", lambda head: head.group(1).capitalize(), body)  # "sở KH&ĐT Hà Nội"
    codes = [_one_department_code(part) for part in _JOINT_BODIES.split(body.strip())]
    return "-".join(codes) if codes and all(codes) else None  # type: ignore[arg-type]


def _one_department_code(body: str) -> str | None:
    head = next(((name, code) for name, code in DEPARTMENT_CODE_HEADS if body.startswith(name + " ")), None)
    if head is None:
        return None
    rest = body[len(head[0]) + 1 :].split()
    acronym = _ACRONYM.fullmatch(rest[0]) if rest else None
    if acronym:  # "Bộ GTVT", "Bộ VH-TT-DL"
        return head[1] + re.sub(r"[&-]", "", rest[0])
    words = [word for word in re.findall(r"[^\W\d_]+", " ".join(rest)) if word.lower() != "và"]
    folded = [_folded(word) for word in words]
    field = next((f for f in _organ_fields() if tuple(folded[: len(f)]) == f), None)
    if field is not None:
        return head[1] + "".join(initial(word) for word in words[: len(field)])
    short = next((full for f, full in _SHORT_FIELDS.items() if tuple(folded[: len(f)]) == f), None)
    if short is not None:  # "Bộ Giao thông" -> BGTVT
        return head[1] + short
    if head[1] in HEADS_OF_UNPLACED_NAMES and 1 < len(words) <= MAX_MINISTRY_NAME_WORDS and rest[0][:1].isupper():
        return head[1] + "".join(initial(word) for word in words)
    return None


# The press names a ministry by the first words of its field ("Bộ Giao thông", "Sở Giáo dục Hà Nội"): the code is
# the whole field's. Only fields whose first words name one field in every period are here ("Bộ Văn hóa" was
# Văn hóa - Thông tin before 2007, "Bộ Nông nghiệp" is Nông nghiệp và Môi trường since 2025).
_SHORT_FIELDS: dict[tuple[str, ...], str] = {
    ("giao", "thong"): "GTVT",
    ("giao", "duc"): "GDĐT",
    ("tai", "nguyen"): "TNMT",
    ("ke", "hoach"): "KHĐT",
    ("lao", "dong"): "LĐTBXH",
    ("thong", "tin"): "TTTT",
    ("khoa", "hoc"): "KHCN",
}


# Level words that follow an organ's name in lower case ("HĐND tỉnh", "UBND huyện Đắk Mil"), and "TP": the
# issuer that the contract gives a document cited without a code is the body as named, up to them ("Nghị quyết
# số 31 của HĐND tỉnh" -> "HĐND"; "Kế hoạch số 19 của Ban Thường vụ Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy"), where
# the issuer code that keys the document is "TU" (`issuer_for_body`).
_LEVEL_WORDS: frozenset[str] = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "tp"})


# The posts whose holder signs for a body ("Quyết định số 1122 của Giám đốc Sở Y tế"): the document is the body's.
SIGNING_POSTS: tuple[str, ...] = (
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Giám đốc",
    "Giám đốc",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thống đốc",
    "Trưởng ban",
    "Tổng cục trưởng",
    "Cục trưởng",
    "Chánh án",
    "Viện trưởng",
    "Chánh Văn phòng",
)


# A minister's post names the ministry by its field alone in older and shorter writing ("của Bộ trưởng Tài chính",
# "Bộ trưởng Đại học và Trung học chuyên nghiệp"): the paper is that ministry's ("Bộ Tài chính" -> BTC).
MINISTERS: frozenset[str] = frozenset({"Bộ trưởng", "Thứ trưởng"})


def _without_signing_post(body: str) -> str:
    for post in SIGNING_POSTS:
        if body.lower().startswith(post.lower() + " "):
            rest = body[len(post) + 1 :]
            ministry_left_out = post in MINISTERS and rest[:1].isupper() and not rest.startswith(("Bộ ", "Bộ\t"))
            return f"Bộ {rest}" if ministry_left_out and opens_with_field(rest) else rest
    return body


def opens_with_field(rest: str) -> bool:
    """Whether a minister's post goes on with the ministry's field ("Bộ trưởng Tài chính", "Bộ trưởng GTVT"), not with
    the minister's own name ("Bộ trưởng Đinh Văn An" names no ministry)."""
    first = rest.split()[:1]
    if first and _ACRONYM.fullmatch(first[0]):
        return True
    folded = tuple(_folded(word) for word in re.findall(r"[^\W\d_]+", rest) if word.lower() != "và")
    return any(folded[: len(field)] == field for field in _organ_fields())


def issuer_named(body: str) -> str | None:
    """The issuer of a document cited by word and number: the body named, without the post of the person who
    signed for it, its level and its place."""
    words = _without_signing_post(body).split()
    for index, word in enumerate(words[1:], start=1):
        level = word.lower().rstrip(".")  # "UBND TP. Hà Nội"
        if level in _LEVEL_WORDS and (word.islower() or level == "tp"):
            return " ".join(words[:index])
    return " ".join(words) or None


MIN_INITIALS_WORDS = 2


def initials_code(name: str | None) -> str | None:
    """The code a body we do not list is keyed by, as its papers' numbers write it: the initials of its name, an
    acronym kept whole ("Ban Chỉ đạo" -> "BCĐ", "Liên đoàn Lao động" -> "LĐLĐ", "Bộ Tổng tham mưu" -> "BTTM",
    "Ủy ban ATGT quốc gia" -> "UBATGTQG", "Ban Chỉ đạo 389" -> "BCĐ389"); a name of one word has none."""
    centre = re.sub(r"(?i)\bTrung ương\b", "TW", name or "")  # "Ban Chỉ đạo Trung ương" -> "BCĐTW"
    words = [word for word in re.findall(r"[^\W_]+", centre) if word.lower() != "và"]
    named_by_number = len(words) > MIN_INITIALS_WORDS and words[-1].isdigit()  # "Ban Chỉ đạo 389" -> "BCĐ389"
    if len(words) < MIN_INITIALS_WORDS or any(word[:1].isdigit() for word in words[: -1 if named_by_number else None]):
        return None
    return "".join(word if (len(word) > 1 and word.isupper()) or word.isdigit() else initial(word) for word in words)


# Lower-case words an organ's name may hold ("Ủy ban nhân dân tỉnh", "Ban Thường vụ Huyện ủy", "HĐND
# phường", "Đảng ủy Khối các cơ quan tỉnh", "Ủy ban Mặt trận Tổ quốc", "Ban Chỉ đạo"); any other lower-case word ends it
# ("HĐND phường đều đạt").
ORGAN_LOWER_WORDS: frozenset[str] = frozenset(
    """huyện tỉnh xã phường quận thị trấn thành phố thôn bản ấp khu nhân dân thường trực vụ chấp hành ban
    phòng đoàn hội đồng ủy viên chi bộ đảng cơ quan sở trung ương chính trị kiểm tra tổ chức tuyên giáo
    dân vận liên tịch bầu cử trận đạo khối""".split()  # noqa: SIM905
)
# Lower-case organ words that are the first half of a two-syllable word ("thành phố", "thị trấn", "nhân dân"), and
# "đồng" its second half after "hội": a name that ends on one lost the other half to a verb the sentence goes on
# with ("của Bộ Chính trị thành | lập …", "UBND Hải Phòng đồng | ý …"), and ends before it.
FIRST_HALVES: frozenset[str] = frozenset("thành thị nhân chấp chi cơ trung kiểm tổ tuyên liên bầu".split())  # noqa: SIM905
PLENUM_NUMBER = re.compile(r"lần|thứ|\d{1,2}|[IVX]{1,5}")
MAX_PLENUM_WORDS = 5  # "Hội nghị lần thứ 6": the number comes right after the word
MAX_ISSUING_BODY_CHARS = 80
# The parts of a document, capitalised like a name's words ("của Chính phủ và Chương XI của Thông tư …").
DOCUMENT_PARTS: frozenset[str] = frozenset({"Chương", "Điều", "Phụ", "Mục", "Phần", "Khoản", "Điểm"})
# National organs whose second syllable is written in lower case after a capitalised first one ("Ban Bí thư",
# "Tổng cục Thuế", "Ngân hàng Nhà nước", "Kiểm toán Nhà nước", "Bảo hiểm xã hội").
COMPOUND_ORGANS: frozenset[tuple[str, str]] = frozenset(
    [("Chính", "phủ"), ("Thủ", "tướng"), ("Quốc", "hội"), ("Bí", "thư"), ("Bộ", "trưởng"), ("Tổng", "cục")]
    + [("Ngân", "hàng"), ("Kiểm", "toán"), ("Nhà", "nước"), ("Bảo", "hiểm"), ("Hội", "nghị"), ("hội", "nghị")]
    # the Front, mass organisations and the military: "Mặt trận Tổ quốc", "Liên đoàn Lao động", "Hội Nông dân",
    # "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Đoàn Thanh niên", "Bộ Chỉ huy Quân sự", "Bộ Tổng tham mưu"
    + [("Tổ", "quốc"), ("Lao", "động"), ("Nông", "dân"), ("Phụ", "nữ"), ("Cựu", "chiến"), ("chiến", "binh")]
    + [("Liên", "hiệp"), ("Thanh", "niên"), ("Chỉ", "huy"), ("Quân", "sự"), ("Tổng", "tham"), ("tham", "mưu")]
    + [("Công", "an"), ("Tòa", "án"), ("Toà", "án"), ("Viện", "kiểm"), ("kiểm", "sát"), ("đồng", "quản")]
    + [("Cộng", "sản"), ("tối", "cao")]  # "của Đảng Cộng sản Việt Nam", "Viện kiểm sát nhân dân tối cao"
    + [("Ban", "bí"), ("bí", "thư")]  # the Secretariat in lower case: "Chỉ thị 42 của Ban bí thư"
    + [("tịch", "nước")]  # the State President: "Quyết định số 12 của Chủ tịch nước"
)


# The heads of departments and ministries, whose names go on in lower case ("Sở Y tế", "Bộ Tài nguyên và Môi
# trường", "Sở Giao thông vận tải"), and the lower-case syllables those names hold.
# The press writes a ministry's and a department's head in lower case too: "Thanh tra bộ Xây dựng", "sở Y tế".
DEPARTMENT_HEADS: frozenset[str] = frozenset({"Sở", "Bộ", "Cục", "Tổng", "Vụ", "Phòng", "bộ", "sở"})
DEPARTMENT_LOWER_WORDS: frozenset[str] = frozenset(
    """tế chính vụ pháp an dựng dục tạo nguyên trường tư hoạch động binh hội hóa hoá thao lịch giao thông tải
    nghiệp triển thôn học nghệ thương truyền sản vận kế toán tin lợi trị""".split()  # noqa: SIM905
)


@lru_cache(maxsize=4096)  # an article names its issuers again and again ("của UBND tỉnh")
def organ_name(phrase: str) -> str | None:
    """The organ a phrase after "của"/"do" names, without the sentence that runs on after it: capitalised
    words and acronyms, organ and level words in lower case, "các cơ quan", and "và"/"-" between two
    capitalised parts ("Sở Giáo dục và Đào tạo"); at most `MAX_ISSUING_BODY_CHARS`."""
    lowered = phrase.lower().rstrip()
    post = next((p for p in SIGNING_POSTS if lowered == p.lower() or lowered.startswith(p.lower() + " ")), None)
    words = re.split("[…:]", phrase)[0].split()  # "của Bộ Chính trị… Mọi", "của Bộ chính trị: “Học tập …”"
    # the words as the lists spell them: old tone placement read as new ("Huyện uỷ" is "Huyện ủy")
    forms = re.split("[…:]", match_form(phrase))[0].split()
    kept: list[str] = words[: len(post.split())] if post else []  # "Giám đốc Sở Y tế"
    field_until = 0
    for index, word in enumerate(words[len(kept) :], start=len(kept)):
        if index < field_until:  # inside a listed field, whatever its case ("Bộ Kế hoạch & đầu tư")
            kept.append(word)
            continue
        if kept and kept[-1] in DEPARTMENT_HEADS:
            field_until = index + _listed_field_words(words, index)
            if field_until > index:
                kept.append(word)
                continue
        following = forms[index + 1] if index + 1 < len(forms) else ""
        lower = forms[index].lower()
        joins = lower in ("và", "-", "–", "&") and following[:1].isupper() and not _names_document(words[index + 1 :])
        opens_offices = lower == "các" and following.lower() == "cơ"
        national = lower == "gia" and kept[-1:] in (["Quốc"], ["quốc"])  # "Hội đồng bầu cử Quốc gia"
        national = national or (lower == "quốc" and following.lower() == "gia")  # "Ủy ban ATGT quốc gia"
        national = national or (lower == "tối" and following.lower() == "cao")  # "Tòa án nhân dân tối cao"
        national = national or (lower == "cao" and kept[-1:] in (["Tối"], ["tối"]))  # "TAND Tối cao"
        national = national or (kept[-1:] and (kept[-1], lower) in COMPOUND_ORGANS)  # "Thủ tướng Chính phủ"
        department = lower in DEPARTMENT_LOWER_WORDS and _in_department(kept)
        department = department or (lower in COUNCIL_TASK_WORDS and _in_task_council(kept))
        purpose = lower == "phòng" and following.lower().startswith("chống")  # "Ban Chỉ đạo … phòng, chống dịch"
        purpose = purpose or (lower == "ban" and following.lower() == "hành")  # "do Bộ Công an ban hành, …"
        officer = bool(kept) and kept[-1].lower() not in PLACE_LEVEL_WORDS and _opens_personal_name(word, following)
        numbered = word.isdigit() and kept[-2:] == ["Chỉ", "đạo"]
        # a plenum told by its number before the committee: "Hội nghị (lần thứ) 8 Ban chấp hành Trung ương"
        plenum = [word.lower() for word in kept[:2]] == ["hội", "nghị"] and len(kept) < MAX_PLENUM_WORDS
        numbered = numbered or (plenum and PLENUM_NUMBER.fullmatch(word) is not None)
        allowed = word[:1].isupper() or lower in ORGAN_LOWER_WORDS or joins or opens_offices or national or department
        allowed = allowed or numbered
        if purpose or officer or not allowed:
            break
        kept.append(word)
        if _named_by_number(kept):  # "Ban Chỉ đạo 389 Quốc gia": the committee is "Ban Chỉ đạo 389", code BCĐ389
            break
    while kept and (kept[-1].lower() in ("và", "-", "–", "&", "các") or _purpose_cut_short(kept) or _half_left(kept)):
        kept.pop()
    name = " ".join(kept)
    if len(name) > MAX_ISSUING_BODY_CHARS:
        name = name[:MAX_ISSUING_BODY_CHARS].rsplit(" ", 1)[0]
    return name or None


def _half_left(kept: list[str]) -> bool:
    """Whether the name read so far ends on half of a two-syllable organ word (`FIRST_HALVES`)."""
    last = kept[-1]
    if last in FIRST_HALVES:  # lower case only: "Thành" opens "Thành ủy", "Hội" a society's name
        return True
    return last == "đồng" and (len(kept) < 2 or kept[-2].lower() != "hội")


FIELD_CONNECTORS: frozenset[str] = frozenset({"và", "-", "–", "&"})
MAX_FIELD_WORDS = 16


@lru_cache(maxsize=1)
def _organ_field_prefixes() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The listed fields, and every start of one (folded words)."""
    fields = frozenset(_organ_fields())
    return fields, frozenset(field[:length] for field in fields for length in range(1, len(field) + 1))


def listed_field_name(name: str) -> bool:
    """Whether `name` is a department's head and one listed field, whole ("Bộ Văn hóa, Thể thao và Du lịch")."""
    words = name.split()
    return len(words) > 1 and words[0] in DEPARTMENT_HEADS and 1 + _listed_field_words(words, 1) == len(words)


def _listed_field_words(words: list[str], start: int) -> int:
    """How many of `words` from `start` spell the longest listed field (organ_fields.txt), with the connectors
    between its words ("Kế hoạch & đầu tư", "Thương mại"); 0 when none opens there."""
    fields, prefixes = _organ_field_prefixes()
    longest, folded, index = 0, (), start
    while index < len(words) and index - start < MAX_FIELD_WORDS:
        word = words[index]
        index += 1
        if word.lower() in FIELD_CONNECTORS and folded:
            continue
        letters = _folded_words(word)
        folded = (*folded, letters[0]) if len(letters) == 1 else ()
        if folded not in prefixes:
            break
        if folded in fields:
            longest = index - start
    return longest


def _named_by_number(kept: list[str]) -> bool:
    """A steering committee named after the directive that set it up ("Ban Chỉ đạo 389", "Ban Chỉ đạo 138"): its
    papers are numbered with the number ("02/KH-BCĐ389"), whatever epithet follows ("Quốc gia", "tỉnh")."""
    return len(kept) > 2 and kept[-1].isdigit() and kept[-3:-1] == ["Chỉ", "đạo"]


# Councils set up for one task, named by it in lower case ("Hội đồng thẩm định đền bù", "Hội đồng bồi thường giải
# phóng mặt bằng huyện", "Hội đồng thi đua khen thưởng"): the syllables such tasks are named with. A court's panel
# ("Hội đồng xét xử") and a firm's board ("Hội đồng quản trị") issue no state papers: not listed; the Supreme Court's
# council of judges ("Hội đồng thẩm phán TAND tối cao") issues resolutions.
COUNCIL_TASK_WORDS: frozenset[str] = frozenset(
    """thẩm định đền bù bồi thường giải phóng mặt bằng hỗ trợ tái cư giá đất tài sản đấu thi đua khen thưởng kỷ
    luật tư vấn tuyển dụng nghiệm thu giám y khoa coi chấm phúc khảo kiểm kê phán""".split()  # noqa: SIM905
)


def _in_task_council(kept: list[str]) -> bool:
    """Whether the name so far is a council's, its task's words after it ("Hội đồng thẩm định")."""
    return (
        len(kept) >= 2
        and kept[0] == "Hội"
        and kept[1].lower() == "đồng"
        and all(word.lower() in COUNCIL_TASK_WORDS for word in kept[2:])
    )


def _in_department(kept: list[str]) -> bool:
    """Whether the name so far is a department's or ministry's ("Sở Y", "Bộ Tài nguyên và Môi"), after its head."""
    heads = [index for index, word in enumerate(kept) if word in DEPARTMENT_HEADS]
    return bool(heads) and len(kept) > heads[-1] + 1


def _names_document(words: list[str]) -> bool:
    """Whether the words open with a word naming a document or a part of one ("và Kế hoạch số 12", "và Chương XI
    của Thông tư": a second citation, no name)."""
    opens_part = bool(words) and words[0] in DOCUMENT_PARTS
    return opens_part or any(" ".join(words[:length]).lower() in WORD_TO_TYPE for length in range(1, 5))


def _purpose_cut_short(kept: list[str]) -> bool:
    """ "Ban Chỉ đạo (Quốc gia) phòng" is a committee's purpose cut at its comma ("phòng, chống dịch"), not a
    "Văn phòng" or "Bộ Quốc phòng"."""
    return len(kept) > 1 and kept[-1] == "phòng" and kept[-2].lower() in ("đạo", "gia")


# Words after which a capitalised run is a place's name, whoever it is named after ("xã Hồ Thị Kỷ").
PLACE_LEVEL_WORDS: frozenset[str] = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "phố", "tp"})


def _opens_personal_name(word: str, following: str) -> bool:
    """A family name and a middle name after an organ's name are its officer's ("Thứ trưởng Bộ Nội vụ Nguyễn Trọng
    Thừa đã ký …"), not the organ's (after a level word they name a place: "xã Hồ Thị Kỷ")."""
    return match_form(word).casefold() in surnames() and match_form(following).casefold() in MIDDLE_NAMES
