"""Vietnamese portal widget vocabulary, matched by meaning on whole lines.

Every pattern is written against the folded form of a line (`fold_diacritics`: lower case, no tone marks,
đ -> d), so "Đang truy cập", "ĐANG TRUY CẬP" and "Dang truy cap" are one widget. Patterns match whole
short lines only: "tất cả" inside a sentence of the body is prose, "Tất cả: 169.486" is a counter.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from extractors.normalize import fold_diacritics, match_form, nfc


class LineKind(Enum):
    PROSE = "prose"  # anything not recognised as a widget
    JUNK = "junk"  # a widget line: drop it wherever it is
    SECTION_END = "section-end"  # a heading that opens a sidebar, related list or footer
    DATESTAMP = "datestamp"  # the article's date line ("Cập nhật lúc: 11/03/2025 08:30")
    IMAGE = "image"  # where a dump marks a picture ("[img]"): not text, but the line after it is its caption


_SEP = r"[\s|/·•»›>\-–—:,.;()\[\]*]*"

# Visit counters: a label, an optional colon and a number (or nothing: the number sits in another block).
COUNTER_LABELS = (
    r"dang online",
    r"dang truy cap",
    r"dang truc tuyen",
    r"dang xem",
    r"online",
    r"truc tuyen",
    r"hom nay",
    r"hom qua",
    r"tuan nay",
    r"tuan truoc",
    r"trong tuan",
    r"trong thang",
    r"trong nam",
    r"thang nay",
    r"thang truoc",
    r"thang hien tai",
    r"nam nay",
    r"tat ca",
    r"tong cong",
    r"tong so",
    r"tong (?:so )?(?:luot|luong) (?:truy cap|xem|nguoi xem)",
    r"(?:so )?luot truy cap",
    r"luong truy cap",
    r"(?:so )?luot (?:nguoi )?xem",
    r"luot doc",
    r"view count",
    r"views?",
    r"hits?",
    r"visitors?",
    r"truy cap",
    r"khach",
    r"thanh vien",
    r"ip(?: cua ban)?",
    r"dia chi ip",
)
_COUNTER = re.compile(
    r"(?:(?:" + "|".join(COUNTER_LABELS) + r")\s*[:：]?\s*[\d.,]*\s*)+(?:\(?\d[\d.,]*\)?)?",
)
_IP_LINE = re.compile(r"ip\s*[:：]?\s*[\d.:a-f]+")

# Action links: a line made only of these (and separators) is a toolbar.
ACTIONS = (
    r"ban in",
    r"in bai(?: viet| nay)?",
    r"in trang",
    r"in an",
    r"in tin",
    r"in",
    r"print",
    r"gui (?:e-?mail|email|thu|tin(?: qua e-?mail)?|bai(?: viet)?|ban be|cho ban be)",
    r"e-?mail",
    r"chia se(?: bai viet| len| qua)?",
    r"sao chep(?: lien ket| link| duong dan| url)?",
    r"copy(?: link| url)?",
    r"(?:da )?sao chep",
    r"messenger",
    r"telegram",
    r"pinterest",
    r"share",
    r"facebook",
    r"zalo",
    r"twitter",
    r"tweet",
    r"like",
    r"linkedin",
    r"len dau trang",
    r"ve dau trang",
    r"dau trang",
    r"top",
    r"tro ve",
    r"quay lai",
    r"quay ve",
    r"xem tiep",
    r"xem them",
    r"xem chi tiet(?: tai day)?",
    r"tai day",
    r"xem tat ca",
    r"doc tiep",
    r"tiep theo",
    r"trang truoc",
    r"trang sau",
    r"co chu",
    r"(?:kich thuoc|kich co|co|giam|tang|thu nho|phong to) (?:chu|co chu|van ban)",
    r"font(?:-| )?size",
    r"mac dinh",
    r"nghe (?:audio|bai bao|doc|tin)",
    r"xem voi co chu",
    r"phong chu",
    r"a[+-]?",
    r"luu(?: bai)?",
    r"luu tin",
    r"bookmark",
    r"binh luan",
    r"phan hoi",
    r"y kien",
    r"gop y",
    r"nghe doc bai",
    r"nghe bai viet",
    r"doc bai",
    r"dau",
    r"truoc",
    r"tiep",
    r"cuoi",
    r"rss",
    r"lien he",
    r"so do site",
    r"trang chu",
    r"tai ve",
    r"download",
    r"dinh kem",
    r"tep dinh kem",
)
# Separators are optional: a text dump glues adjacent links together ("Quay lạiIn bài").
_ACTIONS_ONLY = re.compile(r"(?:(?:" + "|".join(ACTIONS) + r")" + _SEP + r")+")

# Whole-line widgets that are not counters or toolbars.
JUNK_LINES = (
    r"image (?:advertisement|banner)",
    r"advertisement",
    r"banner",
    r"quang cao(?: \d+)?",
    r"(?:lien ket|lien he|vi tri|khu vuc|dat) quang cao",
    r"ads?",
    r"nhay toi noi dung",
    r"bo qua (?:de )?(?:toi|den) noi dung(?: chinh)?",
    r"skip to (?:main )?content",
    r"-*\s*chon (?:lien ket|website|don vi)\s*-*",
    r"hien thi \d+ - \d+ (?:cua|trong) [\d.,]+ ket qua\.?",
    r"(?:trang )?\d+(?:\s+\d+)+",
    r"dang tai\.*",
    r"loading\.*",
    r"du lieu dang duoc cap nhat\s*[.!…]*",  # a standings or fixtures widget printed before its data loads
    r"tim kiem\.*",
    r"\(?anh minh hoa\)?",
    r"\(con (?:nua|tiep)(?:\.\.\.|…)?\)\.?",  # a serial's "(Còn nữa)", "(Còn tiếp...)"
    r"thong ke truy cap",
    r"luot truy cap",
    r"truy cap",
    r"bo dem truy cap",
)
_JUNK = re.compile("|".join(JUNK_LINES))

# Lines that begin a footer, a banner or a site header: dropped at any length up to a short paragraph.
JUNK_PREFIXES = (
    r"co quan chu quan",
    r"ban quyen",
    r"copyright",
    r"©",
    r"\(c\) ",
    r"dia chi\s*:",
    r"tru so\s*:",
    r"dien thoai\s*:",
    r"dt\s*:",
    r"tel\s*:",
    r"fax\s*:",
    r"e-?mail\s*:",
    r"hotline\s*:",
    r"giay phep",
    r"chiu trach nhiem",
    r"nguoi chiu trach nhiem",
    r"truong ban bien tap",
    r"ghi ro nguon",
    r"phat trien boi",
    r"thiet ke boi",
    r"designed by",
    r"powered by",
    r"cong thong tin dien tu",
    r"trang thong tin dien tu",
    r"trang tin dien tu",
    r"website chinh thuc",
    r"trang chu\s*[/›»>|-]",
    r"ban dang o\s*:?",
    r"vi tri\s*:",
    r"intnumview",
    r"var ",
    r"function\s*\(",
    r"document\.",
    r"nhiet liet chao mung",
    r"chao mung ky niem",
    r"chao mung dai hoi",
    r"tu khoa\s*:",
    r"tags?\s*:",
    r"tin, anh lien quan",
    r"lien ket\s*:",
)
# A one-line pointer to another article inside the body: "Xem thêm: <headline>", ">> <headline>".
_RELATED_LINK = re.compile(
    r"(?:xem them|doc them|tin lien quan|bai lien quan|tin bai lien quan|co the ban quan tam|xem tiep)\s*[:>»]+\s*\S"
)
_POINTER_MARKS = (">>", "»»", "≫", "> >")
# "=> Xem thêm những hình ảnh … trên VietNamNet.": an arrow makes the call to read on a link without a colon
_ARROWED_LINK = re.compile(r"(?:=>|->|→)\s*(?:xem|doc) (?:them|tiep)\b")
MAX_RELATED_WORDS = 40

_JUNK_PREFIX = re.compile("(?:" + "|".join(JUNK_PREFIXES) + ")")

# Headings that open a related list, a sidebar or a footer: once the body has started, the body stops here.
SECTION_HEADINGS = (
    r"(?:cac )?tin (?:khac|lien quan|cung chuyen muc|cung loai|da dua|moi(?: nhat| hon| dang)?|cu hon)",
    r"(?:cac )?bai (?:khac|lien quan|cung chuyen muc|viet khac|viet lien quan|da dang)",
    r"(?:cac )?tin bai (?:khac|lien quan)",
    r"tin (?:noi bat|tieu diem|doc nhieu|xem nhieu|nhieu nguoi doc)",
    r"(?:doc|xem) nhieu(?: nhat)?",
    r"tin hot",
    r"su kien noi bat",
    r"tieu diem",
    r"van ban (?:moi|chi dao(?: dieu hanh)?|dieu hanh|moi ban hanh|phap luat)",
    r"lich cong tac(?: tuan)?",
    r"binh chon",
    r"tham do y kien",
    r"thu vien (?:anh|video|hinh anh)",
    r"video(?: clip)?",
    r"album anh",
    r"lien ket (?:website|web|trang)",
    r"website lien ket",
    r"lien ket",
    r"thong ke truy cap",
    r"(?:so )?luot truy cap",
    r"dich vu cong(?: truc tuyen)?",
    r"bo phan mot cua",
    r"chuyen muc",
    r"y kien ban doc",
    r"gui y kien(?: ban doc)?",
    r"hoi dap(?: truc tuyen)?",
    r"quang cao",
    r"thong bao",
    r"tin anh",
    r"anh dep",
    r"media",
    r"danh muc",
    r"bai viet moi",
    r"cac chuyen muc",
    r"(?:cac )?tin (?:trong|ngoai) (?:huyen|tinh|nuoc)",
)
_SECTION = re.compile(r"(?:" + "|".join(SECTION_HEADINGS) + r")\s*(?:[:»›>]|\(\d+\))?\s*")

_INLINE_BOX = re.compile(
    r"(?:cac )?(?:tin|bai(?: viet)?|tin bai) (?:lien quan|cung chu de)|xem them|doc them|co the ban quan tam|"
    r"quang cao|advertisement"
)

_WEAK_HEADING = re.compile(
    r"thong bao|video(?: clip)?|media|danh muc|chuyen muc|tieu diem|lien ket|hoi dap(?: truc tuyen)?|tin anh|anh dep"
)

# "Title of another article (12/08/2020)": an item of a related list.
_LISTED_ITEM = re.compile(r".{8,}\s*\(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:\s+\d{1,2}:\d{2})?\)\s*$")

_DATE = re.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2} thang \d{1,2} nam \d{4}"
    r"|(?<![\d/.:-])(?:[0-2]?\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d\d(?![\d/.:-])"  # "08 08 2019" (Lạc Việt)
    r"|(?<![\d/.])\d{1,2}/\d{1,2}/\d{2}(?=\s+\d{1,2}:\d{2}(?![\d/]))"  # "27/05/13 08:57 GMT+7" (aggregators)
    # "2026-02-03T14:16:50+00:00": a dataset record's ISO 8601 timestamp, its clock and offset with it
    r"|(?<![\d/.-])(?:19|20)\d\d-[01]\d-[0-3]\d(?:t[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-][01]\d:?[0-5]\d)?)?(?![\d/.-])"
)
_DATE_LABEL = re.compile(
    r"(?:ngay )?(?:dang|cap nhat|dang tai|xuat ban|ngay dang|ngay cap nhat|dang ngay|cap nhat luc|"
    r"thoi gian|ngay|luc|posted|published|updated)\b|thu (?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu nhat"
)

# The time a print view was made, or today's date in a page header: never the article's date. Today's date opens
# the header's line or a part of it ("Hôm nay: Thứ Ba, 20/05/2025", "… | Hôm nay: 20/05/2025"); inside a running
# line it is a headline's ("Giá vàng hôm nay 6/4/2025 rời xa đỉnh cao …").
_PRINT_STAMP = re.compile(
    r"\b(?:ngay in|in luc|in ngay|thoi gian in|printed|ngay hom nay|hom nay la)\b|"
    r"(?:^|[|•·])\W*hom nay\s*[:,]?\s*(?:thu|chu nhat|ngay \d|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})"
)

# A sentence end, not the period of an abbreviation that headlines use ("TP. Hạ Long", "ThS.", "PGS.TS.").
# Read token by token: a regex "(\S*)[.!?…]" backtracked over every position of a long token (100 KB: 218 s).
_SENTENCE_MARKS = (".", "!", "?", "…")
_CLOSERS = '"”’)'
_MAY_END_SENTENCE = (*_SENTENCE_MARKS, *_CLOSERS)
# Quotes and brackets that may close a question or an exclamation ('… câu hỏi: "Vốn ở đâu?"').
QUESTION_CLOSERS = '"”’)»'


def asks_or_exclaims(text: str) -> bool:
    """Whether the text ends on "?" or "!", behind any closing quotes or brackets."""
    return text.rstrip(QUESTION_CLOSERS).endswith(("?", "!"))


ABBREVIATIONS = frozenset(
    (
        "tp",
        "tx",
        "tt",
        "q",
        "h",
        "x",
        "p",
        "ths",
        "ts",
        "pgs",
        "gs",
        "ks",
        "bs",
        "ls",
        "th.s",
        "pgs.ts",
        "gs.ts",
        "đ/c",
        "tr",
        "vd",
        "v.v",
        "st",
        "sđd",
    )
)

MAX_WIDGET_CHARS = 400

_BULLETS = "•·●○◦▪▫■□►▶»›-–—*+ \t\u00a0\u200b"


def fold(line: str) -> str:
    """The folded, whitespace-collapsed form every pattern here is written for."""
    return " ".join(fold_diacritics(line).split())


def strip_bullets(line: str) -> str:
    return line.strip(_BULLETS)


def word_count(line: str) -> int:
    return len(line.split())


def is_datestamp(folded: str) -> bool:
    """A short line that is a date with a label, a time or a counter beside it, and nothing else."""
    if not _DATE.search(folded) or len(folded.split()) > 14:
        return False
    rest = _DATE.sub(" ", folded)
    rest = re.sub(r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*[:]\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?", " ", rest)
    rest = _COUNTER.sub(" ", rest)
    rest = _DATE_LABEL.sub(" ", rest)
    rest = re.sub(r"[\s|/·•»›>\-–—:,.;()\[\]*]+|gmt\+?\d*|\+07:?00", " ", rest)
    return len(rest.split()) <= 2


def is_print_stamp(line: str) -> bool:
    """ "Ngày in: ...", "In lúc ...": when a print view was made, not when the article was published."""
    return bool(_PRINT_STAMP.search(fold(line)))


def _is_counter(folded: str) -> bool:
    return bool(_COUNTER.fullmatch(folded) or _IP_LINE.fullmatch(folded))


_IMAGE_MARKER = re.compile(r"\[\s*(?:img|image|photo|hinh|anh|hinh anh)\s*\]")


def classify_line(line: str) -> LineKind:
    """What a single visible line of a portal page is, judged by its words."""
    text = strip_bullets(line)
    if not text:
        return LineKind.JUNK
    if text.startswith("[") and _IMAGE_MARKER.fullmatch(fold(text)):
        return LineKind.IMAGE
    if len(text) > MAX_WIDGET_CHARS:
        return LineKind.PROSE  # every widget pattern is a short line; skip folding long paragraphs
    folded = fold(text)
    words = len(folded.split())
    if words <= 10 and _SECTION.fullmatch(folded):
        return LineKind.SECTION_END
    if words <= 16 and _PRINT_STAMP.search(folded):
        return LineKind.JUNK
    if words <= 12 and is_datestamp(folded):
        return LineKind.DATESTAMP
    if words <= 8 and (_is_counter(folded) or _JUNK.fullmatch(folded)):
        return LineKind.JUNK
    if words <= 16 and _ACTIONS_ONLY.fullmatch(folded):
        return LineKind.JUNK
    if words <= MAX_RELATED_WORDS and (
        _RELATED_LINK.match(folded) or _ARROWED_LINK.match(folded) or line.lstrip().startswith(_POINTER_MARKS)
    ):
        return LineKind.JUNK
    if words <= 40 and _JUNK_PREFIX.match(folded):
        return LineKind.JUNK
    if words <= 30 and _LISTED_ITEM.match(folded) and not folded.endswith((".", "!", "?")):
        return LineKind.JUNK
    return LineKind.PROSE


def is_weak_heading(line: str) -> bool:
    """Section words an article may also use as its own subheading."""
    return bool(_WEAK_HEADING.fullmatch(fold(strip_bullets(line)).rstrip(" :")))


def is_inline_box_heading(line: str) -> bool:
    """A heading of a box that may sit between two paragraphs: related links or an advertisement."""
    return bool(_INLINE_BOX.fullmatch(fold(strip_bullets(line)).rstrip(" :»>")))


def is_section_heading(line: str) -> bool:
    return classify_line(line) is LineKind.SECTION_END


def ends_sentence(word: str) -> bool:
    """A word that closes a sentence: "2024.", '… nói."', "(ông A).", "Mẹ !." (two marks); not "TP." or an initial
    "H."."""
    closed = word.rstrip(_CLOSERS)
    if not closed.endswith(_SENTENCE_MARKS):
        return False
    token = closed[:-1].lower().lstrip('("“')
    if not token.strip(_CLOSERS):
        return True  # a mark standing apart after a closing quote ('… hôm nay ”.') ends the quoted sentence
    if len(token) == 1:
        return token.isdigit() or token in _SENTENCE_MARKS or _one_letter_word(closed[:-1].lstrip('("“'))
    return token.isdigit() or token not in ABBREVIATIONS  # "khu phố 3." ends a sentence


def _one_letter_word(letter: str) -> bool:
    """A word of one letter written small with its marks ("ở", "ý": "… có nhà ở."), not an initial ("H.") nor an
    abbreviation ("p.", "q.", "đ." for đồng)."""
    return letter.islower() and not letter.isascii() and letter != "đ"


@lru_cache(maxsize=4096)  # body selection asks it of the same lines again and again
def is_sentence_prose(line: str, min_words: int = 12) -> bool:
    """A paragraph of running text: long enough and with sentence punctuation (headlines rarely have it)."""
    words = line.split()
    if len(words) < min_words:
        return False
    # only a word ending on a mark or a closer can close a sentence: most words need no closer look
    return any(
        (ends_sentence(word) or _numbered_term_ends(words, i))
        and not _suspends(word, words[i + 1] if i + 1 < len(words) else "")
        for i, word in enumerate(words)
        if word.endswith(_MAY_END_SENTENCE)
    )


# Words a Roman numeral of one letter numbers ("khóa X", "Đại hội X", "lần thứ V"), and those letters.
_NUMBERED_BY_ROMAN = frozenset("khóa khoá thứ hội lần kỳ".split())  # noqa: SIM905
_ONE_LETTER_ROMANS = frozenset("IVX")


def _numbered_term_ends(words: list[str], i: int) -> bool:
    """A one-letter Roman numeral and its stop after the word it numbers ("… Ban chấp hành trung ương khóa X."):
    the sentence ends, although "X." alone reads like an initial."""
    word = words[i].rstrip(_CLOSERS)
    return (
        i > 0 and word[:-1] in _ONE_LETTER_ROMANS and word.endswith(".") and words[i - 1].lower() in _NUMBERED_BY_ROMAN
    )


def _suspends(word: str, following: str) -> bool:
    """An ellipsis that a word in lower case follows holds the sentence in suspense, as headlines do ("Xong
    ba năm vẫn chờ... đường vào"); it closes nothing."""
    return word.endswith(("...", "…")) and following[:1].islower()


# Words a headline cannot end on: a line ending on one was wrapped and goes on below ("... nhiệm" / "kỳ").
# Written with their tone marks: folded, "thứ" would also be "thư" and "từ" would be "tư", which can. Words
# that also close a phrase ("chuyển đổi số", "50 năm", "định kỳ", "trở về", "mô hình hay") are left out.
UNFINISHED_ENDINGS = frozenset(
    "của và tại với trong theo các những lần thứ khóa khoá nhiệm từ đến để nhằm đối giữa hoặc".split()  # noqa: SIM905
)
_WRAP_MARKS = (",", "-", "–", "—", "&")
MAX_HEADLINE_WORDS = 60
MIN_FRAGMENT_WORDS = 2
MAX_CATEGORY_WORDS = 6  # a line above the headline this short is its category, not its first half


def _sentence_ended(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "…", ":", ";", '"', "”"))


def continues_headline(upper: str, lower: str) -> bool:
    """`lower` is the rest of a headline wrapped after `upper`: `upper` is left open and `lower` goes on
    (starts in lower case, or `upper` ends on a comma, a dash or a word no headline ends with)."""
    if _sentence_ended(upper) or min(word_count(upper), word_count(lower)) < MIN_FRAGMENT_WORDS:
        return False
    if word_count(upper) + word_count(lower) > MAX_HEADLINE_WORDS or upper.isupper() != lower.isupper():
        return False
    first = strip_bullets(lower)[:1]
    last = match_form(nfc(upper)).split()[-1].lower()
    return first.islower() or upper.rstrip().endswith(_WRAP_MARKS) or last in UNFINISHED_ENDINGS


# A leader's card on an organisation page: a title label ("- Chánh Thanh tra:"), the person ("Ông: Lê Văn
# A") and contact lines ("ĐT: 0263 …"), each on a line of its own.
_CARD_PERSON = re.compile(r"(?:ông|bà|đồng chí|đ/c)\s*:?\s+(\S.*)", re.IGNORECASE)
_CARD_CONTACT = re.compile(r"(?:đt|dđ|sđt|điện thoại|số điện thoại|email|e-mail|fax)\s*:", re.IGNORECASE)
MAX_CARD_LABEL_WORDS = 8


def card_person(line: str) -> str | None:
    """The name of a card's person line ("Ông: Lê Văn A", "Bà Trần Thị B"), else None."""
    match = _CARD_PERSON.fullmatch(strip_bullets(line).strip())
    return match.group(1).strip() if match else None


def is_card_label(line: str) -> bool:
    """A short label ending in a colon ("- Các Phó Giám đốc Sở:"), which a card's person lines follow."""
    text = strip_bullets(line).strip()
    return text.endswith(":") and 1 < word_count(text) <= MAX_CARD_LABEL_WORDS


def is_card_contact(line: str) -> bool:
    return bool(_CARD_CONTACT.match(strip_bullets(line).strip()))
