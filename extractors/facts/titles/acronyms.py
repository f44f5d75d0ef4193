"""Acronyms inside a title and their glosses ("BCĐ (Ban Chỉ đạo) 138", "UBMTTQ").

A title runs on through an acronym, and through the parenthesis that spells it out.
"""

from __future__ import annotations

from extractors.facts.person_names import NameSpan, Token, joined, words
from extractors.facts.titles.heads import _honorific_at
from extractors.facts.titles.vocabulary import PLACE_LEVEL_WORDS

MAX_ACRONYM_TOKENS = 7  # "(PT-TH-ĐA)": three letter groups and their hyphens
# Abbreviations that go on naming the body after its acronym in parentheses ("Sở Văn hóa và Thể thao (VH&TT)
# TPHCM", "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA) CAND").
ACRONYM_TAIL_ABBREVIATIONS: frozenset[str] = words("tp hcm tphcm hn vn cand qđnd")
# Lower-case words that go on naming a national or central body after its acronym ("Ủy ban An toàn giao thông
# (ATGT) quốc gia").
ACRONYM_TAIL_PAIRS: frozenset[tuple[str, str]] = frozenset([("quốc", "gia"), ("trung", "ương")])


def _acronym_closing(tokens: list[Token], opening: int) -> int | None:
    """The ")" of an acronym in parentheses opening at `opening` ("(KBNN)", "(PT-TH-ĐA)", "(VH&TT)"), else None."""
    k = opening + 1
    if tokens[opening].key != "(" or k >= len(tokens) or not tokens[k].is_abbr:
        return None
    while k + 1 < len(tokens) and k - opening < MAX_ACRONYM_TOKENS:
        if tokens[k + 1].key == ")":
            return k + 1
        glued = k + 2 < len(tokens) and joined(tokens, k, k + 1) and joined(tokens, k + 1, k + 2)
        if glued and tokens[k + 1].key in ("-", "&") and tokens[k + 2].is_abbr:
            k += 2
            continue
        return None
    return None


def _acronym_opening(tokens: list[Token], j: int) -> int | None:
    """The "(" of the acronym in parentheses that holds token `j` (the parenthesis itself included), else None."""
    for k in range(j, max(-1, j - MAX_ACRONYM_TOKENS - 1), -1):
        if tokens[k].key == "(":
            closing = _acronym_closing(tokens, k)
            return k if closing is not None and closing >= j else None
    return None


def _glossed_acronym(tokens: list[Token], opening: int, names_at: dict[int, NameSpan]) -> bool:
    """An acronym in parentheses at `opening` glossing the words before it, the title going on after it: "Kho bạc
    Nhà nước (KBNN) tỉnh Phú Yên", "Tổng Giám đốc (TGĐ) Thông tấn xã Việt Nam", "Ủy ban An toàn giao thông (ATGT)
    quốc gia", "Sở Văn hóa và Thể thao (VH&TT) TPHCM" are one title each (a parenthesis elsewhere ends it)."""
    closing = _acronym_closing(tokens, opening)
    if opening < 1 or closing is None or closing + 1 >= len(tokens) or not tokens[opening - 1].is_word:
        return False
    after = tokens[closing + 1]
    if after.is_lower_word and after.key in PLACE_LEVEL_WORDS:
        return True
    if after.is_lower_word and closing + 2 < len(tokens) and (after.key, tokens[closing + 2].key) in ACRONYM_TAIL_PAIRS:
        return True
    if not (after.is_word and after.is_cap) or closing + 1 in names_at or _honorific_at(tokens, closing + 1):
        return False  # "Sở Y tế (SYT) TS Nguyễn Văn B": the honorific opens the name after the title
    if after.is_abbr and after.key in ACRONYM_TAIL_ABBREVIATIONS:
        return True
    return closing == opening + 2 and _spells_initials(tokens, opening)


def _spells_initials(tokens: list[Token], opening: int) -> bool:
    """Whether the acronym after the "(" at `opening` is the initials of the words right before it ("Tổng Giám
    đốc (TGĐ)")."""
    letters = tokens[opening + 1].key
    if len(letters) < 2 or opening < len(letters):
        return False
    before = tokens[opening - len(letters) : opening]
    return all(t.is_word for t in before) and "".join(t.key[0] for t in before) == letters
