"""Staff tables of organisation pages (extractors/facts/staff_tables.py, extractors/page/staff_cells.py) over
invented rows, and the invented pages of tests/fixtures/heldout_orgtables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.article import extract_article_from_file, extract_article_from_html
from extractors.facts import extract_facts
from extractors.facts.staff_tables import find_staff_officials, staff_table_lines, with_staff_tables
from extractors.options import ExtractionOptions
from extractors.types import Evidence, Official

FIXTURES = Path(__file__).parent / "fixtures" / "heldout_orgtables"
ZWSP = "\u200b"


def _people(text: str) -> dict[str, list[str]]:
    return {person.name: person.titles for person in find_staff_officials(text)}


def test_bordered_rows_under_a_header_are_officials() -> None:
    text = (
        "| Stt | Họ và tên | Chức vụ | Số điện thoại |\n\n|---|---|---|---|\n\n"
        "| 1 | LÝ VĂN HÙNG | CT UBND XÃ | 0912 000 001 |\n\n| 2 | Mai Thị Lụa | PCT UBND xã | |"
    )
    assert _people(text) == {"LÝ VĂN HÙNG": ["CT UBND XÃ"], "Mai Thị Lụa": ["PCT UBND xã"]}


def test_markup_rows_without_borders_are_read_too() -> None:
    text = "STT | Họ tên | Chức danh | Điện thoại\n\n1 | Hà Văn Sơn | Bí thư Đảng ủy | 0912 000 002"
    assert _people(text) == {"Hà Văn Sơn": ["Bí thư Đảng ủy"]}


def test_rows_without_a_header_show_their_name_and_post_columns() -> None:
    text = (
        "II. LÃNH ĐẠO UBND XÃ\n\n1 | Lục Văn Thành | Chủ tịch UBND xã | 0912 000 011\n\n"
        "2 | H' Mai Niê | Phó Chủ tịch UBND xã | 0912 000 012\n\n3 | Vàng A Páo | PCT UBND xã; Trưởng Công an xã |"
    )
    assert _people(text) == {
        "Lục Văn Thành": ["Chủ tịch UBND xã"],
        "H' Mai Niê": ["Phó Chủ tịch UBND xã"],
        "Vàng A Páo": ["PCT UBND xã", "Trưởng Công an xã"],
    }


def test_one_row_without_a_header_is_not_a_staff_table() -> None:
    assert _people("1 | Lục Văn Thành | Chủ tịch UBND xã | 0912 000 011") == {}


def test_rows_without_a_header_and_without_titles_are_not_people() -> None:
    text = "1 | Nguyễn Văn Cừ | Phường Tân An | 120 hộ\n\n2 | Lê Hồng Phong | Phường Hòa Bình | 96 hộ"
    assert _people(text) == {}


def test_columns_come_from_the_header_in_any_order() -> None:
    text = "| Chức vụ | Tên | Email |\n\n| Trưởng Công an xã | Đinh Công Tráng | dct@x.gov.vn |"
    assert _people(text) == {"Đinh Công Tráng": ["Trưởng Công an xã"]}


def test_posts_split_at_commas_and_semicolons() -> None:
    text = "| Họ và tên | Chức vụ |\n| NAY Y BLƠ | PBT Đảng ủy, CT HĐND; CT UBND xã |"
    assert _people(text) == {"NAY Y BLƠ": ["PBT Đảng ủy", "CT HĐND", "CT UBND xã"]}


def test_zero_width_padding_is_dropped_and_offsets_point_at_the_name() -> None:
    text = f"| {ZWSP}Stt | {ZWSP}Họ và tên | {ZWSP}Chức vụ |\n| {ZWSP}1 | {ZWSP}K' BRƠI | {ZWSP}HUV |"
    (person,) = find_staff_officials(text)
    assert person.name == "K' BRƠI" and person.titles == ["HUV"]
    evidence = person.evidence[0]
    assert text[evidence.start : evidence.end] == "K' BRƠI"
    assert ZWSP not in evidence.snippet


def test_headerless_tables_after_a_unit_heading_continue_the_columns() -> None:
    text = (
        "1. ỦY BAN NHÂN DÂN XÃ A\n\n| Stt | Họ và tên | Chức vụ | Điện thoại |\n\n"
        "| 1 | Hồ Văn Tư | CT UBND xã | 090 |\n\n"
        "2. ỦY BAN NHÂN DÂN XÃ B\n\n| 1 | Y' Quang Niê | PCT UBND xã | 091 |"
    )
    assert _people(text) == {"Hồ Văn Tư": ["CT UBND xã"], "Y' Quang Niê": ["PCT UBND xã"]}


def test_a_paragraph_of_prose_ends_the_tables() -> None:
    prose = " ".join(["Huyện tiếp tục triển khai các nhiệm vụ trọng tâm của năm"] * 3) + "."
    text = f"| Họ và tên | Chức vụ |\n\n| Lê Văn Ba | Bí thư |\n\n{prose}\n\n| Trần Văn Tư | Trưởng thôn |"
    assert _people(text) == {"Lê Văn Ba": ["Bí thư"]}


def test_a_row_of_another_width_ends_the_table() -> None:
    text = "| Họ và tên | Chức vụ |\n| Lê Văn Ba | Bí thư |\n| Số | Ngày | Trích yếu |\n| Trần Văn Tư | Trưởng |"
    assert _people(text) == {"Lê Văn Ba": ["Bí thư"]}


def test_unit_rows_and_empty_rows_are_not_people() -> None:
    text = "| Stt | Họ và tên | Chức vụ |\n| | LÃNH ĐẠO UBND XÃ | |\n| 1 | Lê Văn Ba | |\n| | 0912 | Kế toán |"
    assert _people(text) == {"Lê Văn Ba": []}


def test_tables_without_a_staff_header_give_nothing() -> None:
    text = "| Số | Ngày | Trích yếu |\n| 12/KH-UBND | 3/4/2024 | Kế hoạch phòng dịch |\n| Lê Văn Ba | Bí thư | x |"
    assert _people(text) == {}
    assert staff_table_lines(text.split("\n")) == set()


def test_staff_table_lines_name_headings_headers_and_rows() -> None:
    lines = ["Trang chủ", "1. ỦY BAN NHÂN DÂN XÃ A", "| Họ và tên | Chức vụ |", "|---|---|", "| Lê Văn Ba | Bí thư |"]
    assert staff_table_lines(lines) == {0, 1, 2, 3, 4}


def test_a_person_of_the_prose_gains_the_posts_of_the_table() -> None:
    text = "Ông Lê Văn Ba phát biểu.\n\n| Họ và tên | Chức vụ |\n\n| Lê Văn Ba | Bí thư Đảng ủy |"
    prose = [Official(name="Lê Văn Ba", titles=["Chủ tịch UBND xã"], evidence=[Evidence(4, 13, "Lê Văn Ba")])]
    (person,) = with_staff_tables(text, prose)
    assert person.titles == ["Chủ tịch UBND xã", "Bí thư Đảng ủy"] and len(person.evidence) == 2


def test_a_prose_reading_inside_table_rows_gives_way_to_the_table() -> None:
    text = "| Họ và tên | Chức vụ |\n| LÊ VĂN BA | BÍ THƯ |\n| TRẦN VĂN TƯ | TRƯỞNG THÔN |"
    start = text.index("BÍ THƯ")
    misread = [Official(name="BÍ THƯ TRẦN", titles=[], evidence=[Evidence(start, start + 6, "")])]
    assert {p.name for p in with_staff_tables(text, misread)} == {"LÊ VĂN BA", "TRẦN VĂN TƯ"}


def test_extract_facts_merges_the_tables() -> None:
    text = "| Họ và tên | Chức vụ |\n\n| K' ĐỘ | PCT UBND huyện |"
    assert [(p.name, p.titles) for p in extract_facts(text).officials] == [("K' ĐỘ", ["PCT UBND huyện"])]


def test_line_breaks_in_a_post_cell_separate_posts() -> None:
    html = (
        "<html><body><div class='content'><p>Danh sách lãnh đạo xã.</p><table>"
        "<tr><td>Stt</td><td>Họ và tên</td><td>Chức vụ</td></tr>"
        "<tr><td>1</td><td>PHÙNG ĐỨC TOÀN</td><td>PBT ĐẢNG ỦY<br>CT UBND XÃ</td></tr>"
        "<tr><td>2</td><td>Lò Văn Thắm</td><td>UVBTV Tỉnh ủy,<br>Bí thư Huyện ủy</td></tr>"
        "</table></div></body></html>"
    )
    article = extract_article_from_html(html, ExtractionOptions())
    people = {p.name: p.titles for p in article.facts.officials}
    assert people == {
        "PHÙNG ĐỨC TOÀN": ["PBT ĐẢNG ỦY", "CT UBND XÃ"],
        "Lò Văn Thắm": ["UVBTV Tỉnh ủy", "Bí thư Huyện ủy"],
    }


def test_text_without_tables_is_untouched() -> None:
    prose = [Official(name="Lê Văn Ba", titles=["Bí thư"])]
    assert with_staff_tables("Ông Lê Văn Ba, Bí thư, phát biểu.", prose) is prose


@pytest.mark.parametrize("name", sorted(p.stem.removesuffix(".gold") for p in FIXTURES.glob("*.gold.json")))
def test_organisation_pages_keep_their_tables_and_list_every_person(name: str) -> None:
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    article = extract_article_from_file(FIXTURES / gold["input"], ExtractionOptions())
    assert "not-an-article" not in article.content.warnings
    found = {p.name.casefold(): [t.casefold() for t in p.titles] for p in article.facts.officials}
    expected = {p["name"].casefold(): [t.casefold() for t in p["titles"]] for p in gold["officials"]}
    assert found == expected
