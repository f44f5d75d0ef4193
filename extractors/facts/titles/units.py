"""Numbered units and place names in a title ("Tiểu đoàn 3", "Khu vực II", "xã Ea H'Leo", "Bà Rịa - Vũng Tàu").

Where a unit number or a place name continues a title, and where a place name closes it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractors.facts.person_names import NameSpan, Token, joined, not_persons, words
from extractors.facts.titles.vocabulary import (
    LOCAL_PARTY_COMMITTEES,
    PEOPLES_TEAMS,
    PLACE_ABBREVIATIONS,
    PLACE_LEVEL_WORDS,
    TITLE_STOP,
    UNIT_ABBREVIATIONS,
    UNIT_WORDS,
)
from extractors.normalize import match_form


def _ends_place_name(tokens: list[Token], k: int, listed: bool = True) -> bool:
    """Whether capitalised token `k` ends a place's name after its level ("xã Phù Lỗ", "TP. Hà Nội", "H.Nghĩa
    Hành"): a place's name has no lower-case syllable, so a lower-case word after it is the sentence going on
    ("… tỉnh Quảng Trị vui mừng", "… xã Gia An tiến hành").
    With `listed`, a listed place or country ending the run counts too ("… KHXH Việt Nam cam kết"); a dash after
    one goes on ("nhóm nghị sĩ hữu nghị Việt Nam - Lào")."""
    first = k
    while first > 0 and tokens[first - 1].is_cap and tokens[first - 1].is_word and not tokens[first - 1].is_abbr:
        first -= 1
    if first > 0 and tokens[first - 1].key == ".":
        first -= 1
    if listed and _listed_place_ends(tokens, first, k):
        return True  # "… Viện Hàn lâm KHXH Việt Nam cam kết", "… Hà Nội khẳng định"
    before = tokens[first - 1] if first > 0 else None
    if before is None:
        return False
    if before.key == "ủy":  # "Tỉnh ủy Quảng Trị", not "Đảng ủy Khối …", "Chính ủy Bộ Tư lệnh …"
        return first >= 2 and tokens[first - 2].key in LOCAL_PARTY_COMMITTEES
    if before.key not in PLACE_LEVEL_WORDS | PLACE_ABBREVIATIONS:
        return False
    return before.is_lower_word or before.is_abbr or len(before.text) == 1


def _listed_place_ends(tokens: list[Token], first: int, k: int) -> bool:
    """Whether the capitalised run `first`..`k` ends with a listed place or country of two or three syllables."""
    return any(
        k + 1 - size >= first and " ".join(t.key for t in tokens[k + 1 - size : k + 1]) in not_persons()
        for size in (2, 3)
    )


def _unit_continues(tokens: list[Token], j: int) -> bool:
    """A residential unit completing a title: "tổ dân phố 5", "khu dân cư số 2", "thôn 3" ("tổ" alone is
    usually "tổ chức", so it needs "dân" or a number after it)."""
    key, prev = tokens[j].key, tokens[j - 1].key
    if key.isdigit():  # "thôn 3", "số 2", "Q.7", a party cell "Chi bộ 4"
        cell = prev == "bộ" and j >= 2 and tokens[j - 2].key == "chi"
        unit = prev in UNIT_WORDS or prev in UNIT_ABBREVIATIONS or _khu_vuc(tokens, j - 1)
        named = _after_head_of(tokens, j - 1, prev)  # "Vụ trưởng Vụ 14", "Đội trưởng Đội 5"
        return unit or prev == "số" or cell or named or _numbered_place(tokens, j) or _numbered_unit(tokens, j)
    nxt = tokens[j + 1].key if j + 1 < len(tokens) else ""
    if _after_head_of(tokens, j, key) and nxt != "chức":
        return True  # the unit its head is named after: "Tổ trưởng tổ kiểm tra", "Đội trưởng đội CSGT số 4"
    if key == "tổ":
        return nxt == "dân" or nxt.isdigit()
    if key == "dân":  # "tổ dân phố", "khu dân cư"; "Tổ trưởng dân phố 11", "Trưởng dân quân" drop the team's "tổ"
        return (prev in ("tổ", "khu") and nxt in ("phố", "cư")) or (prev in ("trưởng", "phó") and nxt in PEOPLES_TEAMS)
    if key == "vực" or (key == "miền" and _khu_vuc(tokens, j - 1)):
        return prev == "khu" or prev == "vực"  # "Chánh án TAND khu vực 1", "… khu vực VII", "… khu vực miền Nam"
    if key == "số":  # "khu dân cư số 2", "Đoàn Kiểm tra số 471", "Trung tâm Giáo dục thường xuyên số 2"
        return nxt.isdigit() and tokens[j - 1].is_word
    return key in PEOPLES_TEAMS and prev == "dân"


def _khu_vuc(tokens: list[Token], k: int) -> bool:
    """Whether token `k` ends "khu vực" (a region, which the courts, audit offices and police number or name)."""
    return k >= 1 and tokens[k].key == "vực" and tokens[k - 1].key == "khu"


# Nouns a number before them counts ("thôn A 15 hộ", "… 3 người"), also those of `TITLE_STOP`.
COUNTED_NOUNS: frozenset[str] = words("hộ người nhà con khẩu căn lần năm ngày")
MAX_UNIT_NAME_WORDS = 3
MAX_UNIT_NUMBER_DIGITS = 2


def _numbered_unit(tokens: list[Token], j: int) -> bool:
    """A residential unit's number after its name ("thôn Vinh Quang 2", "Chi bộ thôn Đông Hòa 1"), not a count
    ("thôn Đông Hòa 15 hộ")."""
    if len(tokens[j].key) > MAX_UNIT_NUMBER_DIGITS or not joined(tokens, j - 1, j):
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.is_lower_word and (nxt.key not in TITLE_STOP or nxt.key in COUNTED_NOUNS):
        return False
    k = j - 1
    while k > 0 and j - k <= MAX_UNIT_NAME_WORDS and tokens[k].is_word and tokens[k].is_cap and not tokens[k].is_abbr:
        k -= 1
    return k < j - 1 and tokens[k].key in UNIT_WORDS


def _numbered_place(tokens: list[Token], j: int) -> bool:
    """A district or ward named by its number after an abbreviated level and its full stop ("UBND Q.7", "P.5")."""
    return (
        j >= 2
        and tokens[j].key.isdigit()
        and tokens[j - 1].key == "."
        and tokens[j - 2].key in PLACE_ABBREVIATIONS
        and joined(tokens, j - 2, j - 1)
        and joined(tokens, j - 1, j)
    )


def _after_head_of(tokens: list[Token], j: int, unit: str) -> bool:
    """Whether token `j` follows the head named after `unit` ("Tổ trưởng", "Tổ phó" before "tổ …")."""
    return j >= 2 and tokens[j - 2].key == unit and tokens[j - 1].key in ("trưởng", "phó")


_DASHED_PLACES_FILE = Path(__file__).parent.with_name("dashed_place_names.txt")


@lru_cache(maxsize=1)
def _dashed_places() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """The place names of dashed_place_names.txt: the folded words before the dash -> the word runs after it."""
    halves: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for line in _DASHED_PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            before, after = (tuple(match_form(part).casefold().split()) for part in line.split("-", 1))
            halves.setdefault(before, set()).add(after)
    return {before: frozenset(afters) for before, afters in halves.items()}


def _inside_dashed_place(tokens: list[Token], j: int) -> bool:
    """Whether the dash at `j` joins the two halves of a place's name ("Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế")."""
    for before, afters in _dashed_places().items():
        size = len(before)
        if j < size or tuple(t.key for t in tokens[j - size : j]) != before:
            continue
        if any(tuple(t.key for t in tokens[j + 1 : j + 1 + len(after)]) == after for after in afters):
            return True
    return False


def _numbered_region_before(tokens: list[Token], j: int) -> bool:
    """Whether a numbered region ("khu vực 1", "khu vực 12") ends right before token `j` (the courts,
    procuracies and enforcement offices of 2025 are named so, then a dash and their province)."""
    return j >= 3 and tokens[j - 1].key.isdigit() and _khu_vuc(tokens, j - 2)


def _region_province(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether the place-like name at `j` is the province after a numbered region and its dash ("… khu vực 12 -
    Đồng Nai"), part of the body's name rather than a person after the title."""
    return names_at[j].place_like and tokens[j - 1].key == "-" and _numbered_region_before(tokens, j - 1)
