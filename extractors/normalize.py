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

_SIMPLE_CHARS: dict[str, str] = {
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
# The characters above found by one pattern and replaced where they stand: `str.translate` with a dict looks up
# every character of the text (some 80 ns each, 60 ms for a 1 MB article), where these are rare.
_SIMPLE_CHAR_RE = re.compile("[" + re.escape("".join(_SIMPLE_CHARS)) + "]")


def _simple_char(found: re.Match[str]) -> str:
    return _SIMPLE_CHARS[found.group()]


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

    `unicodedata.normalize` checks every character of a long Vietnamese text at some 20 ns each (2 ms for a
    portal page) even when nothing changes; a long text is taken in pieces, and a piece made only of
    characters that are their own NFC and combine with nothing is kept without that check."""
    if text.isascii():
        return text
    if len(text) < _NFC_PIECE:
        return unicodedata.normalize("NFC", text)
    pieces, start, changed = [], 0, False
    while start < len(text):
        end = text.find("\n", start + _NFC_PIECE)  # a line feed is a boundary: nothing composes across it
        end = len(text) if end < 0 else end
        piece = text[start:end]
        if not _stable_in_nfc(piece):
            normal = unicodedata.normalize("NFC", piece)
            changed, piece = changed or normal != piece, normal
        pieces.append(piece)
        start = end
    return "".join(pieces) if changed else text


_NFC_PIECE = 4096


# Rows (high bytes of UTF-16 code units) whose characters are NFC-stable: U+0000-U+02FF (Latin), U+1E00-U+1EFF
# (Latin Extended Additional: the precomposed Vietnamese letters) and U+2000-U+20FF (punctuation, currency)
# but for the characters `_UNSTABLE_IN_ROW_20` marks.
_STABLE_ROWS = b"\x00\x01\x02\x1e\x20"
_ROW_20 = bytes(1 if byte == 0x20 else 0 for byte in range(256))
# U+2000 and U+2001 (their NFC is U+2002/U+2003) and U+20C0-U+20FF (combining marks for symbols from U+20D0).
_UNSTABLE_IN_ROW_20 = bytes(1 if byte <= 0x01 or byte >= 0xC0 else 0 for byte in range(256))


def _stable_in_nfc(text: str) -> bool:
    """True when every character lies in U+0000-U+02FF, U+1E00-U+1EFF or U+2002-U+20BF: each is its own NFC,
    never combines with the character before it and has combining class 0 (tests/test_normalize_nfc.py checks
    this against the Unicode database), so the text is already in NFC. False may still be NFC.

    Read from the UTF-16 code units with byte operations (astral characters and lone surrogates have high
    bytes D8-DF: never stable), as a per-character test in Python would cost what it saves."""
    units = text.encode("utf-16-le", "surrogatepass")
    high = units[1::2]
    if high.translate(None, _STABLE_ROWS):
        return False
    if b"\x20" not in high:
        return True
    in_row_20 = int.from_bytes(high.translate(_ROW_20), "little")
    return not in_row_20 & int.from_bytes(units[0::2].translate(_UNSTABLE_IN_ROW_20), "little")


def _match_form(text: str) -> str:
    text = _SIMPLE_CHAR_RE.sub(_simple_char, text)
    return _OLD_STYLE_PAIR.sub(_move_tone_forward, text)


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
