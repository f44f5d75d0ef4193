"""Tokens and Vietnamese personal names for the officials extractor.

A name is a run of 2-5 capitalised syllables that starts with a family name from `surnames.txt` (runs with
no listed family name are returned apart by `scan_names`, for the officials extractor to judge by context). When a
place name stands right before the person ("Chủ tịch UBND xã Nậm Pồ Lò Văn B"), the capitalised run holds
both and is split where the person's name most plausibly begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.facts.syllables import MIN_GLUED_LETTERS, glued_cut_between, is_syllable
from extractors.normalize import match_form


def words(spec: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(spec.split())


_SURNAME_FILE = Path(__file__).with_name("surnames.txt")
_NOT_PERSON_FILE = Path(__file__).with_name("not_person_names.txt")

# A word keeps inner apostrophes so that "H'Hen" and "K'Bình" stay one syllable, and an inner "&" so that a
# unit's acronym stays one word ("Sở TT&TT", "Phòng VH&TT").
_WORD = r"[^\W\d_](?:[\w'’]*[^\W_])?"
# A highland name's prefix is also written apart from the name it opens ("K' Brốp", "Y' Bhiơ"): one word.
_PREFIXED_APART = r"[HKRY]['’] (?=[^\W\d_])"
# A run of dashes is one dash ("Ông A -- Cục trưởng …", written for want of "–").
_DASHES = r"[-–—]{2,}"
_TOKEN = rf"(?:{_PREFIXED_APART})?{_WORD}(?:&{_WORD})*|\d+(?:[.,]\d+)*|{_DASHES}|\S"
_TOKEN_RE = re.compile(_TOKEN)
# Tokens and the white space between them, so that offsets follow from the lengths (no match objects).
_TOKEN_OR_SPACE_RE = re.compile(rf"\s+|{_TOKEN}")
_PREFIXED_APART_RE = re.compile(_PREFIXED_APART)
# Marks that close a word as a token of their own: after a word they are never part of it.
_CLOSING_MARKS = frozenset(",.;:!?)")

# Forms of address before a name: "ông", "bà", and the honorific "Ngài" (never part of the name).
ADDRESS_TERMS: frozenset[str] = words("ông bà ngài")
# Capitalised words that never belong to a person's name (title and organisation words, forms of address).
NAME_STOP: frozenset[str] = (
    words(
        """ban đảng ủy bí chủ phó trưởng giám tỉnh huyện xã phường sở phòng hội ubnd hđnd mttq
    bộ cục viện tòa mặt"""
    )
    | ADDRESS_TERMS
)
# Capitalised words that are never a syllable of a name: a run stops before them where a subheading lost
# its full stop ("... Thứ trưởng Hồ Thị B Với bà Hồ Thị B, ...").
NEVER_NAME_WORDS: frozenset[str] = words("với theo ngày tại trong sau khi các những ảnh cùng về để trên dưới được")
# Times of day, which open a sentence before a date ("Nguyễn Văn B Chiều 3/6, ...") but may be given names.
TIMES_OF_DAY: frozenset[str] = words("sáng chiều tối trưa đêm")
# "Năm 1934, …", "Tháng 5/1945, …": a sentence opening on a year or month after a name without its full stop.
DATE_WORDS_BEFORE_NUMBER: frozenset[str] = words("năm tháng")
YEAR_DIGITS = 4
DAY_WORDS_AFTER_TIME: frozenset[str] = words("ngày nay qua mai hôm")
# Kinds of school after "Trường", which then heads the school's name ("Đoàn Trường Đại học Tổng hợp"), not a
# given name: the two syllables of the kind, the first capitalised.
SCHOOL_KINDS: frozenset[tuple[str, str]] = frozenset(
    [("đại", "học"), ("cao", "đẳng"), ("trung", "học"), ("tiểu", "học"), ("mầm", "non"), ("chính", "trị")]
)
# A capitalised word followed by one of these lower-case syllables is half of a compound ("Thành ủy",
# "Thị xã", "Văn phòng", "Đồng chí"), not a name syllable.
COMPOUND_TAILS: frozenset[str] = words(
    "ủy viên phố đoàn trấn chí phòng ương biểu niên tra trực vụ sư luận hồi lời sẻ mạnh định cao học"
)
# Tails that also open a verb after a name ("Lò Văn B biểu dương", "... B trực tiếp"): a compound only with
# these capitalised first syllables.
COMPOUND_TAIL_HEADS: dict[str, frozenset[str]] = {
    "biểu": words("đại tiêu phát"),  # "… Trần Thanh B Phát biểu tại hội nghị" (a caption's verb, capitalised)
    "luận": words("kết"),  # "… Trần Thanh B Kết luận hội nghị"
    "trực": words("thường"),
    "tra": words("thanh kiểm"),
    "phòng": words("văn quốc"),
    "sư": words("luật"),  # "Đoàn Luật sư"
    "học": words("đại"),  # "Phó Bí thư Đoàn Trường Đại học …": a school, not "Đoàn Trường Đại"
    # Verbs that open a sentence after a caption or heading without its full stop: "… Nguyễn Thế B Phản hồi ý
    # kiến …", "Trả lời", "Chia sẻ", "Nhấn mạnh", "Khẳng định".
    "hồi": words("phản"),
    "lời": words("trả"),
    "sẻ": words("chia"),
    "mạnh": words("nhấn"),
    "định": words("khẳng"),
    "cao": words("cấp"),  # "Đoàn Cấp cao Việt Nam": a delegation, not a person named "Đoàn Cấp"
    # "Công đoàn", "Tập đoàn", "Sư đoàn"; after a name "đoàn" is a deputy's delegation ("Đại biểu Mai Sỹ B đoàn
    # Thanh Hóa"), the name whole before it
    "đoàn": words("công tập liên đại sư lữ trung tiểu binh quân phái thành tỉnh huyện quận nghiệp"),
    "trấn": words("thị"),  # "Thị trấn"; "… Phạm Quang B trấn an": the verb "trấn an", "trấn áp" after the name
}
# Words before a run that make it start with a place name ("xã Nậm Pồ ...", "khu dân cư Kim Tân ...", "TP Hà
# Nội ...", "TP. Hải Phòng ...": a place before a personal name belongs to the title before it).
PLACE_WORDS: frozenset[str] = words("xã phường huyện tỉnh quận trấn phố thôn bản ấp làng khu xóm buôn sóc cư tp tx")
# Abbreviated place words that a full stop may follow ("TP. Hải Phòng").
DOTTED_PLACE_WORDS: frozenset[str] = words("tp tx tt q h p x")
# Organisation words after which a two-syllable run is a place ("Bí thư Huyện ủy Lục Yên"). "Trung ương" also
# closes a body whose own name may follow it: "Trung ương Đoàn Lê Quốc B" is "Trung ương Đoàn" and "Lê Quốc B".
ORG_WORDS: frozenset[str] = words("ủy ubnd hđnd mttq ương")
# Units named after a place ("bệnh viện Bạch Mai", "Trường Lê Lợi", "Trung tâm …"): a run after one may open
# with that name ("Giám đốc bệnh viện Bạch Mai Nguyễn Quang B").
NAMED_UNITS: frozenset[str] = words("viện trường tâm sở cục")
# Any of the words above: a run after one of them may open with a place's name.
BEFORE_A_PLACE: frozenset[str] = PLACE_WORDS | DOTTED_PLACE_WORDS | ORG_WORDS | NAMED_UNITS
# Family names that also open many place names ("huyện Lục Yên", "xã Hà Lâm", "huyện Đoàn Hùng"): after
# "xã"/"huyện"... a run starting with one of these is a person only with a middle name ("Hà Văn B").
PLACE_SURNAMES: frozenset[str] = words("hà lâm cao mai kim lý thái phan hồ ninh bạch lạc lục đinh đoàn vũ tô chu la")
# Family names that open no place name: after "huyện"/"xã" ("nguyên Chủ tịch HĐND huyện Ksor B") a short
# run starting with one is the person, not the place.
# Family names that also open a listed organisation word ("Tập Đoàn" for "Tập đoàn"): such a run is no name.
ORGAN_SURNAMES: frozenset[str] = words("tập")
# Chinese family names as Vietnamese writes them ("Bí thư Tỉnh ủy Vưu Thành", "Tỉnh trưởng Vu Đức Lâm") open none
# either.
PERSON_ONLY_SURNAMES: frozenset[str] = words("ksor siu nay rah rmah kpuih puih rcom niê điểu kpă rahlan vưu vu")
# Common middle names: a family name followed by one of these is very likely a person.
MIDDLE_NAMES: frozenset[str] = words(
    """văn thị đức minh quang hữu đình ngọc xuân thanh hồng thu kim công quốc mạnh trọng tiến duy bá
    sỹ sĩ khắc thế anh huy như bích thúy thùy phương trường hải tuấn việt đăng xuân tất trung viết
    hoài diệu mỹ lan cẩm tấn a seo mí thành phú gia khánh bảo nhật thiên vĩnh chí trí hoàng thái
    quý phúc đại đắc"""
)

# Family names of two or more syllables, as case-folded word tuples; a name may run three syllables past
# one ("Công Tằng Tôn Nữ Thị Hạnh") and never starts inside it ("Tôn Nữ Hạnh" is not the whole name).
COMPOUND_SURNAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(name.split())
    for name in (
        "công tằng tôn nữ",
        "công huyền tôn nữ",
        "tôn nữ",
        "tôn thất",
        "nguyễn phúc",
        "nguyễn phước",
        "âu dương",
    )
)
_COMPOUNDS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _compound in sorted(COMPOUND_SURNAMES, key=len, reverse=True):
    _COMPOUNDS_BY_FIRST.setdefault(_compound[0], []).append(_compound)
# "Ông" is a family name as well as "Mr": a capitalised "Ông" is the name's first syllable before "Thị"
# ("Ông Thị Hồng A"), or before a middle name where a form of address or a list comma stands before it
# ("đồng chí Ông Văn B", ", Ông Văn B,"); at a sentence start "Ông Văn B" stays "Mr Văn B".
SURNAME_ONG_AFTER: frozenset[str] = words("chí ông bà ,")
# Words opening a run of capitals that address the person named after them ("ÔNG", "BÀ", "ĐỒNG CHÍ").
ADDRESS_OPENERS: frozenset[str] = ADDRESS_TERMS | {"đồng"}


@dataclass(slots=True)
class Token:
    """One word, number or punctuation mark with its offsets; `key` is its case-folded matching form.

    The shape flags are computed once here because every rule asks them many times.
    """

    text: str
    key: str
    start: int
    end: int
    is_word: bool = False
    is_cap: bool = False
    is_lower_word: bool = False
    is_abbr: bool = False


Boundary = Callable[[list[Token], int], bool]


@dataclass(frozen=True)
class NameSpan:
    """A person's name: token indexes `first`..`last` (inclusive) and character offsets."""

    first: int
    last: int
    start: int
    end: int
    text: str
    place_like: bool = False  # also a listed place, ward, school or street name ("Lê Hồng Phong")
    given_only: bool = False  # a later mention by the given name ("ông Cường"); `text` is the full name


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` with keys taken from its same-length matching form.

    Only a highland prefix ("K' Brốp") makes a token across white space, so without one the text is cut at
    white space first and most pieces, plain words, are tokens as they stand; the rest go through the token
    pattern."""
    folded = match_form(text).casefold()
    if len(folded) != len(text):  # a few characters change length when case-folded
        folded = match_form(text).lower()
    tokens: list[Token] = []
    if _PREFIXED_APART_RE.search(text):
        _add_tokens(tokens, _TOKEN_OR_SPACE_RE.findall(text), 0, folded)
        return tokens
    end = 0
    chunks = text.split()
    append = tokens.append
    for i, chunk in enumerate(chunks):
        start = text.index(chunk, end)
        end = start + len(chunk)
        if chunk.isalpha():
            if (cut := _opener_glued_at(chunk)) is not None:
                _add_tokens(tokens, [chunk[:cut], chunk[cut:]], start, folded)
                continue
            upper = chunk[0].isupper()
            # only a capitalised word of MIN_GLUED_LETTERS or more may be two glued ("Lâmtrao"): the test below
            # spares the rest, most words, the look at their neighbours
            if not upper or len(chunk) < MIN_GLUED_LETTERS or _glued_cut_at(chunks, i) is None:
                abbr = upper and len(chunk) > 1 and chunk.isupper()
                append(Token(chunk, folded[start:end], start, end, True, upper, not upper, abbr))
                continue
        elif chunk[-1] in _CLOSING_MARKS and (word := chunk[:-1]).isalpha():
            # a word and its comma or stop ("nay,", "Nội."), a fifth of the chunks: the two tokens the pattern
            # would give; a capitalised word that may be two glued is left to it
            upper = word[0].isupper()
            if not upper or len(word) < MIN_GLUED_LETTERS:
                abbr = upper and len(word) > 1 and word.isupper()
                append(Token(word, folded[start : end - 1], start, end - 1, True, upper, not upper, abbr))
                append(Token(chunk[-1], folded[end - 1 : end], end - 1, end))
                continue
        previous = chunks[i - 1] if i else None
        following = chunks[i + 1] if i + 1 < len(chunks) else None
        _add_tokens(tokens, _TOKEN_RE.findall(chunk), start, folded, previous, following)
    return tokens


def _opener_glued_at(chunk: str) -> int | None:
    """Where a word that opens a sentence and is never a name's syllable starts inside `chunk`, glued to the word
    before it where a caption met the next paragraph ("Bộ trưởng Bùi Quang VinhTrong các phiên …"): the two
    are tokens apart, so that a name stops before it as it does before "Trong" written apart."""
    if chunk[1:].islower() or chunk.isupper():
        return None  # the usual case, tested with string methods only
    for cut in range(len(chunk) - 1, 0, -1):
        if chunk[cut].isupper() and chunk[cut - 1].islower():
            return cut if match_form(chunk[cut:]).casefold() in NEVER_NAME_WORDS else None
    return None


def _glued_cut_at(chunks: list[str], i: int) -> int | None:
    """`glued_cut_between` of the white-space separated word `chunks[i]` among its neighbours."""
    previous = chunks[i - 1] if i else None
    following = chunks[i + 1] if i + 1 < len(chunks) else None
    return glued_cut_between(chunks[i], previous, following)


def _add_tokens(
    tokens: list[Token],
    pieces: list[str],
    start: int,
    folded: str,
    previous: str | None = None,
    following: str | None = None,
) -> None:
    """Tokens of `pieces`, consecutive pieces of the text from offset `start` on (white space skipped); the
    words around them (`previous`, `following`) tell a glued word from a foreign name's (`syllables`)."""
    append = tokens.append
    for piece in pieces:
        end = start + len(piece)
        cut = glued_cut_between(piece, previous, following) if piece[0].isalpha() else None
        if cut is not None:  # "Lâmtrao": a link's last syllable glued to the next word (`syllables`)
            _add_tokens(tokens, [piece[:cut], piece[cut:]], start, folded)
        elif piece[0].isalpha():
            upper = piece[0].isupper()
            abbr = upper and len(piece) > 1 and piece.isupper()
            append(Token(piece, folded[start:end], start, end, True, upper, not upper, abbr))
        elif not piece[0].isspace():
            # Only the dash-run alternative of _TOKEN starts with a dash and is longer than one character.
            key = "-" if piece[0] in "-–—" and len(piece) > 1 else folded[start:end]
            append(Token(piece, key, start, end))
        start = end


def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(match_form(line.strip()).casefold() for line in lines if line.strip() and line[0] != "#")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _word_list(_SURNAME_FILE)


@lru_cache(maxsize=1)
def not_persons() -> frozenset[str]:
    """Places, wards and historical figures whose names look like a living official's."""
    return _word_list(_NOT_PERSON_FILE)


def is_surname(token: Token) -> bool:
    return token.key in surnames() or _is_prefixed_name(token)


def _is_prefixed_name(token: Token) -> bool:
    """Highland names written with a prefix and apostrophe ("H'Hen", "K'Bình", "Y' Bhiơ") are complete on their
    own."""
    return len(token.key) > 2 and token.key[1] in "'’" and token.key[0] in "hkry"


def joined(tokens: list[Token], left: int, right: int) -> bool:
    """Tokens `left` and `right` (adjacent indexes) are separated by exactly one space or nothing."""
    return tokens[right].start - tokens[left].end <= 1


def _name_syllable(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if not token.is_word or not token.is_cap or token.is_abbr:
        return False
    if (token.key in NAME_STOP and not is_surname(token)) or token.key in NEVER_NAME_WORDS:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.key in TIMES_OF_DAY and nxt is not None and (nxt.key[:1].isdigit() or nxt.key in DAY_WORDS_AFTER_TIME):
        return False
    if token.key in DATE_WORDS_BEFORE_NUMBER and _opens_date(tokens, i):
        return False
    if token.key == "trường" and _school_kind_after(tokens, i):
        return False
    if nxt is None or not nxt.is_lower_word or nxt.key not in COMPOUND_TAILS or not joined(tokens, i, i + 1):
        return True
    if nxt.key == "biểu" and i + 2 < len(tokens) and tokens[i + 2].key == "dương":
        return True  # "Nguyễn Văn Phát biểu dương …": the verb "biểu dương" after the name
    heads = COMPOUND_TAIL_HEADS.get(nxt.key)
    return heads is not None and token.key not in heads


def _school_kind_after(tokens: list[Token], i: int) -> bool:
    """Whether a kind of school follows token `i` ("Trường Đại học …", "Trường Cao đẳng …")."""
    pair = tokens[i + 1 : i + 3]
    return len(pair) == 2 and pair[0].is_cap and (pair[0].key, pair[1].key) in SCHOOL_KINDS


def _opens_date(tokens: list[Token], i: int) -> bool:
    """ "Năm" before a year ("Năm 1934"), "Tháng" before a month of a year ("Tháng 5/1945", "Tháng 8 năm 1945"),
    not a given name before a count ("Lê Văn Năm 2 lần")."""
    if i + 1 >= len(tokens) or not tokens[i + 1].key.isdigit():
        return False
    if tokens[i].key == "năm":
        return len(tokens[i + 1].key) == YEAR_DIGITS
    return i + 2 < len(tokens) and tokens[i + 2].key in ("/", "năm")


# A middle name and an organisation word that together name an organ, never a person's given name.
ORGAN_PAIRS: frozenset[tuple[str, str]] = frozenset([("quốc", "hội")])


def _given_name_after_middle(tokens: list[Token], first: int, i: int) -> bool:
    """A given name that is also an organisation word completes "Nguyễn Văn" ("Nguyễn Văn Huyện", "Vũ Văn
    Viện"): a family name and "Văn"/"Thị" alone are never a whole name. After another middle name ("Nguyễn Thanh
    Hội", "Bùi Viết Hội") it does where no organ's field follows it: a mark, or a lower-case word ("…, Chủ tịch
    UBND phường", "… cho biết"), not a capitalised one ("Hội Nông dân"); so does a word that opens a sentence
    ("Tại", "Được") before a mark."""
    token = tokens[i]  # the run may hold a place before the name ("… TP Hà Nội Vũ Văn Viện cho hay")
    if i < first + 2 or not is_surname(tokens[i - 2]) or not token.is_cap or token.is_abbr:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.key in NEVER_NAME_WORDS:  # "ông Lê Ngọc Tại - Trưởng phòng …", not "… Lê Ngọc B Tại buổi lễ"
        if tokens[i - 1].key in ("văn", "thị"):
            return True  # a family name and "Văn"/"Thị" are never a whole name: "ông Nguyễn Văn Được tham gia …"
        ends = nxt is not None and (nxt.key in CLOSING_MARKS or (nxt.is_lower_word and nxt.key in VERBS_AFTER_NAME))
        return tokens[i - 1].key in MIDDLE_NAMES and ends
    if token.key not in NAME_STOP or token.key in ADDRESS_TERMS:
        return False
    if tokens[i - 1].key in ("văn", "thị"):
        return nxt is None or not (nxt.is_lower_word and nxt.key in COMPOUND_TAILS and joined(tokens, i, i + 1))
    if tokens[i - 1].key not in MIDDLE_NAMES or (tokens[i - 1].key, token.key) in ORGAN_PAIRS:
        return False
    if nxt is None or nxt.key in CLOSING_MARKS:
        return True
    return nxt.is_lower_word and nxt.key not in COMPOUND_TAILS


CLOSING_MARKS: frozenset[str] = frozenset(",-–—():;.")
# What a person does right after being named ("Đại tá Trần Quang Trong đã từ chối", "… Lê Văn Sau cũng cho
# biết"): a sentence that opens on "Trong", "Sau", "Tại" goes on with a noun ("Trong khi", "Tại buổi lễ").
VERBS_AFTER_NAME: frozenset[str] = words("đã cũng đang sẽ vẫn nói khẳng nhấn trả")


def _closing_stop_word(tokens: list[Token], first: int, i: int) -> bool:
    """An organisation word that ends a highland name opened by a prefixed syllable ("H'Vi Ê Ban, Bí thư …"):
    before a comma, a dash or a parenthesis it heads no organ ("Ban Tuyên giáo" goes on in capitals)."""
    token = tokens[i]
    if i < first + 2 or not _is_prefixed_name(tokens[first]) or not token.is_cap or token.is_abbr:
        return False
    if token.key not in NAME_STOP or token.key in ADDRESS_TERMS:
        return False
    return i + 1 >= len(tokens) or tokens[i + 1].key in CLOSING_MARKS


def _organ_word_as_given_name(tokens: list[Token], first: int, i: int) -> bool:
    """An organisation word that is the given name of a two-syllable name after a form of address, before a comma,
    a dash or a parenthesis ("ông Hà Ban, Phó trưởng ban …", "bà Lê Hội - Chủ tịch …"): an organ's name goes on in
    capitals ("Ban Tuyên giáo"), and no organ is addressed as "ông"."""
    token = tokens[i]
    if i < first + 1 or i < 2 or not token.is_cap or token.is_abbr:
        return False
    if token.key not in NAME_STOP or token.key in ADDRESS_TERMS or tokens[i - 1].key in NAME_STOP:
        return False
    addressed = tokens[i - 2].key in ADDRESS_TERMS or (
        i >= 3 and (tokens[i - 3].key, tokens[i - 2].key) == ("đồng", "chí")
    )
    closed = i + 1 < len(tokens) and tokens[i + 1].key in CLOSING_MARKS
    return addressed and closed and is_surname(tokens[i - 1])


# Organ words that are also middle names ("Lê Bộ Lĩnh"); acronyms and forms of address never are.
ORGAN_MIDDLE_NAMES: frozenset[str] = NAME_STOP - ADDRESS_TERMS - words("ubnd hđnd mttq")


def _organ_word_as_middle(tokens: list[Token], first: int, i: int) -> bool:
    """An organisation word right after a family name is a middle name where a name syllable follows it and
    that ends the run ("Ông Lê Bộ Lĩnh - Phó Tổng thư ký", "… Lê Bộ Lĩnh cho biết"): an organ's field goes on in
    capitals ("Lê Sở Tư pháp" is no name, "pháp" being a compound's tail)."""
    token = tokens[i]
    if i != first + 1 or i + 2 >= len(tokens) or not token.is_cap or token.is_abbr:
        return False
    if token.key not in ORGAN_MIDDLE_NAMES or not is_surname(tokens[first]) or tokens[first].key in NAME_STOP:
        return False
    if not joined(tokens, i, i + 1) or not _name_syllable(tokens, i + 1):
        return False
    nxt = tokens[i + 2]
    return nxt.key in CLOSING_MARKS or (nxt.is_lower_word and nxt.key not in COMPOUND_TAILS)


def _capital_runs(tokens: list[Token], boundary: Boundary | None) -> list[range]:
    runs: list[range] = []
    after_last = 0  # runs never overlap
    # A name syllable is capitalised and not in capitals: only those tokens can open a run.
    for i in [k for k, t in enumerate(tokens) if t.is_cap and not t.is_abbr]:
        if i < after_last or not _name_syllable(tokens, i):
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and joined(tokens, j, j + 1)
            and (
                _name_syllable(tokens, j + 1)
                or _given_name_after_middle(tokens, i, j + 1)
                or _closing_stop_word(tokens, i, j + 1)
                or _organ_word_as_middle(tokens, i, j + 1)
                or _organ_word_as_given_name(tokens, i, j + 1)
            )
        ):
            if boundary is not None and boundary(tokens, j + 1) and not _rank_words_as_given_name(tokens, i, j + 1):
                break
            j += 1
        runs.append(range(i, j + 1))
        after_last = j + 1
    return runs


# The grades and tails of military ranks ("Trung tá", "Đại tướng"), also written as the syllables of a name.
RANK_GRADES: frozenset[str] = words("đại thượng trung thiếu")
RANK_TAILS: frozenset[str] = words("tá úy tướng")
MAX_BEFORE_RANK_WORDS = 2  # a family name and a middle name at most ("Đỗ Trung Tá", "Lê Văn Đại Tá")


def _rank_words_as_given_name(tokens: list[Token], first: int, k: int) -> bool:
    """Whether the rank at token `k` is the end of the name a family name opens at `first`: both syllables
    capitalised and nothing capitalised after them ("Bộ trưởng Bộ Bưu chính - viễn thông Đỗ Trung Tá,"). A rank
    before a name has its tail in lower case ("Trung tá Đỗ Văn B") and never follows a bare family name."""
    if k - first > MAX_BEFORE_RANK_WORDS or k + 1 >= len(tokens) or not is_surname(tokens[first]):
        return False
    grade, tail = tokens[k], tokens[k + 1]
    if grade.key not in RANK_GRADES or tail.key not in RANK_TAILS or not tail.is_cap or tail.is_abbr:
        return False
    if not joined(tokens, k, k + 1):
        return False
    after = k + 2
    return after >= len(tokens) or not (tokens[after].is_cap and joined(tokens, k + 1, after))


def _unlisted_surname_name(tokens: list[Token], run: range) -> bool:
    """A family name missing from the list is still clear before "Văn"/"Thị": "Lành Văn Tú"."""
    return 3 <= len(run) <= 4 and tokens[run[1]].key in ("văn", "thị") and tokens[run[0]].key not in NAME_STOP


# Places whose youth union is written "Thành Đoàn", "Tỉnh Đoàn", "Huyện Đoàn", "Quận Đoàn".
YOUTH_UNION_LEVELS: frozenset[str] = words("thành tỉnh huyện quận")


def _local_youth_union(tokens: list[Token], run: range, offset: int) -> bool:
    """Whether the family name "Đoàn" at `offset` is the youth union of the place word before it ("Bí thư Thành
    Đoàn Quy Nhơn"), not a person's name."""
    return offset > 0 and tokens[run[offset]].key == "đoàn" and tokens[run[offset - 1]].key in YOUTH_UNION_LEVELS


def _split_score(tokens: list[Token], run: range, offset: int) -> int:
    """How much the run from `offset` on looks like one person's name (a middle name, three syllables)."""
    length = len(run) - offset
    middle = length >= 3 and tokens[run[offset] + 1].key in MIDDLE_NAMES
    return (2 if middle else 0) + (1 if length == 3 else 0) - (2 if length == 5 else 0)


def _name_start(tokens: list[Token], run: range) -> int | None:
    """Offset in `run` where the person's name begins, or None when the run is not a name."""
    if len(run) == 1:
        return 0 if _is_prefixed_name(tokens[run[0]]) else None
    compound = _compound_start(tokens, run)
    if compound is not None:
        return compound
    offsets = [o for o in range(len(run) - 1) if is_surname(tokens[run[o]]) and 2 <= len(run) - o <= 5]
    offsets = [o for o in offsets if not _local_youth_union(tokens, run, o)]
    if not offsets:
        return 0 if _unlisted_surname_name(tokens, run) else None
    before = _word_before(tokens, run[0])
    # A listed place opening the run ("tỉnh Đắk Nông Cao B", "Sở GD&ĐT Hà Nội Nguyễn Hữu C") is the title's,
    # whatever stands before it, when a name follows it.
    place = _known_place_length(tokens, run)
    if place and any(o >= place for o in offsets):
        offsets = [o for o in offsets if o >= place]
        return max(offsets, key=lambda o: (_split_score(tokens, run, o), -o))
    if place and tokens[run[0]].key in ORGAN_SURNAMES:
        return None  # "Tập Đoàn Dầu khí": a listed organisation word, not "Tập" the family name
    if offsets[0] == 0 and before not in BEFORE_A_PLACE:
        return 0  # "H.Châu Thành" reads like "huyện Châu Thành"
    # After "xã", "Huyện ủy" ... the run may open with a place's name ("xã Nậm Pồ Lò Văn B").
    if offsets[0] == 0 and _place_first(tokens, run, before):
        offsets = offsets[1:]
    # A name split off the end of a place ("Nậm Pồ Lò Văn B") needs three syllables to be trusted, or two after
    # a place of two syllables or more without a family name ("TP Thủ Đức Hoàng B").
    offsets = [
        o
        for o in offsets
        if o == 0
        or len(run) - o >= 3
        or _two_syllables_after_place(tokens, run, o, before)
        or (_after_foreign_words(tokens, run, o) and before not in ADDRESS_TERMS)  # not "ông Teddy Trương B"
    ]
    if not offsets:
        return None
    return max(offsets, key=lambda o: (_split_score(tokens, run, o), -o))


def _two_syllables_after_place(tokens: list[Token], run: range, offset: int, before: str) -> bool:
    return (
        len(run) - offset == 2
        and offset >= 2
        and before in PLACE_WORDS
        and not any(is_surname(tokens[run[k]]) for k in range(offset))
        and tokens[run[offset]].key not in PLACE_SURNAMES
    )


def _after_foreign_words(tokens: list[Token], run: range, offset: int) -> bool:
    """Whether the words of `run` before `offset` spell no Vietnamese syllable: a country written in Latin letters
    closing the title, then a name of two syllables ("Đại sứ Việt Nam tại Campuchia Thạch Dư")."""
    return 1 <= offset <= 2 and not any(is_syllable(tokens[run[k]].text) for k in range(offset))


# Compounds whose tail is a named unit's word: "Bộ Tài nguyên Môi trường Mai Ái B" names no school before the
# person ("Trường Mai …"), so the run after them is read as after any other word.
UNIT_WORD_COMPOUNDS: frozenset[tuple[str, str]] = frozenset([("môi", "trường"), ("thị", "trường")])


def _word_before(tokens: list[Token], first: int) -> str:
    """The key of the word before a run, reading "TP." as "tp" and a compound's tail ("Môi trường") as none."""
    if first >= 2 and tokens[first - 1].key == "." and tokens[first - 2].key in DOTTED_PLACE_WORDS:
        return tokens[first - 2].key
    if first >= 2 and (tokens[first - 2].key, tokens[first - 1].key) in UNIT_WORD_COMPOUNDS:
        return ""
    return tokens[first - 1].key if first > 0 else ""


def _compound_start(tokens: list[Token], run: range) -> int | None:
    """Offset of a compound family name in `run` with one to three syllables after it, else None."""
    for offset in range(len(run) - 2):
        for compound in _COMPOUNDS_BY_FIRST.get(tokens[run[offset]].key, ()):
            size = len(compound)
            rest = len(run) - offset - size
            if 1 <= rest <= 3 and tuple(t.key for t in tokens[run[offset] : run[offset] + size]) == compound:
                return offset
    return None


def _surname_ong(tokens: list[Token], run: range) -> bool:
    """Whether a capitalised "Ông" right before the run is the family name of the name there."""
    first = run[0]
    if first < 1 or tokens[first].key not in MIDDLE_NAMES:
        return False
    ong = tokens[first - 1]
    if ong.key != "ông" or not ong.is_cap or not joined(tokens, first - 1, first):
        return False
    if tokens[first].key == "thị":
        return True
    if first >= 2 and tokens[first - 2].key == "," and len(run) >= 3 and is_surname(tokens[first]):
        return False  # "Sáng 29/5, Ông Tất Thành B, …": "Mr" capitalised, before a whole name of its own
    if first >= 2 and tokens[first - 2].key in SURNAME_ONG_AFTER:
        return True
    return first >= 2 and tokens[first - 2].key in (";", ":") and _in_comrade_list(tokens, first - 2)


def _in_comrade_list(tokens: list[Token], i: int) -> bool:
    """Whether token `i` lies in a list opened by "các đồng chí ...:" in the same sentence (members of such a
    list are never addressed "Ông", so a capitalised "Ông" there is a family name)."""
    colon = False
    for k in range(i, max(0, i - 80), -1):
        key = tokens[k].key
        if key in (".", "!", "?"):
            return False
        colon = colon or key == ":"
        if colon and key == "chí" and tokens[k - 1].key == "đồng":
            return True
    return False


def _known_place_length(tokens: list[Token], run: range) -> int:
    """Syllables of a listed place opening the run ("Lâm Đồng Trần Văn B", "Hà Nội Lê Thị C"), else 0."""
    keys = [tokens[i].key for i in run[:4]]
    return next((size for size in (3, 2) if size < len(keys) and " ".join(keys[:size]) in not_persons()), 0)


def _place_first(tokens: list[Token], run: range, before: str) -> bool:
    """Whether a run after a place or organisation word cannot be a name from its first syllable."""
    if tokens[run[0]].key in PERSON_ONLY_SURNAMES:
        return False
    if before in ORG_WORDS or len(run) < 3:
        return len(run) == 2
    if _city_word_before(tokens, run[0], before) and len(run) == 3 and _listed_place_prefix(tokens, run) == 0:
        return False  # "Phó Chủ tịch UBND TP Hồ Kỳ B": no city is named so, "TP Hồ Chí Minh" is listed
    return tokens[run[0]].key in PLACE_SURNAMES and tokens[run[1]].key not in MIDDLE_NAMES


def _city_word_before(tokens: list[Token], first: int, before: str) -> bool:
    """Whether "TP" or "thành phố" (not "tổ dân phố") stands before the run at `first`: every city whose name opens
    with a family name is listed (`not_persons`: "Hà Tĩnh", "Cao Bằng", "Hồ Chí Minh"), so an unlisted run of three
    syllables after them is a person's."""
    return before == "tp" or (before == "phố" and first >= 2 and tokens[first - 2].key == "thành")


def _listed_place_prefix(tokens: list[Token], run: range) -> int:
    """Syllables of the listed place that the run opens with (itself included), else 0."""
    keys = [tokens[i].key for i in run]
    return next((size for size in (3, 2) if size <= len(keys) and " ".join(keys[:size]) in not_persons()), 0)


@dataclass
class NameScan:
    """The names found in a text and the capitalised runs of 2-5 syllables left over (see `scan_names`)."""

    names: list[NameSpan]
    unlisted: list[range]


def find_names(tokens: list[Token], text: str, boundary: Boundary | None = None) -> list[NameSpan]:
    """Every capitalised run in `tokens` that reads as a Vietnamese personal name.

    `boundary(tokens, i)` may end a name before token `i` (the officials extractor stops at a title head, so
    "Nguyễn Văn A Chánh Văn phòng" keeps "Chánh" out of the name).
    """
    return scan_names(tokens, text, boundary).names


# Words of a run no family name opens that a strong context may still make a name: a Lao name written in separate
# syllables runs to six ("Khăm Chăn Phôm Sẻng Sạ Văn").
MAX_UNLISTED_WORDS = 6


def scan_names(tokens: list[Token], text: str, boundary: Boundary | None = None) -> NameScan:
    """Names as in `find_names`, plus the runs no family name made a name ("Thị Nhung", "Alăng B"): only a
    strong context (a form of address before, a title after) may make those names."""
    scan = NameScan([], [])
    for run in _capital_runs(tokens, boundary):
        offset = _name_start(tokens, run)
        if offset in (0, None) and _surname_ong(tokens, run):
            scan.names.append(span_of(tokens, text, range(run[0] - 1, run[-1] + 1)))
        elif offset is not None:
            scan.names.append(span_of(tokens, text, range(run[offset], run[-1] + 1)))
        elif _leader_alias_run(tokens, run):
            scan.names.append(span_of(tokens, text, run))
        elif 2 <= len(run) <= MAX_UNLISTED_WORDS and tokens[run[0]].key not in PLACE_WORDS:
            scan.unlisted.append(run)
    _scan_upper_names(tokens, text, boundary, scan)
    return scan


# Leaders known by a revolutionary alias that no family name opens; streets and schools bear them too, so they
# count as persons only where `officials` says so (after "đồng chí" or a bare head: "Tổng Bí thư Trường Chinh").
LEADER_ALIASES: frozenset[str] = frozenset(["trường chinh", "tố hữu", "xuân thủy", "hồ chí minh"])


def _leader_alias_run(tokens: list[Token], run: range) -> bool:
    """Whether a run without a family name is wholly a leader's alias (`LEADER_ALIASES`)."""
    return 2 <= len(run) <= 3 and " ".join(tokens[i].key for i in run) in LEADER_ALIASES


def _scan_upper_names(tokens: list[Token], text: str, boundary: Boundary | None, scan: NameScan) -> None:
    """Names written in capitals ("1. PHAN VĂN B, Phó Chủ tịch UBND xã"): a run of 2-5 upper-case syllables
    alone between non-capital words, free of organisation words. One opening with a family name is a name
    given a cue (a middle name in a run of three or more, a title after, a form of address before); other
    runs are left for the officials extractor to judge. A longer run is a heading, never a name."""
    for run in _upper_runs(tokens, text, boundary):
        while len(run) > 2 and tokens[run[0]].key in SURNAME_ONG_AFTER | ADDRESS_OPENERS:
            run = run[1:]  # "ÔNG NGUYỄN VĂN B", "ĐỒNG CHÍ ..." ("chí" is in SURNAME_ONG_AFTER)
        if not (2 <= len(run) <= 5 or _is_prefixed_name(tokens[run[0]])) or any(
            tokens[i].key in NAME_STOP and not is_surname(tokens[i]) for i in run
        ):
            continue
        if not is_surname(tokens[run[0]]):
            scan.unlisted.append(run)
        elif _upper_name_cued(tokens, run, boundary):
            scan.names.append(span_of(tokens, text, run))


def _upper_runs(tokens: list[Token], text: str, boundary: Boundary | None) -> list[range]:
    """Maximal runs of upper-case words on one line ("PHAN VĂN B"; a one-letter syllable counts), split at
    a title head."""
    runs: list[range] = []
    size, after_last = len(tokens), 0
    for i in [k for k, t in enumerate(tokens) if t.is_cap]:  # an upper-case word is capitalised
        if i < after_last:
            continue
        if not (tokens[i].is_abbr or (_upper_word(tokens[i]) and i + 1 < size and tokens[i + 1].is_abbr)):
            continue
        j = i
        while j + 1 < size and _upper_word(tokens[j + 1]) and text[tokens[j].end : tokens[j + 1].start] == " ":
            if boundary is not None and boundary(tokens, j + 1) and not _rank_words_as_given_name(tokens, i, j + 1):
                break
            j += 1
        runs.append(range(i, j + 1))
        after_last = j + 1
    return runs


def _upper_word(token: Token) -> bool:
    return token.is_abbr or (token.is_cap and len(token.text) == 1)


def _upper_name_cued(tokens: list[Token], run: range, boundary: Boundary | None) -> bool:
    """A middle name in a run of three or more, a title after (", T" / "- T"), or an address before."""
    if len(run) >= 3 and tokens[run[1]].key in MIDDLE_NAMES:
        return True
    after = run[-1] + 1
    if after + 1 < len(tokens) and tokens[after].key in (",", "-", "(") and boundary is not None:
        return boundary(tokens, after + 1)
    return run[0] > 0 and tokens[run[0] - 1].key in ADDRESS_OPENERS | {"chí", "c", "đc"}


def span_of(tokens: list[Token], text: str, run: range) -> NameSpan:
    """The NameSpan covering a whole run."""
    first, last = run[0], run[-1]
    span_text = text[tokens[first].start : tokens[last].end]
    place_like = " ".join(t.key for t in tokens[first : last + 1]) in not_persons()
    return NameSpan(first, last, tokens[first].start, tokens[last].end, span_text, place_like)


def unglued(name: str) -> str:
    """A name with two syllables the page glued where its markup met set apart ("TônThị Ngọc Hạnh" -> "Tôn Thị
    Ngọc Hạnh"): a capital right after a small letter starts a syllable."""
    if all(word[1:].islower() or word.isupper() or len(word) == 1 for word in name.split()):
        return name  # the usual case, tested with string methods only
    return " ".join(_unglued_word(word) for word in name.split())


# A Latin family name whose prefix keeps a capital inside ("McCain", "MacKay", "DeSantis"): one word, not glued.
_PREFIXED_LATIN = re.compile(r"(?:Mc|Mac|De|Di|La|Le|Van)[A-Z][a-z]+")


def _unglued_word(word: str) -> str:
    if _PREFIXED_LATIN.fullmatch(word):
        return word
    return "".join(f" {c}" if k and c.isupper() and word[k - 1].islower() else c for k, c in enumerate(word))


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Identity of a person's name across mentions ("Hoà" = "Hòa", case and spacing ignored); cached, as each
    mention's name is keyed by several steps."""
    return " ".join(match_form(unglued(name)).casefold().split())


# Middle names that tell a person's sex rather than who they are, which a later mention may leave out ("Nguyễn
# Chiến" for "Nguyễn Văn Chiến", "Đặng Ngọc Thịnh" for "Đặng Thị Ngọc Thịnh").
SEX_MIDDLE_NAMES: frozenset[str] = words("văn thị")


def short_form(key: str) -> str:
    """A `name_key` without its middle "Văn"/"Thị" (family and given name kept); the key itself when it has none."""
    parts = key.split()
    if len(parts) < 3 or not SEX_MIDDLE_NAMES.intersection(parts[1:-1]):
        return key
    return " ".join([parts[0], *(part for part in parts[1:-1] if part not in SEX_MIDDLE_NAMES), parts[-1]])


def same_person_keys(key: str, other: str) -> bool:
    """Whether two name keys name one person: equal, or one the other's `short_form`."""
    return key == other or short_form(key) == other or short_form(other) == key
