"""A page in two encodings is decoded by the majority of its bytes and the rest repaired, with a warning.

Before, one Windows-1258 byte in a UTF-8 page made the whole page Windows-1258 (officials 5 -> 0), and one
Windows-1258 paragraph lost every official outside it (5 -> 3)."""

from __future__ import annotations

import pytest
from fault_pages import (
    article_bytes,
    to_cp1258,
    whole_page_cp1258,
    with_one_cp1258_byte,
    with_one_cp1258_paragraph,
)

from extractors.article import extract_article_from_html
from extractors.options import ExtractionOptions
from extractors.page.encoding import MIXED_ENCODING, decode_html_bytes
from extractors.types import Article

OFFICIALS = ["Hoàng Minh Tuấn", "Lê Thị Thu Hà", "Đặng Quốc Khánh", "Vũ Thị Ngọc Lan", "Trần Đình Phúc"]
UTF8_SENTENCE = "Dịp này, Ban Thường vụ Huyện ủy tặng Giấy khen"


def extract(page: bytes) -> Article:
    options = ExtractionOptions(url="http://127.0.0.1:8000/web/songlam/tin-tuc/-/view_content/2024-tong-ket")
    return extract_article_from_html(page, options, "utf-8")


def cp1258_page_with_one_utf8_sentence() -> bytes:
    return whole_page_cp1258(article_bytes()).replace(to_cp1258(UTF8_SENTENCE), UTF8_SENTENCE.encode())


DAMAGED = {
    "one cp1258 byte in utf-8": with_one_cp1258_byte(article_bytes()),
    "one cp1258 paragraph in utf-8": with_one_cp1258_paragraph(article_bytes()),
    "one utf-8 sentence in cp1258": cp1258_page_with_one_utf8_sentence(),
}


def test_clean_page_has_five_officials() -> None:
    assert [o.name for o in extract(article_bytes()).facts.officials] == OFFICIALS


@pytest.mark.parametrize("damage", DAMAGED)
def test_damaged_page_keeps_every_official(damage: str) -> None:
    assert [o.name for o in extract(DAMAGED[damage]).facts.officials] == OFFICIALS


@pytest.mark.parametrize("damage", DAMAGED)
def test_damaged_page_text_equals_the_clean_text(damage: str) -> None:
    assert extract(DAMAGED[damage]).content.text == extract(article_bytes()).content.text


@pytest.mark.parametrize("damage", DAMAGED)
def test_repair_is_reported_as_a_warning(damage: str) -> None:
    assert MIXED_ENCODING in extract(DAMAGED[damage]).content.warnings


def test_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    decoded = decode_html_bytes(with_one_cp1258_byte(article_bytes()), "utf-8")
    assert decoded.encoding == "utf-8" and "năm 2025" in decoded.text


def test_whole_cp1258_page_is_decoded_without_repair_warning() -> None:
    decoded = decode_html_bytes(whole_page_cp1258(article_bytes()), "windows-1258")
    assert decoded.encoding == "cp1258"
    assert decoded.warnings == []
    assert "Đồng chí Hoàng Minh Tuấn, Bí thư Huyện ủy" in decoded.text


def test_two_stray_utf8_like_pairs_in_a_cp1258_page_are_not_read_as_utf8() -> None:
    # "Ê" + a curly quote is a valid UTF-8 byte pair by accident; two of them do not make a UTF-8 paragraph
    page = whole_page_cp1258(article_bytes()).replace(b"</title>", "</title><p>“LÊ” “LÊ”</p>".encode("cp1258"))
    decoded = decode_html_bytes(page, "windows-1258")
    assert "“LÊ” “LÊ”" in decoded.text and MIXED_ENCODING not in decoded.warnings
