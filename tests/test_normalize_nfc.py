"""The quick NFC path (`normalize._stable_in_nfc`) agrees with the Unicode database."""

from __future__ import annotations

import random
import unicodedata

from extractors.normalize import _NFC_PIECE, _stable_in_nfc, nfc


def _second_characters_of_compositions() -> set[int]:
    """Characters a canonical composition takes after another one (NFC_QC = Maybe), Hangul vowels and
    trailing consonants included."""
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            seconds.add(int(decomposition.split()[1], 16))
    return seconds


def test_stable_characters_are_boundaries_already_in_nfc() -> None:
    seconds = _second_characters_of_compositions()
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not _stable_in_nfc(char):
            continue
        assert unicodedata.combining(char) == 0, hex(code)
        assert unicodedata.normalize("NFC", char) == char, hex(code)
        assert code not in seconds, hex(code)


def test_vietnamese_letters_and_punctuation_are_stable() -> None:
    assert _stable_in_nfc("Nghị quyết số 45-NQ/HU – “Đảng ủy” … 1.000 ₫ ©")
    assert not _stable_in_nfc("Nghi\u0323 quyê\u0301t")  # combining marks, as Windows-1258 writes them
    assert not _stable_in_nfc("\u2000")  # its NFC is U+2002


def test_nfc_of_long_mixed_text_equals_unicodedata() -> None:
    marks = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0338"]
    others = ["ệ", "ở", "\u2000", "Ω", "\u212b", "\u1100", "\u1161", "한", "Ж", "="]
    alphabet = list("aăâeêioôơuưy dđ\nĐƯỜNG ") + marks + others
    generator = random.Random(7)
    for _ in range(40):
        text = "".join(generator.choice(alphabet) for _ in range(3 * _NFC_PIECE))
        assert nfc(text) == unicodedata.normalize("NFC", text)
    calm = "Đồng chí Nguyễn Văn An phát biểu.\n" * 400
    assert nfc(calm) is calm
