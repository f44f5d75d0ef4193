"""`normalize`: NFC piece by piece as the Unicode database composes, the matching form, rare-character maps."""

from __future__ import annotations

import random
import unicodedata

from extractors.normalize import _NFC_PIECE, RareCharacters, match_form, nfc


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


def test_match_form_unifies_spaces_dashes_and_tone_placement() -> None:
    assert match_form("Ð\u00a0hoà\u2013uỷ") == "Đ hòa-ủy"
    plain = "Đồng chí Nguyễn Văn An, Chủ tịch UBND xã - nhiệm kỳ 2021-2026"
    assert match_form(plain) == plain


def test_rare_characters_are_translated_only_where_they_stand() -> None:
    invisible = RareCharacters(dict.fromkeys("\u200b\ufeff", " "))
    assert invisible.apply("\u200bCăn hộ\ufeff mẫu") == " Căn hộ  mẫu"
    text = "Căn hộ mẫu"
    assert invisible.apply(text) is text


def test_rare_characters_translate_runs_as_str_translate_does() -> None:
    mapping = {"\u00ad": None, "\u2013": "-", "\u00a0": " "}
    rare = RareCharacters(mapping)
    assert rare.apply("Hà\u00ad\u2013\u2013Nội\u00a0\u00ad") == "Hà--Nội "
    generator = random.Random(11)
    alphabet = [*"Sở Tư pháp\n", *mapping]
    for _ in range(200):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randrange(60)))
        assert rare.apply(text) == text.translate(str.maketrans(mapping))
