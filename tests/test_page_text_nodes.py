"""A dump line written as a list literal of the page's text nodes becomes its paragraphs; other lines stay."""

from __future__ import annotations

import pytest

from extractors.page.text_nodes import expand_text_node_lines


@pytest.mark.parametrize(
    ("line", "paragraphs"),
    [
        # Runs cut at a link keep the space at their edge: one paragraph.
        (
            "['Bí thư Huyện ủy ', 'Phạm Văn Tường', ' chủ trì hội nghị.']",
            ["Bí thư Huyện ủy Phạm Văn Tường chủ trì hội nghị."],
        ),
        # A run opening on a comma or a lower-case word continues the paragraph.
        (
            "['Ông Nguyễn Hữu Lộc', ', Chủ tịch UBND xã, cho biết.']",
            ["Ông Nguyễn Hữu Lộc, Chủ tịch UBND xã, cho biết."],
        ),
        ("['Theo ', 'Kế hoạch số 12-KH/UBND', 'của UBND phường']", ["Theo Kế hoạch số 12-KH/UBND của UBND phường"]),
        # A capital with no space on either side starts a new block.
        (
            "['Hội nghị kết thúc.', 'Sáng 5/3, xã tổ chức ra quân.']",
            ["Hội nghị kết thúc.", "Sáng 5/3, xã tổ chức ra quân."],
        ),
        # A node of white space alone ends the paragraph; empty ones leave nothing behind.
        ('["Tin: ", "Hà My", "\\n", "Lê Anh", "\\n", "\\n"]', ["Tin: Hà My", "Lê Anh"]),
    ],
)
def test_a_text_node_list_becomes_its_paragraphs(line: str, paragraphs: list[str]) -> None:
    assert expand_text_node_lines([line]) == paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "[Ảnh minh họa] Lãnh đạo huyện thăm hỏi các hộ dân.",
        "['Bí thư Huyện ủy', 'Phạm Văn Tường'",
        "[1, 2, 3]",
        "['Đại hội', 3]",
        "[] ",
    ],
)
def test_other_lines_stay_as_they_are(line: str) -> None:
    assert expand_text_node_lines(["Dòng trước.", line]) == ["Dòng trước.", line]
