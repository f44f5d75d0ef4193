"""Text normalisation for matching Vietnamese text without losing character offsets.

`match_form` returns a string of exactly the same length as its input, so an offset found in the matching
form is an offset in the original. It unifies the two capital D's, old and new tone placement ("uỷ" and
"ủy", "hoà" and "hòa"), dashes and non-breaking spaces. `nfc` (which may change the length) is applied
once, when the page text is built, never after offsets have been taken.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_PLAIN_VOWELS = "aăâeêioôơuưy"
_TONED = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
# toned character -> (plain vowel, tone index 0..5), lower and upper case
_TONE_OF: dict[str, tuple[str, int]] = {}
for _base, _forms in _TONED.items():
    for _tone, _char in enumerate(_forms):
        _TONE_OF[_char] = (_base, _tone)
        _TONE_OF[_char.upper()] = (_base.upper(), _tone)


class RareCharacters:
    """A `str.translate` table for a few characters most texts do not hold, applied only to the runs of them a
    text holds: `str.translate` over a plain table pays a failed look-up (an exception raised and caught inside,
    some 100 ns) for every character it leaves alone, 50-90 ms for a 1 MB body with two dashes in it; a search
    for the few is some 5 ns a character."""

    def __init__(self, mapping: dict[str, str | None]) -> None:
        self.table = str.maketrans(mapping)
        chars = "[" + "".join(re.escape(char) for char in mapping) + "]"
        self._runs = re.compile(chars + chars + "*")  # opening on the class (not a repeat): the search skips in C

    def apply(self, text: str) -> str:
        return self._runs.sub(self._translated, text) if self._runs.search(text) is not None else text

    def _translated(self, run: re.Match[str]) -> str:
        return run.group().translate(self.table)


_SIMPLE_MAP = RareCharacters(
    {
        "\u00d0": "Đ",  # Icelandic capital eth, often typed for Đ
        "\u00f0": "đ",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
    }
)

# Old-style placement puts the tone on the second vowel of a final "oa", "oe", "uy" ("hoà", "uỷ");
# the canonical form here puts it on the first ("hòa", "ủy").
_OLD_STYLE_PAIR = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")


def _with_tone(plain: str, tone: int) -> str:
    forms = _TONED.get(plain.lower())
    if forms is None:
        return plain
    char = forms[tone]
    return char.upper() if plain.isupper() else char


def _move_tone_forward(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    start = match.start(1)
    text = match.string
    if start > 0 and text[start - 1] in "qQ":  # "quý": the u belongs to the consonant
        return first + second
    plain_second, tone = _TONE_OF.get(second, (second, 0))
    if tone == 0:
        return first + second
    pair = (first + plain_second).lower()
    if pair not in ("oa", "oe", "uy"):
        return first + second
    return _with_tone(first, tone) + plain_second


def nfc(text: str) -> str:
    """NFC, applied once when page text is built (it may change the length).

    `unicodedata.normalize` gives back its input after one quick check of each character (some 1 ns each)
    when the text is NFC already, but composes the whole text (some 100 ns a character, 10 ms for a portal
    page) as soon as one character may need it: a long text is taken in pieces, and only the pieces that need
    it are composed."""
    if text.isascii():
        return text
    if len(text) < _NFC_PIECE:
        return unicodedata.normalize("NFC", text)
    pieces, start, changed = [], 0, False
    while start < len(text):
        end = text.find("\n", start + _NFC_PIECE)  # a line feed is a boundary: nothing composes across it
        end = len(text) if end < 0 else end
        piece = text[start:end]
        normal = unicodedata.normalize("NFC", piece)  # the same object when the quick check passes
        if normal is not piece:
            changed, piece = changed or normal != piece, normal
        pieces.append(piece)
        start = end
    return "".join(pieces) if changed else text


_NFC_PIECE = 4096


def _match_form(text: str) -> str:
    return _OLD_STYLE_PAIR.sub(_move_tone_forward, _SIMPLE_MAP.apply(text))


# Short strings (names, titles) recur across articles; a whole article body is matched by every fact
# finder in turn, so the last few bodies are worth keeping too.
_match_form_short = lru_cache(maxsize=4096)(_match_form)
_match_form_long = lru_cache(maxsize=8)(_match_form)
LONG_TEXT = 2000


def match_form(text: str) -> str:
    """Same-length form for matching: Đ unified, tone placement unified, dashes and spaces unified."""
    return _match_form_long(text) if len(text) > LONG_TEXT else _match_form_short(text)


class _FoldTable(dict[int, str | None]):
    """Code point -> the character without its marks (None for a lone combining mark), filled on first use:
    `str.translate` over it is one C loop, where a per-character generator cost a tenth of page extraction."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if unicodedata.combining(char):
            folded: str | None = None
        else:
            decomposed = unicodedata.normalize("NFD", char).replace("đ", "d").replace("Đ", "D")
            folded = "".join(part for part in decomposed if not unicodedata.combining(part))
        self[code] = folded
        return folded


_FOLD = _FoldTable({ord("đ"): "d", ord("Đ"): "D"})


def fold_diacritics(text: str) -> str:
    """Lower-case ASCII-like form for diacritic-insensitive search ("Đảng ủy" -> "dang uy")."""
    return match_form(text).translate(_FOLD).lower()


def same_text(left: str, right: str) -> bool:
    """Equal after matching normalisation and case folding."""
    return match_form(left).casefold() == match_form(right).casefold()


# An entity left in text after the parser decoded it once: the page escaped it twice ("TT&amp;amp;TT").
_LEFTOVER_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_leftovers(text: str) -> str:
    """Decode entities still written out in visible text ("Sở TT&amp;TT" -> "Sở TT&TT"); a literal "&"
    that starts no entity stays as it is."""
    return _LEFTOVER_ENTITY.sub(lambda found: html.unescape(found.group()), text)
