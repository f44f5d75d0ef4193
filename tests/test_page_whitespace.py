"""HTML white space as a browser renders it: hard-wrapped source lines are spaces, paragraphs come from block
elements and <br>, &nbsp; is a space, <pre> keeps its lines; deep nesting does not lose the text."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.article import extract_article_from_html
from extractors.options import ExtractionOptions
from extractors.page import dom, extract_html_page
from extractors.page.nesting import flatten_nesting

FIXTURES = Path(__file__).parent / "fixtures"
HARD_WRAPPED = FIXTURES / "pages" / "liferay-hard-wrapped.html"


def _blocks(path: Path) -> list[str]:
    root = dom.parse_html(path.read_text(encoding="utf-8"))
    return [block.text for block in dom.blocks_of(root.find("body"))]


def test_hard_wrapped_paragraph_comes_back_as_one() -> None:
    content = extract_html_page(HARD_WRAPPED.read_bytes(), ExtractionOptions())
    first = content.text.split("\n\n")[0]
    assert first == (
        "Chiều 11/3, Đảng ủy Sở Thông tin và Truyền thông tổ chức hội nghị quán triệt, triển khai Nghị quyết "
        "số 27-NQ/TU ngày 5/3/2024 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số đến năm 2030."
    )


def test_inline_runs_collapse_and_pre_keeps_its_lines() -> None:
    assert _blocks(FIXTURES / "html_text" / "pre-and-inline.html") == [
        "Ban Chỉ đạo đề nghị các xã hoàn thành trước ngày 30/6 và báo cáo kết quả.",
        "Lịch họp:\nThứ Hai - giao ban\nThứ Sáu - sơ kết",
        "Dòng một\nDòng hai",
        "Thu Hà",
    ]


def test_deep_nesting_keeps_the_text_and_says_so() -> None:
    page = HARD_WRAPPED.read_text(encoding="utf-8")
    deep = page.replace('<div id="wrapper">', '<div id="wrapper">' + "<div>" * 300).replace(
        "</body>", "</div>" * 300 + "</body>"
    )
    expected = json.loads((FIXTURES / "pages" / "liferay-hard-wrapped.expected.json").read_text(encoding="utf-8"))
    content = extract_html_page(deep, ExtractionOptions())
    assert content.text.split("\n\n") == expected["paragraphs"]
    assert dom.FLATTENED_WARNING in content.warnings


def test_flattening_leaves_a_line_break_for_each_deep_block() -> None:
    page = "<div><div><p>Một<br>hai</p><script>if (a<b) {}</script></div></div>"
    assert flatten_nesting(page, max_depth=1) == "<div><br><br>Một<br>hai<br><script>if (a<b) {}</script><br></div>"
    assert flatten_nesting(page, max_depth=10) == page


def test_flattening_drops_bare_wrappers_first() -> None:
    page = '<div><div><div class="bai"><p>Một</p></div></div></div>'
    assert flatten_nesting(page, max_depth=10, wrapper_depth=1) == '<div><div class="bai"><p>Một</p></div></div>'


def test_titles_crossing_a_source_line_stay_whole() -> None:
    article = extract_article_from_html(HARD_WRAPPED.read_bytes(), ExtractionOptions())
    assert {o.name: o.titles for o in article.facts.officials} == {
        "Lê Quang Thịnh": ["Trưởng ban tổ chức Tỉnh ủy"],
        "Vũ Thị Ngọc Hà": ["Phó Giám đốc phụ trách Sở Thông tin và Truyền thông"],
        "Trịnh Văn Khôi": ["Bí thư Đảng ủy Sở TT&TT"],
    }
