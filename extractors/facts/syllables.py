"""Vietnamese syllables, and words a page glued from two of them where a link met the next word.

A news page's keywords are links, and a crawler that keeps only the visible text glues a link's last word to the
word after it without a space or a case change ("Tổng Bí thư Tô Lâmtrao quyết định", "Thủ tướng Phạm Minh
Chínhnhấn mạnh"). Written Vietnamese never joins two syllables into one word, so a capitalised word that spells
no syllable but exactly two, the first with a Vietnamese mark, is read as two words. The mark keeps foreign names
whole ("Ronaldo", "Gaga"); a highland name opening on a "Pơ", "Kơ", "Rơ" syllable ("Pơloong") is one word, and a
second part without a consonant to open it ("Muộii") is a typo, not a word. A foreign name glued to the Vietnamese
word after it ("Donald Trumpđề cử") is read apart where that word carries a mark only Vietnamese writes.

Lao names transliterated into Vietnamese spell such pairs too ("Bunkhăm Volachít", "Khămxay Sổmphênh"), so the
words around decide (`glued_cut_between`): the word a link glues on goes on in lower case ("quyết định", "cử"),
while a name's next word is capitalised; and a word after a foreign one ("Khămxay") is the rest of a foreign name,
not a Vietnamese name's last syllable glued ("Tô Lâmtrao").
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
        return _latin_cut(word)
    return cuts[0]


# Marks only Vietnamese writes: the hook, the dot below, the horn (ơ, ư), the breve (ă), two marks stacked (ề);
# "é", "í", "à", "ğ" are as much French, Spanish or Turkish ("Beyoncé", "Nestlé", "Erdoğan").
_VIETNAMESE_MARKS = frozenset("\u0309\u0323\u031b")  # hook, dot below, horn; the breve counts on "ă" only
MIN_LATIN_LETTERS = 3


def _vietnamese_only(letter: str) -> bool:
    marks = [ch for ch in unicodedata.normalize("NFD", letter) if unicodedata.combining(ch)]
    return letter in "đĐăĂ" or len(marks) > 1 or any(mark in _VIETNAMESE_MARKS for mark in marks)


def _latin_cut(word: str) -> int | None:
    """A foreign name glued to the Vietnamese word after it ("Trumpđề cử", "Ronaldotại"): Latin letters that spell
    no syllable, then a syllable with a mark only Vietnamese writes, opening on a consonant."""
    cuts = [
        at
        for at in range(MIN_LATIN_LETTERS, len(word) - 1)
        if word[:at].isascii()
        and not word[at:].isascii()
        and bare(word[at]) not in _VOWELS
        and any(_vietnamese_only(letter) for letter in word[at:])
        and is_syllable(word[at:])
        and not is_syllable(word[:at])
    ]
    return cuts[0] if len(cuts) == 1 else None


def glued_cut_between(word: str, previous: str | None, following: str | None) -> int | None:
    """`glued_cut` of a word read among its neighbours: none before a capitalised word (the next part of a
    name), and none of two Vietnamese syllables after a capitalised foreign word (a transliterated name)."""
    cut = glued_cut(word)
    if cut is None or (following and following[0].isupper()):
        return None
    if not word[:cut].isascii() and previous and previous[0].isupper() and _foreign(previous):
        return None  # "Khămxay Sổmphênh": the second word of a Lao name, not "Sổm" glued to "phênh"
    return cut


def _foreign(word: str) -> bool:
    letters = "".join(ch for ch in word if ch.isalpha())
    return len(letters) >= MIN_GLUED_LETTERS and not is_syllable(letters)
