"""The person after a title: term qualifiers, honorifics, asides and "đồng chí" before a name."""

from __future__ import annotations

import re

from extractors.facts.person_names import NameSpan, Token, joined, words
from extractors.facts.titles.heads import head_length, is_rank_head, starts_title
from extractors.facts.titles.units import _inside_dashed_place
from extractors.facts.titles.vocabulary import (
    ADDRESS_WORDS,
    FOREIGN_HONORIFICS,
    HONORIFICS,
    OWNING_ORGANS,
    PLACE_ABBREVIATIONS,
    PLACE_LEVEL_WORDS,
    TITLE_STOP,
)


def skip_term(tokens: list[Token], j: int) -> int:
    """Index after the term qualifiers that end a title ("khóa XV, nhiệm kỳ 2021 - 2026"), else `j`."""
    while True:
        k = j + 1 if j < len(tokens) and tokens[j].key == "," else j
        size = _term_length(tokens, k)
        if not size:
            return j
        j = k + size


_TERM_ORDINAL = re.compile(r"(?:[IVXL]+|\d{1,2})")


# The first words of the terms `_term_length` reads: any other word opens none (asked after every title).
_TERM_FIRST_WORDS: frozenset[str] = frozenset(["các", "khóa", "nhiệm", "giai"])


def _term_length(tokens: list[Token], k: int) -> int:
    if k >= len(tokens) or tokens[k].key not in _TERM_FIRST_WORDS:
        return 0
    keys = [t.key for t in tokens[k : k + 5]]
    if keys[:2] == ["các", "khóa"] and len(keys) > 2:  # "Ủy viên Trung ương Đảng các khóa X, XI và XII"
        return 1 + _term_length(tokens, k + 1)
    if keys[:1] == ["khóa"] and len(keys) > 1:
        return _ordinal_list_end(tokens, k + 2) - k
    if keys[:2] == ["nhiệm", "kỳ"] and len(keys) > 2 and keys[2].isdigit():
        return 5 if len(keys) == 5 and keys[3] == "-" and keys[4].isdigit() else 3
    if keys[:2] == ["giai", "đoạn"] and len(keys) == 5 and _YEAR.fullmatch(keys[2]) and keys[3] in ("-", "–"):
        return 5 if _YEAR.fullmatch(keys[4]) else 0  # the years a post was held: "T giai đoạn 2009 - 2011, ông …"
    return 0


_YEAR = re.compile(r"(?:19|20)\d\d")


def _ordinal_list_end(tokens: list[Token], j: int) -> int:
    """Index after the further ordinals of a term listed after its first ("khóa X, XI và XII", "khóa X, XII,
    XIII,XIV"): a title listed after them follows the list, not the comma of one ordinal."""
    while (
        j + 1 < len(tokens)
        and tokens[j].key in (",", "và")
        and _TERM_ORDINAL.fullmatch(tokens[j + 1].text)
        and (j + 2 == len(tokens) or tokens[j + 2].key != ".")
    ):
        j += 2
    return j


# Academic and medical honorifics before a name, glued by "." or "-" ("GS.TS", "PGS-TS", "ThS."): not titles.
NAME_HONORIFICS: frozenset[str] = words("gs pgs ts ths bs ks ls tskh")


def skip_honorifics(tokens: list[Token], j: int) -> int:
    """Index after the honorifics opening at `j` ("GS.TS Trần Văn B" -> "Trần"), else `j`."""
    k = j
    while k < len(tokens) and tokens[k].key in NAME_HONORIFICS and tokens[k].is_abbr:
        k += 1
        if k < len(tokens) and tokens[k].key in (".", "-"):
            k += 1
    return k


def honorific_length(tokens: list[Token], j: int) -> int:
    """Tokens of the academic honorific opening at `j` ("tiến sĩ", "PGS.TS"), else 0."""
    k = skip_honorifics(tokens, j)
    if k > j:
        return k - j
    keys = tuple(t.key for t in tokens[j : j + 3])
    return max((len(h) for h in HONORIFICS if keys[: len(h)] == h), default=0)


# Words after a unit saying it was formed by the 2025 mergers or merged away ("xã A mới", "huyện B cũ"), or that
# its holder is new ("Thủ tướng mới C"): the name may follow them.
UNIT_AGE_WORDS: frozenset[str] = words("mới cũ")


def _abbreviation_stop(tokens: list[Token], j: int) -> bool:
    """Whether token `j` is a full stop glued to an abbreviated place word ("TP.", "Q.") right before it."""
    return (
        0 < j < len(tokens)
        and tokens[j].key == "."
        and tokens[j - 1].key in PLACE_ABBREVIATIONS
        and tokens[j - 1].end == tokens[j].start
    )


def name_after(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The name a title stands before: directly, after its term ("khóa XX") or an honorific ("PGS.TS"), or after
    ", đồng chí" / "ông"."""
    j = skip_term(tokens, j)
    if _abbreviation_stop(tokens, j) and j + 1 in names_at:
        j += 1  # the full stop of an abbreviated place closing the title: "Chủ tịch UBND TP. Lê Văn B"
    if j + 1 < len(tokens) and tokens[j].key in UNIT_AGE_WORDS and tokens[j].is_lower_word and j + 1 in names_at:
        j += 1  # the unit formed in 2025 or merged into it: "Chủ tịch UBND xã Phú Xuyên mới Lê Văn B", "… huyện A cũ"
    if j + 1 < len(tokens) and is_rank_head(tokens, j):
        j += 2  # "Trưởng Công an xã Thượng tá Lò Văn B"
    j = skip_honorifics(tokens, j)
    while j + 1 < len(tokens) and tokens[j].is_cap and tokens[j].key in FOREIGN_HONORIFICS:
        j += 1  # "Thủ tướng Campuchia Samdech Techo Hun Sen"
    if j in names_at:
        return names_at[j]
    closed = _parenthesis_after(tokens, j)
    if closed in names_at:
        return names_at[closed]  # "Cục trưởng Cục Chống tham nhũng (Thanh tra Chính phủ) Phạm Trọng B"
    aside = _past_place_asides(tokens, j, names_at)  # "Chủ tịch UBND xã A, huyện B (tỉnh C) - ông D"
    if aside in names_at and aside > j and names_at[aside].place_like and tokens[aside - 1].key == ",":
        return None  # the place's province or city closing the aside: "…, quận Tây Hồ, Hà Nội đã …"
    j = aside
    if j in names_at:
        return names_at[j]
    owned = _past_organ_aside(tokens, j, names_at)  # "Cục trưởng Cục A, Thanh tra Chính phủ Phạm Văn B"
    if owned is not None:
        return owned
    if j < len(tokens) and tokens[j].key in (",", "-"):
        j += 1
    if comrade_length(tokens, j):
        j += comrade_length(tokens, j)
    elif j < len(tokens) and tokens[j].key in ADDRESS_WORDS:
        j += 1
    elif j < len(tokens) and tokens[j - 1].key == "," and honorific_length(tokens, j):
        # "Cục trưởng Cục A, tiến sĩ Lê Văn B"; not a person with titles of their own after the name ("Quyết định
        # của Giám đốc ĐH A, PGS-TS Lê B - Phó Hiệu trưởng"), whom the title does not name
        name = names_at.get(j + honorific_length(tokens, j))
        return None if name is None or _own_title_after(tokens, name.last + 1) else name
    else:
        return None
    return names_at.get(j)


def _own_title_after(tokens: list[Token], k: int) -> bool:
    """Whether a comma or a dash and a title follow at token `k`."""
    return k + 1 < len(tokens) and tokens[k].key in (",", "-", "–") and starts_title(tokens, k + 1)


MAX_ASIDE_PLACE_WORDS = 4


def _past_place_asides(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> int:
    """Index after the larger places written after a title's own (", huyện B", ", huyện B (Đắk Nông)") when a
    dash or a comma and a form of address follow them, or a name right after them or their comma (", huyện B
    Nguyễn Văn C", ", huyện B (Bắc Giang), Nguyễn Văn C": the name's index); else `j`."""
    k = j
    while k + 2 < len(tokens) and tokens[k].key == "," and tokens[k + 1].key in PLACE_LEVEL_WORDS:
        opening = k + 2
        while opening < len(tokens) and tokens[opening].key in PLACE_LEVEL_WORDS and tokens[opening].is_lower_word:
            opening += 1  # "thị xã", "thành phố"
        m = opening
        if m < len(tokens) and tokens[m].key.isdigit():
            m += 1  # a numbered ward or district: ", phường 15, quận Tân Bình"
        while m < len(tokens) and m - opening < MAX_ASIDE_PLACE_WORDS and tokens[m].is_cap and tokens[m].is_word:
            if m > opening and m in names_at:
                break  # the place's name ends where a person's begins: "huyện Tân Yên Nguyễn Văn C"
            m += 1
        if m == opening:
            break
        k = _parenthesis_after(tokens, m)
    if k == j:
        return j
    if k in names_at or (k + 1 < len(tokens) and tokens[k].key == "," and k + 1 in names_at):
        return k if k in names_at else k + 1
    if k + 1 < len(tokens) and tokens[k].key in ADDRESS_WORDS and tokens[k].is_lower_word:
        return k  # a form of address right after the places: "Tổ trưởng tổ dân phố số 20, phường 15, quận A ông B"
    if k + 1 >= len(tokens) or tokens[k].key not in (",", "-"):
        return j
    addressed = comrade_length(tokens, k + 1) or tokens[k + 1].key in ADDRESS_WORDS
    return k if addressed else j


# First words of the organ a unit belongs to, written after the unit's title and a comma ("Cục trưởng Cục A, Thanh
# tra Chính phủ B", "Vụ trưởng Vụ Pháp chế, Bộ Tư pháp C").
OWNING_ASIDE_FIRSTS: frozenset[str] = OWNING_ORGANS | words("thanh cục viện tòa tổng")
MAX_OWNING_ASIDE = 6


def _past_organ_aside(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The person named right after the organ that owns a title's unit, written after a comma ("…, Thanh tra
    Chính phủ Phạm Văn B cho biết"); None where no such organ and name follow, or where a title opens there."""
    if j + 2 >= len(tokens) or tokens[j].key != ",":
        return None
    first = tokens[j + 1]
    if not (first.is_word and first.is_cap and first.key in OWNING_ASIDE_FIRSTS) or starts_title(tokens, j + 1):
        return None
    for m in range(j + 2, min(len(tokens), j + 2 + MAX_OWNING_ASIDE)):
        name = names_at.get(m)
        if name is not None:
            return None if name.place_like else name
        token = tokens[m]
        if not token.is_word or (token.is_lower_word and token.key in TITLE_STOP):
            return None
    return None


def _dashed_subject(tokens: list[Token], i: int, last: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The name after a dash that closes the title `i`..`last` when the name opens its clause ("…”, Bí thư Sóc Trăng
    - Nguyễn Văn A nói", "Chủ tịch UBND tỉnh – B: …"): a verb or a colon follows it, and no name stands right
    before the title, whose title it would then be ("A - Bí thư Huyện ủy - B, Chủ tịch …")."""
    j = last + 1
    if j + 1 >= len(tokens) or tokens[j].key != "-" or j + 1 not in names_at or _inside_dashed_place(tokens, j):
        return None
    name = names_at[j + 1]
    after = tokens[name.last + 1] if name.last + 1 < len(tokens) else None
    if after is not None and after.key == "," and name.last + 2 < len(tokens):
        clause = tokens[name.last + 2]  # "Chủ tịch UBND tỉnh A - Đỗ Văn B, đã ký …": the clause goes on past a comma
        after = clause if clause.is_lower_word and not head_length(tokens, name.last + 2, lower_ok=True) else after
    if after is None or not (after.is_lower_word or after.key == ":"):
        return None
    before = i - 2 if i >= 2 and tokens[i - 1].key in (",", "-") else i - 1
    return None if _name_ends_at(before, names_at) else name


MAX_NAME_TOKENS = 5


def _name_ends_at(k: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether a name ends at token `k`."""
    return any(f in names_at and names_at[f].last == k for f in range(k - MAX_NAME_TOKENS + 1, k + 1))


MAX_ASIDE_WORDS = 6


def _parenthesis_after(tokens: list[Token], j: int) -> int:
    """Index after a short parenthesis at `j` that names no one (the organ a unit belongs to), else `j`."""
    if j >= len(tokens) or tokens[j].key != "(":
        return j
    for k in range(j + 1, min(len(tokens), j + 2 + MAX_ASIDE_WORDS)):
        if tokens[k].key == ")":
            return k + 1
        # "(TP.HCM)", an acronym's glued hyphen or ampersand: "(TN-MT)", "(VH&TT)"
        glued = tokens[k].key in (".", "-", "&") and joined(tokens, k - 1, k) and joined(tokens, k, k + 1)
        if not tokens[k].is_word and not glued:
            return j
    return j


def comrade_length(tokens: list[Token], j: int) -> int:
    """Tokens of a "comrade" form of address at `j`: "đồng chí", "đ/c", "đc" (any case), else 0."""
    if j >= len(tokens):
        return 0
    key = tokens[j].key
    if key == "đc":
        return 1
    if key == "đồng":
        return 2 if j + 1 < len(tokens) and tokens[j + 1].key == "chí" else 0
    keys = [t.key for t in tokens[j : j + 3]]
    return 3 if keys == ["đ", "/", "c"] and joined(tokens, j, j + 1) and joined(tokens, j + 1, j + 2) else 0
