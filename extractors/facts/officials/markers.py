"""What the words right before a name call the person: a comrade, a delegate, a rank, a form of address."""

from __future__ import annotations

from extractors.facts.officials.context import MAX_ITEM_TOKENS
from extractors.facts.person_names import ADDRESS_TERMS, Token, joined, words
from extractors.facts.titles import HEAD_WORDS, RANK_TAILS, TITLE_LOWER_OK, starts_title

PRIVATE_WORDS: frozenset[str] = words("anh chị cháu em cụ bác chú cô thầy bé")
PRIVATE_BEFORE_ADDRESS: frozenset[str] = words("đình hộ vợ chồng con nhà")
# Markers strong enough to make any capitalised run before a title a name.
STRONG_MARKERS: frozenset[str] = frozenset(["comrade", "address", "rank", "religious"])
# Markers that make a person an official even without a title: a comrade, a rank, a congress delegate or
# council deputy ("đại biểu A", the README's delegate with no title), a public employee named with their unit
# beside an official ("staff", set by `mentions.staff_by_unit`).
OFFICIAL_MARKERS: frozenset[str] = frozenset(["comrade", "rank", "delegate", "staff"])
# Markers shared by the unmarked names listed right after ("các đại biểu A, B và C").
LIST_MARKERS: frozenset[str] = frozenset(["comrade", "address", "rank", "delegate"])
# Words before "đại biểu" that make it a delegation, not a person ("Đoàn đại biểu Hà Giang").
DELEGATION_WORDS: frozenset[str] = words("đoàn tổ")
# Religious ranks before a name ("Hòa thượng Thích Minh A"): a cue for a person, never a title.
RELIGIOUS_RANKS: tuple[tuple[str, str], ...] = (
    ("hòa", "thượng"),
    ("thượng", "tọa"),
    ("đại", "đức"),
    ("linh", "mục"),
    ("mục", "sư"),
    ("ni", "sư"),
    ("ni", "trưởng"),
    ("giám", "mục"),
)
# Lower-case words that may stand between "đồng chí" and the colon opening a list of them.
GROUP_HEAD_WORDS: frozenset[str] = words("vào gồm là lãnh đạo có trong đó dự tham cùng")


def _comrades_before(tokens: list[Token], colon: int) -> bool:
    """Whether the words before `colon` name a group of comrades ("các đồng chí Phó Bí thư ...:", "bầu 5 đồng
    chí vào Ban Thường vụ:"), not a request to places ("đồng chí A đề nghị các xã: ...")."""
    relaxed = False  # whether a word passed only as part of a title ("Trung ương", "T.Ư")
    for k in range(colon - 1, max(0, colon - MAX_ITEM_TOKENS // 2), -1):
        token = tokens[k]
        if token.key == "chí" and tokens[k - 1].key == "đồng":
            return not relaxed or starts_title(tokens, k + 1)
        if token.key == "." and _abbreviation_dot(tokens, k):
            relaxed = True  # "các đồng chí Ủy viên T.Ư Đảng:"
            continue
        if token.is_lower_word and not (
            token.key in TITLE_LOWER_OK or token.key in GROUP_HEAD_WORDS or token.key in HEAD_WORDS
        ):
            if not (tokens[k - 1].is_word and tokens[k - 1].is_cap):
                return False
            relaxed = True  # the lower-case syllable of a capitalised organ word ("Trung ương")
        if not token.is_word and not token.key.isdigit():
            return False
    return False


def _abbreviation_dot(tokens: list[Token], k: int) -> bool:
    """Whether the "." at `k` joins two capitals of an abbreviation ("T.Ư", "TP.HCM")."""
    return 0 < k < len(tokens) - 1 and joined(tokens, k - 1, k) and joined(tokens, k, k + 1)


# How far either way of a delegate's name the words of a Party congress are looked for, within the sentence.
CONGRESS_WINDOW = 40


def _congress_sentence(tokens: list[Token], first: int) -> bool:
    """Whether the sentence around token `first` speaks of a congress ("Các đại biểu A, B trình bày tham luận",
    "Tham luận của đại biểu A"), where "đại biểu" calls a delegate, not a deputy of an elected body."""

    def side(step: int) -> list[str]:
        found: list[str] = []
        k = first + step
        while 0 <= k < len(tokens) and abs(k - first) < CONGRESS_WINDOW:
            if tokens[k].key in (".", "!", "?") or "\n" in tokens[k].text:
                break
            found.append(tokens[k].key)
            k += step
        return found

    keys = [*reversed(side(-1)), tokens[first].key, *side(1)]
    pairs = set(zip(keys, keys[1:], strict=False))
    return ("tham", "luận") in pairs or ("đại", "hội") in pairs


def deputy_word(tokens: list[Token], first: int) -> tuple[int, int] | None:
    """Token range of a bare "ĐB"/"đại biểu" right before the name at `first` that is the person's deputy title
    ("ĐB Lê Văn A (Hà Nội) cho rằng", "các đại biểu A, B"): listed as written (README, batch 8 and 11), except in a
    sentence on a congress, whose delegates hold no post by it."""
    such_as = _deputies_such_as(tokens, first)
    if such_as is not None:
        return None if _congress_sentence(tokens, such_as[0]) else such_as
    if marker_before(tokens, first) != "delegate" or tokens[first - 1].key == ":":
        return None
    k = first - 1 if tokens[first - 1].key == "đb" else first - 2
    return None if _congress_sentence(tokens, k) else (k, first - 1)


def _deputies_such_as(tokens: list[Token], first: int) -> tuple[int, int] | None:
    """Token range of the "đại biểu" of "nhiều đại biểu như (ông) A (T), B (T)" before the name at `first`: the
    deputies the sentence goes on to list."""
    k = first - 1
    if k >= 0 and tokens[k].key in ADDRESS_TERMS and tokens[k].is_lower_word:
        k -= 1
    if k < 2 or tokens[k].key != "như":
        return None
    if tokens[k - 1].key == "đb":
        return (k - 1, k - 1)
    return (k - 2, k - 1) if (tokens[k - 2].key, tokens[k - 1].key) == ("đại", "biểu") else None


def marker_before(tokens: list[Token], first: int) -> str:
    """What the words right before a name call the person."""
    keys = [t.key for t in tokens[max(0, first - 3) : first]]
    keys = [""] * (3 - len(keys)) + keys
    if keys[-1] == ":":
        if _comrades_before(tokens, first - 1):  # "bầu 3 đồng chí vào Ban Thường vụ: A, B"
            return "comrade"
        keys = ["", *keys[:-1]]
    if keys[-2:] == ["đồng", "chí"] or keys == ["đ", "/", "c"] or keys[-1] == "đc":
        return "comrade"
    if keys[-2:] == ["đại", "biểu"] and keys[0] not in DELEGATION_WORDS:
        return "private" if keys[0] in PRIVATE_BEFORE_ADDRESS else "delegate"
    if keys[-1] == "đb" and keys[-2] not in DELEGATION_WORDS:  # session reports: "ĐB Lê Văn A (tổ ĐB ...)"
        return "delegate"
    if tuple(keys[-2:]) in RELIGIOUS_RANKS:
        return "religious"
    if keys[-1] in ADDRESS_TERMS:
        return "private" if keys[-2] in PRIVATE_BEFORE_ADDRESS else "address"
    if keys[-1] in PRIVATE_WORDS:
        return "private"
    if keys[-1] in RANK_TAILS and keys[-2] in ("đại", "thượng", "trung", "thiếu"):
        return "rank"
    return ""
