"""`normalize.nfc`, which composes a long text piece by piece, agrees with the Unicode database."""

from __future__ import annotations

import random
import unicodedata

from extractors.normalize import _NFC_PIECE, nfc


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
