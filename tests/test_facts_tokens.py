"""The officials tokenizer: words, numbers and marks with their offsets, a highland prefix written apart
("Y' Dhăm") one token with its name, whichever path the text takes (with or without such a prefix)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.facts.person_names import _TOKEN_RE, tokenize

CASES = json.loads((Path(__file__).parent / "fixtures" / "tokens" / "tokenize.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:30] for case in CASES])
def test_tokens_keep_their_text_key_offset_and_case(case: dict) -> None:
    found = [[t.text, t.key, t.start, t.is_cap, t.is_abbr] for t in tokenize(case["text"])]
    assert found == case["tokens"]


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:30] for case in CASES])
def test_offsets_point_at_the_token_text(case: dict) -> None:
    text = case["text"]
    assert all(text[t.start : t.end] == t.text for t in tokenize(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bí thư Tỉnh ủy Hà Văn Lâmtrao quyết định", ["Lâm", "trao"]),  # a link's last syllable glued
        ("Tổng thống Mỹ John Mercerđề cử ông", ["Mercer", "đề"]),  # a foreign name glued to a Vietnamese word
        ("làng Pơloong", ["Pơloong"]),  # a highland name is one word
        ("ca sĩ Beyoncé", ["Beyoncé"]),  # a French mark is no Vietnamese word's
        ("Tổng thống Erdoğan", ["Erdoğan"]),
        ("chữ Muộii", ["Muộii"]),  # a typo's doubled vowel is no second word
        ("Bộ trưởng Lào Bunkhăm Volachít phát biểu", ["Bunkhăm", "Volachít"]),  # a Lao name's words stay whole
        ("đồng chí Khămxay Sổmphênh, Ủy viên Bộ Chính trị", ["Khămxay", "Sổmphênh"]),
        ("Tổng Bí thư Hà Văn Lâmcho biết, ông Khămphăn Xaynhạnôm dự", ["Lâm", "cho"]),
    ],
)
def test_a_word_glued_from_two_is_two_tokens(text: str, words: list[str]) -> None:
    tokens = [t.text for t in tokenize(text)]
    assert any(tokens[i : i + len(words)] == words for i in range(len(tokens)))
    assert "".join(words) not in tokens or len(words) == 1


def test_a_word_and_its_closing_mark_are_the_tokens_the_pattern_gives() -> None:
    text = "Dự họp có ông Lê Văn An, Chủ tịch UBND xã; bà Hà Thị Bình (Phó Chủ tịch). Hội nghị kết thúc lúc 11 giờ!"
    pieces = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == pieces
    by_text = {t.text: t for t in tokenize(text)}
    assert by_text["An"].is_cap and by_text["xã"].is_lower_word and by_text["UBND"].is_abbr
    assert not by_text[","].is_word and by_text[";"].key == ";"
