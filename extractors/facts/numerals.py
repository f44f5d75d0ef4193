"""Ordinals as Vietnamese texts write them: strict Roman numerals, digits and number words."""

from __future__ import annotations

import re

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Ordinal words after "lần thứ"/"kỳ họp thứ": "nhất" (not "một") is the first; "tư" the fourth.
UNIT_WORDS: dict[str, int] = {
    "nhất": 1,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
TEN_WORDS = frozenset({"mười", "mươi"})
# A regex alternative matching one number word, longest first so "mười" wins over "mươi" prefixes.
NUMBER_WORD_PATTERN = (
    r"(?:(?:hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)\s+mươi(?:\s+(?:mốt|hai|ba|tư|bốn|lăm|năm|sáu|bảy|tám|chín))?"
    r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?"
    r"|nhất|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín)"
)


def roman_value(token: str) -> int | None:
    """Integer of a strictly valid upper-case Roman numeral ("XXIV" -> 24, "IIII" -> None)."""
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def word_value(phrase: str) -> int | None:
    """Integer of a Vietnamese number word phrase ("Nhất" -> 1, "mười hai" -> 12, "hai mươi mốt" -> 21)."""
    words = phrase.lower().split()
    if not words:
        return None
    if len(words) == 1:
        if words[0] == "mười":
            return 10
        return UNIT_WORDS.get(words[0]) if words[0] != "mốt" else None
    tens = 1 if words[0] == "mười" else UNIT_WORDS.get(words[0])
    rest = words[1:] if words[0] == "mười" else words[2:] if words[1] == "mươi" else None
    if tens is None or rest is None or len(rest) > 1:
        return None
    unit = UNIT_WORDS.get(rest[0], 0) if rest else 0
    return tens * 10 + unit


def ordinal_value(token: str) -> int | None:
    """Roman numeral, digits or number words -> integer; None when the token is none of them."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    roman = roman_value(token)
    if roman:
        return roman
    return word_value(token)
