"""Bylines: "Tin, ảnh: Hoàng Lan" -> author "Hoàng Lan"; "Nguồn: Báo X" -> source credit.

A byline naming several people is kept whole ("Y Phôn - H'Nga"); a staff credit ("PV", "Nhóm PV") is the
author as written; a news agency alone ("TTXVN") is a source. An office signing an article ("Văn phòng
HĐND-UBND huyện") is its author too, but only as a closing line and only when no person signs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.facts.person_names import not_persons, words
from extractors.facts.syllables import is_syllable
from extractors.normalize import match_form
from extractors.page.repeats import ZERO_WIDTH
from extractors.page.vocab import ends_sentence

# "Tin:", "Bài, ảnh:", "Tin ảnh:", "Tin/ảnh:", "Bài và ảnh:", "Bài, clip:", "Thực hiện:", "PV:" ...
_CREDIT_PREFIX = re.compile(
    r"^(?:(?:tin|bài)(?:\s*(?:,|-|–|/|&|và)?\s*(?:ảnh|bài|clip|video))*|ảnh|thực hiện|tác giả|người viết|"
    r"nhóm pv|nhóm phóng viên|phóng viên|pv|ctv|btv)\s*[:：.]\s*(.+)$",
    re.IGNORECASE,
)
# The same credit without its colon, where names follow: "Tin, ảnh Ngô Văn A – Lê Thị B"; the word before
# "ảnh" may be mistyped ("Tịn, ảnh …"): any short word there still makes the line a credit when names follow.
_CREDIT_PREFIX_BARE = re.compile(
    r"^(?:tin|bài|[^\W\d_]{2,4}(?=\s*,))\s*(?:,|-|–|/|&|và)?\s*ảnh\s*:?\s+(\S.+)$", re.IGNORECASE
)
_SOURCE_PREFIX = re.compile(r"^(?:nguồn|theo|nguồn tin|source)\s*[:：]?\s*(.+)$", re.IGNORECASE)
# the agency alone, or with its paper ("TTXVN/Tin Tức"): a source, no writer
_AGENCY_ONLY = re.compile(r"^(?:ttxvn|vna|ttxvn/vna)(?:\s*/\s*tin\s*t[uứ]c)?\.?$", re.IGNORECASE)
_STAFF = r"(?:nhóm\s+)?(?:pv|ctv|btv|phóng viên|cộng tác viên|biên tập viên)"
# The newsroom signing for itself: the credit is the byline as written ("PV", "Nhóm PV", "PV - CTV").
_STAFF_ONLY = re.compile(rf"^{_STAFF}(?:\s*[-–,/&]\s*{_STAFF}|\s+và\s+{_STAFF})*$", re.IGNORECASE)
_APOSTROPHES = re.compile(r"['’ʼ]")
_PARENTHESES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")  # no nesting: each try stops at the next bracket
MAX_NESTING = 3


def _without_parentheses(text: str) -> str:
    """The text without its parenthesised parts ("Minh Anh (Đảng ủy Sở TT&TT)"), innermost first."""
    for _ in range(MAX_NESTING):
        text, count = _PARENTHESES.subn(" ", text)
        if not count:
            break
    return text


# "Thu Hà - Minh Tuấn", "Thu Hà-Minh Tuấn", "Thu Hà, Minh Tuấn"; a comma glued after a lone initial is the
# initial's mark ("Đ,Bắc" is "Đ.Bắc"), not a list.
_AND = re.compile(r"\s+và\s+")
_PEOPLE_SEPARATOR = re.compile(r"\s*[-–—;]\s*|\s*,\s+|(?<=[^\W\d_]{2}),(?=\S)|\s+và\s+")
# Initials glued to the name they abbreviate: "T.SỸ", "Đ,Bắc", "N.Hương", "Th.Dương", "B.T.Lan"; or a name
# written in initials alone ("B.T.N"). An initial is one letter, or a capital and a small one ("Th", "Ng").
_INITIALLED = re.compile(r"^((?:[^\W\d_][^\W\d_]?[.,])+)([^\W\d_][^\s.,]*)\.?$")
MAX_INITIALS = 4


def _is_initial(piece: str) -> bool:
    return piece[0].isupper() and (len(piece) == 1 or piece[1:].islower())


def _initials(word: str) -> list[str] | None:
    """The pieces of an initialled word ("B.T.Lan" -> B, T, Lan), None when it is not one."""
    initialled = _INITIALLED.match(word)
    if initialled is None:
        return None
    initials = [piece for piece in re.split(r"[.,]", initialled.group(1)) if piece]
    if len(initials) > MAX_INITIALS or not all(_is_initial(piece) for piece in initials):
        return None
    return [*initials, initialled.group(2)]


# A staff word before the name, without a colon ("PV Minh Anh", "CTV Thu Hà"): the name is the author.
_STAFF_NAMED = re.compile(rf"^{_STAFF}\s+(.+)$", re.IGNORECASE)
# Capitalised words that make a short line an organisation or a heading, not a person.
_NOT_NAME_WORDS = frozenset(
    [
        # a form of address: writers sign without one, a speaker named after a quote has one ("… lãng phí". Ông
        # Phạm Kiết - Nguyên Giám đốc Sở TDTT)
        "ông",
        "bà",
        "ubnd",
        "hđnd",
        "mttq",
        "đảng",
        "ban",
        "huyện",
        "tỉnh",
        "xã",
        "phường",
        "sở",
        "phòng",
        "quận",
        "ủy",
        "uỷ",
        "cổng",
        "bài",
        "ảnh",
        "nguồn",
        "theo",
        "báo",
        "cơ",
        "các",
        "tp",
        "thpt",
        "thcs",
        "video",
        "clip",
        # "Tin Tức" is TTXVN's paper ("TTXVN/Tin Tức"), not a writer
        "tin",
    ]
)
# Words that open a sentence ("Tại Tây Lâm" is a place): never a name's first word, though a given name may be one
# of them ("ĐỨC TRONG").
_OPENER_WORDS = frozenset(["tại", "trong", "với", "sau", "trước", "khi", "nhưng", "cùng"])


# An office signing an article names its kind first; events ("Hội nghị") and the committees that sign
# documents rather than news ("Ban Chấp hành") are not signatures.
UNIT_HEADS = (
    "văn phòng",
    "phòng(?! họp| khám| chống| ngừa| học| làm việc| truyền thống)",
    "ban(?! chấp hành| thường vụ| tổ chức)",
    "trung tâm",
    "ủy ban",
    "ubnd",
    "hđnd",
    "(?:đảng|huyện|thành|thị|quận|tỉnh) ủy",
    "hội(?! nghị| thi| diễn| thảo| trại| chợ| khỏe| báo)",
    "công an",
    "bch",
    "(?:huyện|thành) đoàn",
    "đoàn thanh niên",
    "đài (?:truyền|phát) thanh",
    "chi cục",
    "bộ phận",
    "mttq",
)
_UNIT_HEAD = re.compile(rf"^(?:{'|'.join(UNIT_HEADS)})\s", re.IGNORECASE)
# ...and says whose office it is: a level ("huyện", "Huyện ủy") or an acronym ("HĐND-UBND", "VH-TT").
_UNIT_MARK = re.compile(
    r"(?i:\b(?:huyện|xã|phường|tỉnh|quận|thị trấn|thị xã|thành phố|ủy)\b)|\b[A-ZĐ]{2,}(?:[-&/][A-ZĐ]+)*\b"
)
MAX_UNIT_WORDS = 8
MAX_BYLINE_WORDS = 14  # a credit line ("Tin, ảnh: …", "Theo …") is short
# An office's name ends with its level ("… huyện"), a capitalised word or an acronym; a caption that starts
# like one ("Hội Nông dân xã ra quân làm đường") ends with a lower-case verb phrase.
_UNIT_LEVEL_WORDS = frozenset({"huyện", "xã", "phường", "tỉnh", "quận", "trấn", "phố", "ủy", "uỷ"})


def _ends_like_an_office(text: str) -> bool:
    last = text.rstrip(" )").split()[-1]
    return last[0].isupper() or last.lower() in _UNIT_LEVEL_WORDS


_UNIT_FORBIDDEN = re.compile(r"[\d:\"“”]")


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    source_credit: str | None = None
    by_unit: bool = False  # the author is an office, not a person: a person's byline wins over it


def _clean(line: str) -> str:
    # zero-width characters an editor leaves before a name ("\u200b\u200bThùy An") are no part of it
    text = ZERO_WIDTH.apply(line).strip().strip("*_").strip().rstrip(".;,-–— ").strip()
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        text = text[1:-1].strip()  # "(Theo TTXVN)"
    return text


def _is_name_piece(letters: str) -> bool:
    return (
        letters.isalpha() and letters[0].isupper() and (letters[1:].islower() or letters.isupper() or len(letters) == 1)
    )


def _is_name_word(word: str) -> bool:
    """ "Lan", "LAN", an initial "H." or an ethnic name with an apostrophe ("H'Nga", "K'Bình")."""
    return all(_is_name_piece(piece) for piece in _APOSTROPHES.split(word.rstrip(".")))


def _name_words(text: str) -> list[str]:
    words: list[str] = []
    for word in text.split():
        words += _initials(word) or [word]
    return words


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words with no organisation word: a person's name ("T.SỸ" is two)."""
    words = _name_words(text)
    if not 2 <= len(words) <= 5:
        return False
    keys = [match_form(word).lower().strip(".") for word in words]
    if keys[0] in _OPENER_WORDS or any(key in _NOT_NAME_WORDS for key in keys):
        return False
    return all(_is_name_word(word) for word in words)


def _one_word_name(text: str) -> bool:
    """A one-word name beside a full one in a list ("Y Phôn - H'Nga"); an acronym ("TTVH") is a unit."""
    return (
        " " not in text
        and not text.isupper()
        and _is_name_word(text)
        and match_form(text).lower().strip(".") not in _NOT_NAME_WORDS | _OPENER_WORDS
    )


# What the writer did, after the names: "Công Khanh - Bá Chiêm thực hiện", "Thùy Dung Tổng hợp", "Võ Hải ghi".
_WORK_MARK = re.compile(r"\s+(?:thực hiện|ghi|tổng hợp|lược dịch|biên dịch|dịch)$", re.IGNORECASE)
# Academic and professional titles before a name ("PGS.TS Lê Văn An", "ThS. Trần Thu Hà", "BS Mai Lan"): the
# author is the name. Written as the press writes them (case matters: "Ts" is no title).
_DEGREE = r"(?:GS|PGS|TS|TSKH|ThS|Ths|Th\.S|BS|BSCKII|BSCKI|KS|NCS|LS)"
_DEGREES = re.compile(rf"(^|[-–—,]\s*|\s và\s)(?:{_DEGREE}\s*[.,]?\s*)+(?=[^\W\d_]{{2}})")


def _people(text: str) -> str | None:
    """A name, or several names joined by "-", ",", "và"; a trailing unit after a dash is dropped."""
    text = _WORK_MARK.sub("", _once(" ".join(_without_parentheses(text).split())))  # "Lan Chi (Theo TTXVN) Lan Chi"
    text = _DEGREES.sub(r"\1", text).strip()
    parts = [part.strip() for part in _PEOPLE_SEPARATOR.split(text) if part.strip()]
    if not parts:
        return None
    full = [looks_like_name(part) for part in parts]
    if len(parts) > 1 and any(full) and all(ok or _one_word_name(part) for ok, part in zip(full, parts, strict=True)):
        return " ".join(text.split())
    if _AND.search(text):
        return None  # "Thái Sơn và Thái Vũ trong phim …": "và" joins a caption's subjects, never a writer to a unit
    return parts[0] if full[0] else None


def _one_word_names(text: str) -> str | None:
    """Writers signing by their given names before an outlet ("Hưng - Thủy/VOV"): two or more, each a name word."""
    parts = [part.strip() for part in _PEOPLE_SEPARATOR.split(text) if part.strip()]
    return " ".join(text.split()) if len(parts) > 1 and all(_one_word_name(part) for part in parts) else None


def _once(text: str) -> str:
    """A credit a dump printed twice in a row ("Hải Yến/VOV Hải Yến/VOV") read once."""
    words = text.split()
    half = len(words) // 2
    if half == 1 and _is_name_piece(words[0]):
        return text  # a pen name of one word said twice ("An An", "Đậu Đậu"), not a credit printed twice
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


# "Minh PhươngTheo Reuters": a dump that drops the line break between the writer and the source.
_GLUED_SOURCE = re.compile(r"(?<=[^\W\d_])(?=(?:Theo|Nguồn)(?:\s|:))")


def _unglued(text: str) -> str:
    return _outlet_unglued(_GLUED_SOURCE.sub(" ", text) if "Theo" in text or "Nguồn" in text else text)


MAX_OUTLET_NAME_WORDS = 3


def _outlet_unglued(text: str) -> str:
    """A known paper glued to the writer's name closing the credit ("Theo D.AnhVietnamNet"): the two apart."""
    words = text.rsplit(maxsplit=MAX_OUTLET_NAME_WORDS)  # a long line is split at its last words only
    for size in range(1, min(MAX_OUTLET_NAME_WORDS, len(words)) + 1):
        first = words[-size]
        for glued in (i for i in range(1, len(first)) if first[i].isupper() and first[i - 1].islower()):
            outlet = " ".join([first[glued:], *words[len(words) - size + 1 :]])
            if _known_outlet(outlet):
                return " ".join([*words[:-size], first[:glued], outlet])
    return text


def _writer_then_known_outlet(text: str) -> Byline | None:
    """After "Theo", a writer then a known paper: "Theo Lan Chi Dân Trí", "Theo T.An VietnamNet"."""
    words = text.split()
    for size in range(min(MAX_OUTLET_NAME_WORDS, len(words) - 1), 0, -1):  # the longest paper first
        outlet = " ".join(words[-size:])
        if _known_outlet(outlet):
            head = " ".join(words[:-size])
            writer = _people(head)
            return Byline(author=writer, source_credit=outlet) if writer == head else None
    return None


# The note on the writer's work between the name and the outlet: "Ngọc Minh (tổng hợp) Tây Lâm".
_NAME_NOTE_OUTLET = re.compile(r"^([^()]+?)\s*\((?:thực hiện|ghi|tổng hợp|lược dịch|st)\)\s+([^()]+)$", re.IGNORECASE)


def parse_byline(line: str) -> Byline | None:
    """Read one short closing line as a byline or a source credit; None when it is neither."""
    if line.strip().startswith("(") and _PHOTO_ONLY.match(match_form(_clean(line))):
        return None  # "(Ảnh: Thu Hà/TTXVN)": a caption's photo credit
    text = _once(_unglued(_clean(line)))
    if not text or len(text.split()) > MAX_BYLINE_WORDS or text.endswith(("?", "!")):
        return None  # a question or an exclamation is speech ("PV: Xin trân trọng cảm ơn ông!"), never a credit
    matchable = match_form(text)
    if _AGENCY_ONLY.match(matchable):
        return Byline(source_credit=text)
    staff = _without_parentheses(text).strip()
    if _STAFF_ONLY.match(match_form(staff)):
        return Byline(author=" ".join(staff.split()))
    credit = _CREDIT_PREFIX.match(matchable)
    if credit:
        rest = re.split(r"\s*[;|]\s*", text[credit.start(1) :].strip())[0]
        photo = _PHOTO_AFTER.search(rest)
        rest = rest[: photo.start()] if photo else rest  # "Bài, clip: Đỗ Lê Ảnh: BTC": not the photographer
        slashed = _writer_for_outlet(rest) if "/" in rest else None  # "Bài và ảnh: Xuân Cường/Báo Tây Lâm"
        if slashed is not None:
            return slashed
        return Byline(author=_people(rest) or _clean(_without_parentheses(rest)) or None)
    noted = _NAME_NOTE_OUTLET.match(text)
    if noted and _people(noted.group(1)):
        return Byline(author=_people(noted.group(1)), source_credit=noted.group(2).strip())
    bare = _CREDIT_PREFIX_BARE.match(matchable)
    if bare and _people(text[bare.start(1) :]):
        return Byline(author=_people(text[bare.start(1) :]))
    named = _STAFF_NAMED.match(matchable)
    if named and _people(text[named.start(1) :]):
        return Byline(author=_people(text[named.start(1) :]))
    source = _SOURCE_PREFIX.match(matchable)
    if source and len(text.split()) <= 10:
        rest = text[source.start(1) :].strip()
        signed = _writer_for_outlet(rest) or _writer_then_source(rest, after_source=True) or _writer_of_outlet(rest)
        signed = signed or _writer_dash_outlet(rest) or _writer_then_known_outlet(rest)
        return signed or Byline(source_credit=rest)
    signed = _writer_for_outlet(text) or _writer_then_source(text) or _writers_then_photo_credit(text)
    if signed:
        return signed
    outlet_after = _writers_dash_known_outlet(text) or _writers_then_agency_in_parentheses(text)
    if outlet_after:
        return outlet_after
    person = _people(text)
    return Byline(author=person) if person else None


# A photo's credit after the writers' names on their line: "Hà Minh – Gia Linh Ảnh: Hà Châu", its media listed
# too ("Ảnh, clip: FBNV", "Ảnh và video: VTV").
_PHOTO_AFTER = re.compile(r"\s(?:ảnh|Ảnh|ẢNH)(?:\s*(?:,|và|&|/)\s*(?:clip|video|Clip|Video))*\s*:")


def _writers_then_photo_credit(text: str) -> Byline | None:
    """The writers, where all that precedes a photo credit is their names; the photographer is not the author."""
    photo = _PHOTO_AFTER.search(text)
    if photo is None:
        return None
    names = " ".join(text[: photo.start()].split())
    return Byline(author=names) if names and _people(names) == names else None


# A line naming an outlet: "Báo Tây Lâm", "(Tạp chí Cộng sản)", "Cổng TTĐT tỉnh", "baotaylam.vn".
_OUTLET = re.compile(
    r"^\(?(?:báo|tạp chí|đài|cổng|trang|truyền hình|thông tấn xã)\s|^\S+\.(?:vn|com|net|org)\b", re.IGNORECASE
)
MAX_OUTLET_WORDS = 8


# Papers the press names without "Báo" after a writer's dash ("Viễn Sự - Tuổi Trẻ"), as data: each also reads
# like a person's name, so only this list tells them from a second writer.
KNOWN_OUTLETS = frozenset(
    {"dân trí", "tuổi trẻ", "thanh niên", "tiền phong", "người lao động", "lao động", "nhân dân", "vietnamnet"}
    | {"vietnam+", "zing", "zing.vn", "plo", "vnexpress", "dân việt", "đại đoàn kết", "công luận", "tin tức"}
)


def _known_outlet(text: str) -> bool:
    return match_form(text).lower() in KNOWN_OUTLETS


# An agency's bureau: "VOV-New Delhi", "TTXVN/Hà Nội", "VOV - Tây Nguyên": the agency, then where it files from.
_AGENCY_DESK = re.compile(r"^([^\s/–-]+)\s*[-–/]\s*(\S.*)$")
MAX_DESK_WORDS = 4


def _agency_desk(text: str) -> bool:
    desk = _AGENCY_DESK.match(text)
    return desk is not None and desk.group(1).lower() in NEWS_AGENCIES and len(desk.group(2).split()) <= MAX_DESK_WORDS


def _outlet(text: str) -> str | None:
    """A line naming an outlet, a known paper, an agency alone ("VOV") or an agency's bureau ("VOV-New Delhi")."""
    text = _clean(text)
    if _known_outlet(text) or text.lower() in NEWS_AGENCIES or _agency_desk(text):
        return text
    return text if len(text.split()) <= MAX_OUTLET_WORDS and _OUTLET.match(match_form(text)) else None


def _writers_then_agency_in_parentheses(text: str) -> Byline | None:
    """Writers, then their agency or paper in parentheses: "Thu Hà (TTXVN)", "Vũ-Trung (TTXVN)" (given names alone
    sign as an agency's writers do), "Lan Chi - Minh An (Vietnam+)"; the agency is the source."""
    named = _NAME_THEN_OUTLET.match(text)
    if named is None:
        return None
    agency = named.group(2).strip()
    if agency.lower() not in NEWS_AGENCIES and not _known_outlet(agency):
        return None
    writers = _people(named.group(1)) or _one_word_names(named.group(1))
    return Byline(author=writers, source_credit=agency) if writers else None


def _writers_dash_known_outlet(text: str) -> Byline | None:
    """Writers, then the paper they wrote for after the last dash: "Viễn Sự - Tuổi Trẻ", "Lan Chi - Minh An - Dân
    Trí"; the paper is the source, not one more writer."""
    parts = re.split(r"\s+[-–]\s+", text)
    if len(parts) < 2 or not _known_outlet(parts[-1]):
        return None
    head = text[: len(text) - len(parts[-1])].rstrip(" -–")
    writers = _people(head)
    return Byline(author=writers, source_credit=parts[-1].strip()) if writers == " ".join(head.split()) else None


def _writer_dash_outlet(text: str) -> Byline | None:
    """After "Theo", a writer then the outlet after a dash: "Theo Khánh Ly - Báo Tây Lâm"."""
    parts = re.split(r"\s+[-–]\s+", text, maxsplit=1)
    if len(parts) != 2 or not looks_like_name(parts[0]):
        return None
    outlet = _outlet(parts[1])
    return Byline(author=parts[0].strip(), source_credit=outlet) if outlet else None


def writer_above_outlet(line: str, next_line: str) -> Byline | None:
    """ "Theo Khánh Ly" with the outlet on the next line ("Báo Tây Lâm"): the writer and where the story ran.
    Alone, "Theo" and a name may be an outlet named like a person; the outlet below says it is a writer."""
    text = _clean(line)
    source = _SOURCE_PREFIX.match(match_form(text))
    outlet = _outlet(next_line)
    if source is None or outlet is None:
        return None
    name = text[source.start(1) :].strip()
    return Byline(author=name, source_credit=outlet) if looks_like_name(name) else None


def _writer_of_outlet(text: str) -> Byline | None:
    """After "Theo", a writer with the outlet in parentheses: "Theo Khánh Ly (Báo Tây Lâm)"."""
    named = _NAME_THEN_OUTLET.match(text)
    writer = _people(named.group(1)) if named else None
    if named is None or writer is None:
        return None
    return Byline(author=writer, source_credit=named.group(2).strip())


def _writer_then_source(text: str, after_source: bool = False) -> Byline | None:
    """A writer named before the source they took the story from ("Tuấn Anh Theo NHK"; a dump that repeats the
    credit line around the name gives "NHK Tuấn Anh Theo NHK" once "Theo" is read off the front). After a
    leading "Theo"/"Nguồn" the words before the name belong to that source, so only a known agency may stand
    there ("Nguồn: Báo X Thu Hà Theo Y" does not tell where the outlet's name ends)."""
    trailing = _TRAILING_SOURCE.match(match_form(text))
    if trailing is None or len(trailing.group(2).split()) > MAX_TRAILING_SOURCE_WORDS:
        return None
    head, source = text[: trailing.end(1)].strip(), text[trailing.start(2) : trailing.end(2)].strip()
    writer = _writer_for_outlet(head)
    if writer is not None:
        return Byline(author=writer.author, source_credit=source)
    if after_source:
        return None
    person = _people(head)
    return Byline(author=person, source_credit=source) if person else None


# A writer, then the outlet in parentheses, after "Theo": "Theo Khánh Ly (Báo Tây Lâm)".
_NAME_THEN_OUTLET = re.compile(r"^([^()]+?)\s*\(([^()]{2,40})\)$")
_OUTLET_AFTER_SLASH = re.compile(r"^([^/]+?)\s*/\s*(\S[^/]*)$")  # "Kim Dung/VOV-TP.HCM", "Khánh Hồng/Dân Trí"
# News agencies and outlets that sign wire copy by their initials, as data ("UBND Hà Nội" is no credit).
NEWS_AGENCIES = frozenset(
    {"ttxvn", "vna", "ttxvn/vna", "vov", "vtv", "vgp", "ttxva", "qđnd", "cand", "vnexpress"}
    # foreign agencies a translated story is credited to ("Theo NHK", "Theo AFP")
    | {"afp", "reuters", "ap", "nhk", "xinhua", "tass", "kyodo", "yonhap", "bbc", "cnn", "sputnik", "bloomberg"}
)
# A source credit after the writer's name on the same line: "Tuấn Anh Theo NHK", "Minh Anh (theo VnExpress)".
_TRAILING_SOURCE = re.compile(r"^(\S.*?)\s+\(?(?:theo|nguồn)\s*:?\s+([^()]+?)\)?$", re.IGNORECASE)
MAX_TRAILING_SOURCE_WORDS = 4


def _writer_for_outlet(text: str) -> Byline | None:
    """A writer credited with the outlet they write for: "Kim Dung/VOV", or an agency then the writer
    ("TTXVN Hoàng Trọng", the two lines of "Theo TTXVN" / "Hoàng Trọng" run together)."""
    slashed = _OUTLET_AFTER_SLASH.match(text)
    if slashed:
        first, second = slashed.group(1).strip(), slashed.group(2).strip()
        if first.lower() in NEWS_AGENCIES and looks_like_name(_once(second)):
            return Byline(author=_once(second), source_credit=first)  # the agency, then its writer: "TTXVN/Thu Hà"
        if _STAFF_ONLY.match(match_form(first)):
            return Byline(author=first, source_credit=second)  # "PV/Báo Tây Lâm": the newsroom signs
        staff = _STAFF_NAMED.match(match_form(first))  # "CTV Nhật Minh/VOV.VN": the name without the staff word
        writer = _people(first[staff.start(1) :] if staff else first) or _one_word_names(first)
        return Byline(author=writer, source_credit=second) if writer else None
    agency, _, rest = text.partition(" ")
    rest = _without_parentheses(rest).strip()
    if agency.lower() in NEWS_AGENCIES and not rest.isupper() and looks_like_name(rest):
        return Byline(author=rest, source_credit=agency)
    return None


# The newsroom signing as a desk: "Ban Biên tập", "BBT", "Tòa soạn", "Ban biên tập Cổng TTĐT huyện".
_DESK = re.compile(r"^(?:ban biên tập|bbt|tòa soạn|toà soạn)(?:\s|$)", re.IGNORECASE)


def parse_unit_byline(line: str) -> Byline | None:
    """A closing line naming the office that wrote the article ("Văn phòng HĐND-UBND huyện"), else None."""
    raw = line.strip()
    if raw.endswith((".", "!", "?", "…", ";")):
        return None  # a closing sentence of the body
    text = _clean(raw)
    matchable = match_form(text)
    if _DESK.match(matchable) and len(text.split()) <= MAX_UNIT_WORDS and not _UNIT_FORBIDDEN.search(text):
        return Byline(author=" ".join(text.split()), by_unit=True)
    if not 2 <= len(text.split()) <= MAX_UNIT_WORDS or _UNIT_FORBIDDEN.search(text):
        return None
    if not _UNIT_HEAD.match(matchable) or not _UNIT_MARK.search(matchable):
        return None
    if not _ends_like_an_office(text):
        return None
    return Byline(author=" ".join(text.split()), by_unit=True)


# Above the body only a labelled credit counts: a bare name or an office there is a caption or a heading,
# and a photo credit alone ("Ảnh: …") names the photographer, not the writer.
_PHOTO_ONLY = re.compile(r"^ảnh\s*[:：.]", re.IGNORECASE)


def is_photo_credit(line: str) -> bool:
    """A photo's credit alone: "Ảnh: Thu Hà", "Ảnh. Tư liệu"."""
    return _PHOTO_ONLY.match(match_form(_clean(line))) is not None


def parse_leading_byline(line: str) -> Byline | None:
    """A writer's credit printed under the headline ("Tin: Thu Hà", "Bài, ảnh: …", "PV: …"), else None."""
    text = _clean(line)
    if len(text.split()) > MAX_BYLINE_WORDS:
        return None  # a paragraph (the sapo, the first of the body): no need to put it in match form
    matchable = match_form(text)
    if _PHOTO_ONLY.match(matchable):
        return None
    if _STAFF_ONLY.match(match_form(_without_parentheses(text).strip())):
        return parse_byline(line)
    credit = _CREDIT_PREFIX.match(matchable)
    if credit is None:
        return None
    rest = re.split(r"\s*[;|]\s*", text[credit.start(1) :].strip())[0]
    author = _people(rest)
    return Byline(author=author) if author else None


# The writer before the post's date stamp, set off by a dash or a bar: "PHẠM ĐÔNG - Thứ năm, 20/06/2024 18:35 (GMT+7)"
# (an outlet's header line, kept by a copy that dropped its markup).
_WRITER_BEFORE_STAMP = re.compile(r"^([^\d\-–|:]{3,40}?)\s+[-–|]\s+\S")


def writer_before_stamp(line: str) -> Byline | None:
    """The writer a date stamp line opens with, when what stands before the dash is a name and no place's ("Hà Nội -
    Thứ năm, …" is a dateline)."""
    found = _WRITER_BEFORE_STAMP.match(line.strip())
    if found is None:
        return None
    name = found.group(1).strip()
    if match_form(name).casefold() in not_persons() or not looks_like_name(name):
        return None
    credit = parse_byline(name)
    return Byline(author=credit.author) if credit and credit.author else None


MAX_GLUED_WORDS = 10
MAX_GLUED_SOURCE_WORDS = 4  # "Theo TTXVN", "Nguồn: Báo Tây Lâm"


@dataclass(frozen=True)
class SignedParagraph:
    """A closing paragraph with the byline a text dump ran onto its end taken off."""

    text: str
    byline: Byline


_LIST_NUMBER = re.compile(r"^(?:\d{1,3}|[a-zđ]|[IVXLC]{1,5})[.)]$")
# An address closes a reference list's item as a stop closes a sentence ("Tài liệu tham khảo: [1] http://… Xuân
# Dương"): the words after the last one are the writer's, not the item's.
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _closes_item(word: str) -> bool:
    return ends_sentence(word) or _ADDRESS.match(word) is not None


def glued_byline(paragraph: str) -> SignedParagraph | None:
    """The byline or source after the last sentence of a paragraph ("… đào tạo. Việt Tuấn", "… 90%). Theo
    TTXVN Hoàng Trọng", "… tháng 7. Theo VGP"): a dump that joins a page's lines puts them on the closing line."""
    words = paragraph.split()
    if len(words) > 1 and len(words[-1]) > 1 and words[-1].endswith(":"):
        words[-1] = words[-1][:-1]  # "… ông Thuận quả quyết.Doãn Công:": a label the dump cut off after the writer
    signed_with_stop = len(words) > 1 and words[-1].endswith(".") and ends_sentence(words[-2])
    if signed_with_stop and _STAFF_ONLY.match(words[-1][:-1]):  # "… công tác này. PV.": the staff's sign, stopped
        words[-1] = words[-1][:-1]
    if not words or ends_sentence(words[-1]):
        return None  # a closing sentence ("Theo chương trình, hội nghị kết thúc ngày 18/5.") signs nothing
    last = next((i for i in range(len(words) - 2, -1, -1) if _closes_item(words[i])), None)
    if last == 0 and _LIST_NUMBER.match(words[0]):
        return None  # "4. Kim Đồng - Văn Điển": a numbered list's item, not a sentence and its writer
    if last is None:
        return _writer_after_media_caption(words) or _name_in_capitals_closing(words)
    tail = words[last + 1 :]
    split = _source_then_writer(tail) if tail[0].startswith("(") else None
    if split is not None:  # "… tội. (Theo Cổng TTĐT Bộ X) Bá An - Thu Hà": the writer after the source
        found = parse_byline(" ".join(split.writer)) if len(split.writer) <= MAX_GLUED_WORDS else None
        sourced = found is not None and split.source is None and len(split.writer) <= MAX_GLUED_SOURCE_WORDS
        if found is None or not (found.author or (sourced and found.source_credit)):
            return None  # "… năm 1988. (Ảnh tư liệu) Theo VOV": the caption stays, the source is read
        kept = words[: len(words) - len(split.writer)] if split.source is None else words[: last + 1]
        source = split.source or found.source_credit
        return SignedParagraph(" ".join(kept), Byline(author=found.author, source_credit=source))
    tail = _once(" ".join(tail)).split()  # "Thu Hà - Lan Chi/VOV Thu Hà - Lan Chi/VOV"
    if len(tail) > MAX_GLUED_WORDS:
        noted = _writer_with_note(tail)
        if noted is not None:
            return SignedParagraph(" ".join(words[: last + 1]), noted)
        # a caption left without its stop, then the writer
        return _writer_after_media_caption(words) or _name_in_capitals_closing(words)
    media = _writer_after_foreign_media_credit(tail)
    if media is not None:  # "… mạng xã hội. Video:Instagram/Takato Ishida Hồng Hạnh(TheoJapan Today)"
        return SignedParagraph(" ".join(words[: last + 1]), media)
    if _PHOTO_ONLY.match(match_form(" ".join(tail))):
        return _writer_after_photo_credit(words[: last + 1], tail)
    found = parse_byline(" ".join(tail)) or _glued_given_names(tail)
    if found is None or not (found.author or len(tail) <= MAX_GLUED_SOURCE_WORDS):
        return None  # a longer "Theo …" without a writer is a sentence left without its stop
    return SignedParagraph(" ".join(words[: last + 1]), found)


# Given names that are also organ words: read as a name only where a writer signs, after the body's last sentence
# ("… các quận. Trọng Đảng"); elsewhere "Đảng" keeps a line from reading as a person.
_GIVEN_ORGAN_NAMES = frozenset({"đảng"})


def _glued_given_names(tail: list[str]) -> Byline | None:
    """Writers glued after the last sentence whom `parse_byline` does not take for people: a two-word name ending
    on a given name that is also an organ word ("Trọng Đảng"), or two given names alone ("Hiếu - Hải"), which
    elsewhere stand for places as often as for people."""
    if len(tail) == 2 and match_form(tail[1]).lower() in _GIVEN_ORGAN_NAMES and _one_word_name(tail[0]):
        return Byline(author=" ".join(tail))
    if len(tail) == 3 and tail[1] in {"-", "–"} and _one_word_name(tail[0]) and _one_word_name(tail[2]):
        return Byline(author=" ".join(tail))
    return None


_GLUED_INITIAL = re.compile(r"^[A-ZĐ](?=[A-ZĐ][^\W\d_A-ZĐ]+$)")  # "HLam": "H. Lam" printed without its dot


def closing_signature(line: str) -> Byline | None:
    """A writer signing on the line right under the last sentence by given names alone ("Nghiệp - Hình") or by
    an initial glued to the given name ("HLam"): read only there, where `glued_byline` reads them too; elsewhere
    given names stand for places or teams as often as for people."""
    words = line.split()
    if len(words) == 3:
        return _glued_given_names(words)
    if len(words) == 1 and _GLUED_INITIAL.match(words[0]) and _one_word_name(words[0][1:]):
        return Byline(author=words[0])
    return None


def _writer_with_note(tail: list[str]) -> Byline | None:
    """A writer's name and a long note in parentheses closing the paragraph: "Thu Hà (Tổng hợp theo báo X, báo
    Y)", "Lan Chi(Khoa Luật, Trường Đại học Tây Lâm)". The name alone is the author."""
    text = " ".join(tail)
    head = text.partition("(")[0].strip()
    if not text.endswith(")") or text.count("(") != 1 or not head or len(head.split()) > MAX_GLUED_WORDS:
        return None
    found = parse_byline(head)  # the name(s) alone: "Bà Thu Hà, Phó Cục trưởng (Bộ X)" is a quoted speaker
    whole = found is not None and found.author == " ".join(_DEGREES.sub(r"\1", head).split())
    return Byline(author=found.author) if found and whole else None


_MEDIA_CAPTION = re.compile(r"^\((?:ảnh|video|clip)\b", re.IGNORECASE)
MAX_CAPTION_CREDIT_WORDS = 8


def _writer_after_media_caption(words: list[str]) -> SignedParagraph | None:
    """The writer after a photo's credit in parentheses that closes a caption left without its stop ("… người tố
    cáo (ảnh: T.L) TRẦN LAN"): the parenthesis bounds the caption, the name after it signs the article."""
    start = max(len(words) - 2 - MAX_GLUED_WORDS, -1)
    closing = next((i for i in range(len(words) - 2, start, -1) if words[i].endswith(")")), None)
    if closing is None:
        return None
    start = max(closing - MAX_CAPTION_CREDIT_WORDS, -1)
    opening = next((i for i in range(closing, start, -1) if words[i].startswith("(")), None)
    if opening is None or not _MEDIA_CAPTION.match(match_form(words[opening])):
        return None
    found = parse_byline(" ".join(words[closing + 1 :]))
    return SignedParagraph(" ".join(words[: closing + 1]), found) if found and found.author else None


MAX_CAPITALS_NAME_WORDS = 4
# Words after which capitals are the text's own name or place ("ông NGUYỄN VĂN A", "huyện ĐẮK SONG"), not a credit.
_GOVERNS_WHAT_FOLLOWS: frozenset[str] = words(
    "ông bà anh chị cô chú bác chí đồng huyện xã tỉnh phường quận trấn phố thành tp thôn bản làng đường "
    "của tại ở với cho và là hoặc từ đến về"
)


_WORK_WORDS = (("thực", "hiện"), ("tổng", "hợp"), ("ghi",))


def _name_in_capitals_closing(words: list[str]) -> SignedParagraph | None:
    """A writer's name in capitals closing a paragraph whose last sentence has no stop ("… báo cáo kết quả VĂN
    DŨNG"): the press signs so, and a sentence never ends in a name in capitals after a lower-case word. What the
    writer did may follow the name ("… nghĩa trang XUÂN AN thực hiện")."""
    for mark in _WORK_WORDS:
        if len(words) > len(mark) and tuple(word.lower() for word in words[-len(mark) :]) == mark:
            return _name_in_capitals_closing(words[: -len(mark)])
    for size in range(MAX_CAPITALS_NAME_WORDS, 1, -1):
        before = words[-size - 1] if len(words) > size else ""
        if not before.islower() or before in _GOVERNS_WHAT_FOLLOWS:
            continue
        name = words[-size:]
        if all(word.isalpha() and word.isupper() for word in name) and looks_like_name(" ".join(name)):
            return SignedParagraph(" ".join(words[:-size]), Byline(author=" ".join(name)))
    return None


_MEDIA_LABEL = re.compile(r"^(?:ảnh|video|clip)\s*:\s*", re.IGNORECASE)
_SOURCE_NOTE = re.compile(r"^(?:theo|nguồn)", re.IGNORECASE)
MAX_WRITER_NAME_WORDS = 4


def _writer_after_foreign_media_credit(tail: list[str]) -> Byline | None:
    """A media credit naming a foreign source, then the writer and the story's source in parentheses, glued
    after the last sentence: "Video:Instagram/Takato Ishida Hồng Hạnh(TheoJapan Today, 8days)". Where the credit
    ends is told by the script: the writer is the run of capitalised Vietnamese syllables after its last foreign
    word. A credit in Vietnamese words gives no such edge, and nothing is read."""
    text = " ".join(tail)
    head, bracket, note = text.partition("(")
    label = _MEDIA_LABEL.match(match_form(head))
    if label is None or not bracket or not text.endswith(")") or not _SOURCE_NOTE.match(match_form(note)):
        return None
    credit = head[label.end() :].split()
    run = 0
    while run < len(credit) and credit[-1 - run][0].isupper() and is_syllable(credit[-1 - run]):
        run += 1
    if not 2 <= run <= MAX_WRITER_NAME_WORDS or run == len(credit) or is_syllable(credit[-1 - run]):
        return None
    writer = " ".join(credit[-run:])
    prefix = _SOURCE_NOTE.match(note)  # "TheoJapan Today": the outlet without the "Theo" glued to it
    source = note[prefix.end() if prefix else 0 :].rstrip(")").strip()
    return Byline(author=writer, source_credit=source or None) if looks_like_name(writer) else None


def _writer_after_photo_credit(kept: list[str], tail: list[str]) -> SignedParagraph | None:
    """A caption's photo credit closing the paragraph ("… Ảnh: Báo Tây Lâm") names the photographer, not the
    writer; the writer counts only where an agency's credit runs on into a name ("Ảnh: TTXVN Thu Hà")."""
    credit = " ".join(tail)
    photo = _PHOTO_ONLY.match(match_form(credit))
    signed = _writer_for_outlet(_without_parentheses(credit[photo.end() :] if photo else credit).strip())
    if signed is None or not signed.author:
        return None
    return SignedParagraph(" ".join(kept), signed)


# The source a story was taken from, in parentheses right after its last sentence: "(Theo Cổng TTĐT Bộ X)".
_PARENTHESISED_SOURCE = re.compile(r"^\((?:theo|nguồn)\s*:?\s+([^()]+)\)$", re.IGNORECASE)


@dataclass(frozen=True)
class _SourceThenWriter:
    source: str | None  # None: the parenthesis was a caption ("(Video: …)"), which stays in the body
    writer: list[str]


def _source_then_writer(words: list[str]) -> _SourceThenWriter | None:
    """Split a tail that opens with a parenthesis (a source credit, or a caption of the page's video or photo)
    and goes on with the writer's words."""
    closing = next((i for i, word in enumerate(words) if word.endswith(")")), None)
    if closing is None or closing == len(words) - 1:
        return None
    credit_text = " ".join(words[: closing + 1])
    if credit_text.count("(") != 1:
        return None
    credit = _PARENTHESISED_SOURCE.match(match_form(credit_text))
    if credit is None:
        return _SourceThenWriter(None, words[closing + 1 :])
    return _SourceThenWriter(credit_text[credit.start(1) : credit.end(1)].strip(), words[closing + 1 :])
