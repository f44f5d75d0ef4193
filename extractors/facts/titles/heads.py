"""Where a title's head begins and how long it is ("Phó Bí thư", "PCT", "Hàm Vụ phó", "P.GĐ").

`head_length` is the one entry point: exact heads, heads with a tone mark dropped, graded heads ("Quyền
Giám đốc"), dotted and abbreviated heads, and the checks that keep a head-like common word out.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from extractors.facts.person_names import Token, is_surname, joined, words
from extractors.facts.titles.staff_posts import STAFF_HEAD_FIRSTS, _staff_post_at
from extractors.facts.titles.vocabulary import (
    ABBREVIATIONS,
    BEFORE_ORGAN_HEADS,
    BODY_NAMED_BY_HEAD,
    HONORIFICS,
    LISTED_ONLY_HEADS,
    MAX_HEAD_TOKENS,
    NAVAL_RANKS,
    ORGAN_FIRST_WORDS,
    PEOPLES_TEAMS,
    POSTED_ABROAD,
    RANK_HEADS,
    TITLE_HEADS,
)
from extractors.normalize import fold_diacritics

_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _head in sorted(set(TITLE_HEADS), key=len, reverse=True):
    _HEADS_BY_FIRST.setdefault(_head[0], []).append(_head)
# "Trưởng"/"Phó trưởng" alone is a head only before an organisation word or a capitalised word.
# (and "Cục trưởng"/"Vụ trưởng" before their organ written in lower case: "Cục trưởng cục Thuế"; "Tổ trưởng
# trinh sát …", a police investigators' team; "tổ trưởng giám sát", "đội trưởng lái máy", a railway depot's teams).
_BARE_TRUONG_NEXT: frozenset[str] = words(
    "ban phòng đoàn thôn bản khu trạm khoa ấp xóm tổ công cục vụ viện sở hạt đồn đội trinh ga giám lái"
)  # "ga": a railway station's master ("Trưởng ga Lăng Cô")


@lru_cache(maxsize=8192)
def _folded(key: str) -> str:
    return fold_diacritics(key)


# Heads of two or more syllables by their first syllable without marks: writers drop a tone mark or two
# ("Chủ tich", "Uy viên", "Pho Chủ tịch").
_FOLDED_HEADS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _head in sorted(set(TITLE_HEADS), key=len, reverse=True):
    if len(_head) >= 2:
        _folded_head = tuple(_folded(word) for word in _head)
        _FOLDED_HEADS_BY_FIRST.setdefault(_folded_head[0], []).append((_head, _folded_head))
# Their second syllables without marks, by the first: most words that open no head ("chủ động", "phó mặc") fail on
# the next word alone, before the window of keys is built.
_FOLDED_SECONDS_BY_FIRST: dict[str, frozenset[str]] = {
    first: frozenset(folded[1] for _, folded in heads) for first, heads in _FOLDED_HEADS_BY_FIRST.items()
}


# Words before a head that give the post's grade or standing rather than another post: "Hàm Vụ phó" (the
# grade of a department head's deputy), "(hàm vụ trưởng)", "Quyền Giám đốc" (acting), "tập sự Phó Vụ trưởng"
# (on probation). The title is kept with them, as written.
# "đồng Chủ tịch" (co-chair) likewise, in lower case only: a capitalised "Đồng" is a family or given name ("Lê Văn
# Đồng Chủ trì …" in a glued caption).
GRADE_PREFIXES: dict[str, tuple[str, ...]] = {
    "hàm": ("hàm",),
    "quyền": ("quyền",),
    "tập": ("tập", "sự"),
    "đồng": ("đồng",),
}
# Marks after which a lower-case grade word opens a title: in a list of titles or a parenthesis after a post.
GRADE_LIST_MARKS: frozenset[str] = frozenset([",", "-", "–", "("])


def may_start_title(token: Token) -> bool:
    """Cheap pre-check before `head_length`."""
    return (
        token.key in _HEADS_BY_FIRST
        or token.key in ("nguyên", "p")
        or token.key in GRADE_PREFIXES
        or _member_abbreviation(token)
        or (token.is_word and _folded(token.key) in _FOLDED_HEADS_BY_FIRST)
    )


def title_starts(tokens: list[Token]) -> list[int]:
    """Indexes of the tokens for which `may_start_title` holds, in order. An article holds a few thousand
    distinct keys at most: the keys that may open a title are picked out first, so that each token costs one
    set look-up and `may_start_title` runs on those keys' tokens only."""
    keys = set(map(_KEY, tokens))
    opening = {key for key in keys if _key_may_start_title(key)}
    return [i for i, t in enumerate(tokens) if t.key in opening and may_start_title(t)]


_KEY = attrgetter("key")


@lru_cache(maxsize=16384)  # the same words recur from article to article
def _key_may_start_title(key: str) -> bool:
    """Whether a token with this key may start a title as one of some kind (word, abbreviation or mark): the tests
    of `may_start_title` without the token's kind."""
    return (
        key in _HEADS_BY_FIRST
        or key in ("nguyên", "p")
        or key in GRADE_PREFIXES
        or (3 <= len(key) <= 9 and key.startswith("uv"))
        or _folded(key) in _FOLDED_HEADS_BY_FIRST
    )


def _member_abbreviation(token: Token) -> bool:
    """Any "Ủy viên ..." abbreviation, listed or not ("UVBTV", "UVUBKT", "UVBCHTW")."""
    return token.is_abbr and 3 <= len(token.key) <= 9 and token.key.startswith("uv")


def head_length(tokens: list[Token], i: int, lower_ok: bool = False) -> int:
    """Length in tokens of the title head starting at `i` (0 when there is none); a lower-case head
    ("phó chủ tịch") counts only with `lower_ok` (right after a name and its comma)."""
    token = tokens[i]
    if not may_start_title(token):
        return 0
    if token.key not in _HEADS_BY_FIRST and token.key != "nguyên" and _member_abbreviation(token):
        return 1
    if token.key == "p":
        return 3 if _dotted_deputy(tokens, i) else 0  # "P.CT HĐND tỉnh", "P.BT Đảng ủy xã": "P." is "Phó"
    if token.key in GRADE_PREFIXES:
        return _graded_head_length(tokens, i)
    if not token.is_word or not (token.is_cap or lower_ok or token.key == "nguyên" or lower_deputy(tokens, i)):
        return 0
    if token.key == "nguyên" and i + 1 < len(tokens):
        if tokens[i + 1].key == "nguyên":
            return 0  # one "nguyên" opens a title ("nguyên nguyên …" must not recurse down a long run)
        inner = head_length(tokens, i + 1, lower_ok)
        return inner + 1 if inner else 0
    if i > 0 and (tokens[i - 1].key, token.key) in BODY_NAMED_BY_HEAD:
        return 0
    if i > 0 and tokens[i - 1].key == "chức" and token.key == "vụ" and not token.is_cap:
        return 0  # "giữ chức vụ Trưởng phòng …": the "vụ" of "chức vụ" opens no "Vụ trưởng"
    if token.key in LISTED_ONLY_HEADS and (i == 0 or tokens[i - 1].key not in (",", "-", "(")):
        return 0
    if token.key in STAFF_HEAD_FIRSTS and not _staff_post_at(tokens, i):
        return 0
    if token.key in ABBREVIATIONS:
        if _dotted_abbreviation(tokens, i):
            return 2  # "CT. UBND huyện", "PCT.UBND thị trấn": the writer's abbreviation mark is the head's
        return 1 if _abbreviation_opens(tokens, i) else 0
    if token.key == "phó" and i + 1 < len(tokens) and tokens[i + 1].key in ABBREVIATIONS:
        return 2 if _abbreviation_opens(tokens, i + 1) else 0  # "Phó CT UBND tỉnh", "Phó BT"
    return _exact_head(tokens, i) or _folded_head(tokens, i)


def _graded_head_length(tokens: list[Token], i: int) -> int:
    """A head with its grade word before it ("Hàm Vụ phó", "quyền Hiệu trưởng", "tập sự Phó Vụ trưởng"), else 0.
    Written in lower case the grade word opens a title only in a list of titles or a parenthesis ("…, hàm vụ
    trưởng"): elsewhere "quyền" is part of another word ("ủy quyền Chủ tịch", "thẩm quyền")."""
    prefix = GRADE_PREFIXES[tokens[i].key]
    size = len(prefix)
    if tuple(t.key for t in tokens[i : i + size]) != prefix or i + size >= len(tokens):
        return 0
    if not tokens[i].is_cap and (i == 0 or tokens[i - 1].key not in GRADE_LIST_MARKS):
        return 0
    if tokens[i].is_cap and tokens[i].key == "đồng":
        return 0
    if tokens[i + size].key in GRADE_PREFIXES or tokens[i + size].key == "nguyên":
        return 0
    inner = head_length(tokens, i + size, lower_ok=True) or _bare_head(tokens, i + size)
    return inner + size if inner else 0


def _bare_head(tokens: list[Token], j: int) -> int:
    """The longest head at `j` with nothing after it: after a grade word "Vụ phó", "vụ trưởng" are the post
    itself ("Hàm Vụ phó", "(hàm vụ trưởng)"), with no unit to follow."""
    keys = tuple(t.key for t in tokens[j : j + MAX_HEAD_TOKENS])
    return next((len(head) for head in _HEADS_BY_FIRST.get(tokens[j].key, ()) if keys[: len(head)] == head), 0)


def lower_deputy(tokens: list[Token], i: int) -> bool:
    """A lower-case "phó" before a capitalised head is the deputy's ("phó Chủ tịch LĐLĐ TP A"): the post is not
    the head's."""
    return tokens[i].key == "phó" and i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word


def _dotted_deputy(tokens: list[Token], i: int) -> bool:
    """ "P." glued to an abbreviated head that opens a title ("P.CT UBND huyện"); "P." alone is a ward ("P.5")."""
    if i + 2 >= len(tokens) or tokens[i].text != "P" or tokens[i + 1].key != ".":
        return False
    if not (joined(tokens, i, i + 1) and tokens[i + 2].start == tokens[i + 1].end):
        return False
    head = tokens[i + 2]
    return "p" + head.key in ABBREVIATIONS and _abbreviation_opens(tokens, i + 2)


def _dotted_abbreviation(tokens: list[Token], i: int) -> bool:
    """An abbreviated head in capitals with a full stop glued to it and an organ after: "CT. UBND huyện"."""
    if i + 2 >= len(tokens) or not tokens[i].is_abbr or tokens[i + 1].key != "." or not joined(tokens, i, i + 1):
        return False
    if i > 0 and tokens[i - 1].key in ("-", "&", "/") and tokens[i - 1].end == tokens[i].start:
        return False  # the end of a code: "05-CT. UBND huyện …"
    organ = tokens[i + 2]
    return organ.is_word and organ.key in ORGAN_FIRST_WORDS and organ.start - tokens[i + 1].end <= 1


def _abbreviation_opens(tokens: list[Token], i: int) -> bool:
    """An abbreviated head is written in capitals; one that is also a code or a word needs an organ after it
    ("CT UBND huyện", but "05-CT/TU" and "CT" alone are not titles)."""
    token = tokens[i]
    if not token.is_abbr and len(token.key) > 1:
        return False
    if i > 0 and tokens[i - 1].key in ("-", "&") and tokens[i - 1].end == token.start:
        return False  # the second half of a unit's code: "Sở KH-CN", "Sở TN&MT"
    if token.key not in BEFORE_ORGAN_HEADS:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.key in ORGAN_FIRST_WORDS and joined(tokens, i, i + 1)


def _exact_head(tokens: list[Token], i: int) -> int:
    heads = _HEADS_BY_FIRST.get(tokens[i].key, ())
    if not heads:
        return 0
    keys = tuple(t.key for t in tokens[i : i + len(heads[0])])  # the longest head comes first
    for head in heads:
        size = len(head)
        if keys[:size] != head:
            continue
        if not _head_fits(tokens, head, i + size):
            continue
        return size
    return 0


# Heads ending in "trưởng" that are whole posts with nothing after them ("Bộ trưởng, Chủ nhiệm Văn phòng Chính
# phủ A", "Thứ trưởng cho biết", a province's governor "Tỉnh trưởng tỉnh Gangwon A", whose "tỉnh" is written in
# lower case), unlike "Trưởng", "Phó trưởng", "Cục trưởng" alone.
WHOLE_TRUONG_HEADS: frozenset[tuple[str, ...]] = frozenset(
    [("bộ", "trưởng"), ("thứ", "trưởng"), ("hiệu", "trưởng"), ("tỉnh", "trưởng")]
)
# Deputies named by their unit ("Cục phó Cục Báo chí", "Vụ phó Vụ Tổ chức"): a head only when the unit follows,
# since "chức vụ Phó Chủ tịch" holds the same two words.
DEPUTY_OF_UNIT: frozenset[tuple[str, ...]] = frozenset(
    (*unit.split(), "phó") for unit in ("cục", "vụ", "trạm", "viện", "chi cục", "hạt", "đồn")
)


def _dashed_second_head(tokens: list[Token], j: int) -> bool:
    """A unit's head held with a second post written after a dash ("Cục trưởng-Chánh Văn phòng Bộ A"): the
    second post's organ names the unit, so the bare head stands."""
    if j + 1 >= len(tokens) or tokens[j].key != "-" or not (tokens[j + 1].is_word and tokens[j + 1].is_cap):
        return False
    return head_length(tokens, j + 1) > 0


def _head_fits(tokens: list[Token], head: tuple[str, ...], j: int) -> bool:
    """Whether what follows a matched head at `j` lets it stand: a short "trưởng" head ("Trưởng", "Phó trưởng",
    "Cục trưởng") needs an organ after it or, like a unit's deputy, to stand apart between marks, its unit understood
    ("ông A, Vụ trưởng, Trưởng ban B"); a unit's deputy ("Vụ phó") needs its unit or to stand apart."""
    if head[-1] == "trưởng" and len(head) <= 2 and head not in WHOLE_TRUONG_HEADS:
        return (
            _bare_truong_ok(tokens, j)
            or (len(head) == 2 and (_dashed_second_head(tokens, j) or _apposed_alone(tokens, j - len(head), j)))
            or _taken_in_named_body(tokens, j - len(head), j)
        )
    if head in DEPUTY_OF_UNIT:
        unit_named = j < len(tokens) and tokens[j].key == head[0]
        return (
            unit_named
            or _apposed_alone(tokens, j - len(head), j)
            or _person_named_at(tokens, j)
            or _field_named_at(tokens, j - len(head), j)
        )
    if head == STANDING_MEMBER_HEAD:
        return _standing_member_fits(tokens, j - len(head), j)
    # "Đại sứ quán", "Tổng Lãnh sự quán" inside a title ("Bí thư thứ nhất Đại sứ quán …") or a sentence is the
    # mission, not the envoy; set apart after a name it is still the post, misnamed ("ông A, Tổng lãnh sự quán B"),
    # but after a post it is that post's organ ("ông A, Phó Lãnh sự, Tổng Lãnh sự quán Việt Nam tại B").
    mission = j < len(tokens) and tokens[j].key == "quán"
    i = j - len(head)
    if head not in POSTED_ABROAD or not mission:
        return True
    return i == 0 or (not tokens[i - 1].is_word and not _post_ends_at(tokens, i - 2))


def _field_named_at(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the capitalised deputy's head at `i` names its unit by the unit's field alone at `j` ("Chi cục phó Thú
    y Thái Nguyên", as "Cục trưởng Điều tra chống buôn lậu"); "chức vụ Phó Chủ tịch" is in lower case and a head."""
    if j >= len(tokens) or not tokens[i].is_cap:
        return False
    field = tokens[j]
    return field.is_word and field.is_cap and not field.is_abbr and not head_length(tokens, j)


def _person_named_at(tokens: list[Token], j: int) -> bool:
    """Whether a person's name opens at `j`: a listed family name, capitalised, before another capitalised word
    ("Cục phó Đậu Ngọc B", "Vụ phó Lê Thị C": the deputy's unit is understood, as in "ông A, Vụ phó")."""
    if j + 1 >= len(tokens) or not (tokens[j].is_cap and tokens[j + 1].is_cap and tokens[j + 1].is_word):
        return False
    return tokens[j].is_word and not tokens[j].is_abbr and is_surname(tokens[j])


# Membership of a Party committee's standing board written as a post ("ông A, Thường vụ Tỉnh ủy, Bí thư Thị ủy B").
STANDING_MEMBER_HEAD: tuple[str, ...] = ("thường", "vụ")
# First syllables of the Party committees whose standing board the head names ("Tỉnh ủy", "Đảng ủy", "Quân ủy").
STANDING_COMMITTEES: frozenset[str] = words("tỉnh thành huyện quận thị đảng quân")


def _standing_member_fits(tokens: list[Token], i: int, j: int) -> bool:
    """Whether "Thường vụ" at `i`..`j - 1` is a post: a Party committee follows ("Thường vụ Huyện ủy") and no
    "Ban" before it makes it the board itself ("Ban Thường vụ Tỉnh ủy", "Ủy viên Thường vụ …")."""
    if j + 1 >= len(tokens) or tokens[j].key not in STANDING_COMMITTEES or tokens[j + 1].key not in ("ủy", "uỷ"):
        return False
    return i == 0 or tokens[i - 1].key not in ("ban", "viên")


MAX_HEAD_WORDS = 6  # words of the longest head ("Phó Trưởng đại diện …")


def _post_ends_at(tokens: list[Token], last: int) -> bool:
    """Whether a head ends at token `last` ("Phó Lãnh sự", "Tham tán Công sứ", "Bí thư thứ nhất")."""
    return any(head_length(tokens, k) == last - k + 1 for k in range(max(0, last - MAX_HEAD_WORDS + 1), last + 1))


# Marks that set a post apart as a person's, before it ("A - Viện phó", "A, Cục phó") and after it.
APPOSITION_BEFORE: frozenset[str] = frozenset(["-", "–", ","])
APPOSITION_AFTER: frozenset[str] = frozenset([";", ",", ".", ")"])


def _apposed_alone(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the head at `i`..`j - 1` stands alone in apposition, its unit understood ("ông A - Viện phó; ông B
    - …", "ông C, Cục phó, cho biết"): a mark before it and a closing mark (or the end) after it."""
    if i == 0 or tokens[i - 1].key not in APPOSITION_BEFORE:
        return False
    return j >= len(tokens) or tokens[j].key in APPOSITION_AFTER


def _taken_in_named_body(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the head at `i`..`j - 1` is a post taken with "làm" in a body the sentence has named ("Tổ biên tập
    do Bộ trưởng A làm Tổ trưởng.", "… làm Tổ trưởng, ông B làm Tổ phó"): it stands alone before a closing mark."""
    if i == 0 or tokens[i - 1].key != "làm" or not tokens[i].is_cap:
        return False
    return j >= len(tokens) or tokens[j].key in APPOSITION_AFTER or tokens[j].key == "và"


# Common words that only their marks tell from a head: "đối phó" (to cope with) is not "Đội phó".
# "ủy viện" is a committee's institute ("Bí thư Đảng ủy Viện Kiểm sát nhân dân tối cao"), never "ủy viên" misspelt.
WORDS_LIKE_HEADS: frozenset[tuple[str, ...]] = frozenset(
    [
        ("đối", "phó"),
        ("ủy", "viện"),
        *((body, "ủy", "viện") for body in ("đảng", "tỉnh", "thành", "huyện", "quận", "thị", "chi")),
    ]
)


def _folded_head(tokens: list[Token], i: int) -> int:
    """A head of two or more syllables written without some of its marks: equal once marks are dropped, and
    at least one syllable exact (so that a name such as "Vũ Trường" is not "vụ trưởng")."""
    first = _folded(tokens[i].key)
    candidates = _FOLDED_HEADS_BY_FIRST.get(first, ())
    if not candidates or i + 1 >= len(tokens) or not tokens[i + 1].is_word:
        return 0
    if _folded(tokens[i + 1].key) not in _FOLDED_SECONDS_BY_FIRST[first]:
        return 0
    window = tokens[i : i + len(candidates[0][0])]  # the longest candidate comes first
    keys = tuple(t.key for t in window)
    folded_keys = tuple(_folded(key) if t.is_word else "" for key, t in zip(keys, window, strict=True))
    for head, folded in candidates:
        size = len(head)
        if folded_keys[:size] != folded or not any(a == b for a, b in zip(keys, head, strict=False)):
            continue
        if keys[:size] in WORDS_LIKE_HEADS:
            continue
        if not _head_fits(tokens, head, i + size):
            continue
        return size
    return 0


def starts_title(tokens: list[Token], i: int) -> bool:
    """Whether a title head starts at token `i` (used to end a name before "Chánh Văn phòng ...")."""
    return may_start_title(tokens[i]) and head_length(tokens, i) > 0


def _bare_truong_ok(tokens: list[Token], j: int) -> bool:
    if j >= len(tokens) or not tokens[j].is_word:
        return False
    if tokens[j].key == "dân":
        return j + 1 < len(tokens) and tokens[j + 1].key in PEOPLES_TEAMS
    return tokens[j].is_cap or tokens[j].key in _BARE_TRUONG_NEXT


def _honorific_at(tokens: list[Token], j: int) -> bool:
    return any(tuple(t.key for t in tokens[j : j + len(h)]) == h for h in HONORIFICS)


def is_rank_head(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised rank ("Thượng tá") starts at token `i`."""
    if not tokens[i].is_cap:
        return False
    keys = tuple(t.key for t in tokens[i : i + 3])
    return keys[:2] in RANK_HEADS or keys[:2] in NAVAL_RANKS or keys in NAVAL_RANKS
