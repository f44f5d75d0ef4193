"""Vietnamese syllables, and words a page glued from two of them where a link met the next word.

A news page's keywords are links, and a crawler that keeps only the visible text glues a link's last word to the
word after it without a space or a case change ("Tổng Bí thư Tô Lâmtrao quyết định", "Thủ tướng Phạm Minh
Chínhnhấn mạnh"). Written Vietnamese never joins two syllables into one word, so a capitalised word that spells
no syllable but exactly two, the first with a Vietnamese mark, is read as two words. The mark keeps foreign names
whole ("Ronaldo", "Gaga"); a highland name opening on a "Pơ", "Kơ", "Rơ" syllable ("Pơloong") is one word, and a
second part without a consonant to open it ("Muộii") is a typo, not a word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A Vietnamese syllable without its diacritics: onset, vowel group, final. Anything else is a foreign word.
VIETNAMESE_SYLLABLE = re.compile(
    r"(?:b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?"
    r"(?:a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uy|uu|ie|ye|uo|ieu|yeu|uoi|uya|uye|oai|oay|uay|oeo)"
    r"(?:c|ch|m|n|ng|nh|p|t)?"
)
MIN_GLUED_LETTERS = 5
_HIGHLAND_PREFIX = re.compile(r"[^\W\d_]{1,2}ơ", re.IGNORECASE)
_VOWELS = frozenset("aeiouy")


def bare(word: str) -> str:
    """`word` in lower-case ASCII letters, its marks dropped ("Lâm" -> "lam", "Đức" -> "duc")."""
    plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in plain if ch.isascii()).lower()


def is_syllable(word: str) -> bool:
    return VIETNAMESE_SYLLABLE.fullmatch(bare(word)) is not None


@lru_cache(maxsize=4096)
def glued_cut(word: str) -> int | None:
    """Where a capitalised word splits into the two syllables a page glued, if it is no syllable itself and
    splits in one way only; None for any other word."""
    if len(word) < MIN_GLUED_LETTERS or not word[0].isupper() or not word[1:].islower() or not word.isalpha():
        return None
    if is_syllable(word):
        return None
    cuts = [
        at
        for at in range(2, len(word) - 1)
        if not word[:at].isascii()
        and bare(word[at]) not in _VOWELS
        and is_syllable(word[:at])
        and is_syllable(word[at:])
    ]
    if len(cuts) != 1 or _HIGHLAND_PREFIX.fullmatch(word[: cuts[0]]):
        return None
    return cuts[0]
