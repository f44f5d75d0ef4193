"""A text dump's metadata header (a record's "# key = value" lines, a static site's front matter), Markdown
syntax in a dump, and a headline checked against the address's slug."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.page.dump_header import header_date, read_dump_header
from extractors.page.markdown_lines import IMAGE_MARKER, hidden_blocks, markdown_text
from extractors.page.repeats import drop_repeats, visible
from extractors.page.text_page import reprint_link_at
from extractors.page.urls import agrees_with_slug, slug_words

RECORD = [
    "# doc_id = news_politics_031",
    "# url = https://bao.example.vn/a-b-c.htm",
    "# date = 20230912",
    "Sáng 12/9, …",
]
FRONT = [
    "---",
    "layout: post",
    "title:  'Xã Hòa Phong họp dân'",
    "date: 2024-02-06 08:00:00",
    "tags:",
    "    - Tin tức",
    "---",
    "",
    "Chiều 5/2, …",
]


def test_record_header_lines_end_where_the_body_starts() -> None:
    header = read_dump_header(RECORD)
    assert header.body_start == 3
    assert header.url == "https://bao.example.vn/a-b-c.htm"
    assert header.published is not None and header.published.day == date(2023, 9, 12)


def test_front_matter_gives_title_and_date() -> None:
    header = read_dump_header(FRONT)
    assert header.body_start == 7
    assert header.title == "Xã Hòa Phong họp dân"
    assert header.published is not None and header.published.day == date(2024, 2, 6)


DIGEST_TITLE = "[Hòa Phong] Xã Hòa Phong họp dân"


def test_a_digest_post_links_the_headline_it_reprints() -> None:
    lines = ["", "[Xã Hòa Phong họp dân](https://bao.example.vn/xa-hoa-phong-hop-dan.html)", "Chiều 5/2, …"]
    assert reprint_link_at(DIGEST_TITLE, lines) == 1


@pytest.mark.parametrize(
    "lines",
    [
        ["Chiều 5/2, …", "[Xã Hòa Phong họp dân](https://bao.example.vn/a.html)"],  # not the post's first line
        ["[Thôn Đông họp dân](https://bao.example.vn/b.html)", "Chiều 5/2, …"],  # another article's headline
        ["Xã Hòa Phong họp dân", "Chiều 5/2, …"],  # no link
    ],
)
def test_a_tagged_title_without_its_source_link_is_no_reprint(lines: list[str]) -> None:
    assert reprint_link_at(DIGEST_TITLE, lines) is None


@pytest.mark.parametrize(
    "lines",
    [
        ["# Tin: Xã Hòa Phong họp dân", "Chiều 5/2, …"],  # a heading, not a field
        ["---", "title: không đóng", "Chiều 5/2, …"],  # no closing fence
        ["Xã Hòa Phong họp dân", "Chiều 5/2, …"],
        [],
    ],
)
def test_no_header(lines: list[str]) -> None:
    header = read_dump_header(lines)
    assert header.body_start == 0 and not header.fields


@pytest.mark.parametrize(
    ("value", "day"),
    [("20210430", date(2021, 4, 30)), ("2025-07-01 00:00:01", date(2025, 7, 1)), ("03/01/2024", date(2024, 1, 3))],
)
def test_header_dates(value: str, day: date) -> None:
    found = header_date(value)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("![](https://anh.example.vn/a.jpg)", IMAGE_MARKER),
        ("![Ảnh 1.](https://anh.example.vn/a.jpg)", IMAGE_MARKER),
        ("[//]: # (template img ![]())", ""),
        ("**Sáng 3/4, xã Hòa Phong tổ chức hội nghị.**", "Sáng 3/4, xã Hòa Phong tổ chức hội nghị."),
        ("*Ông Lò Văn Sính phát biểu.*", "Ông Lò Văn Sính phát biểu."),
        ("**Hồ sơ tải tại đây: ** bản vẽ.pdf", "Hồ sơ tải tại đây: bản vẽ.pdf"),
        ("## Nhiều kết quả nổi bật", "Nhiều kết quả nổi bật"),
        ("theo kế hoạch của [UBND xã](https://xa.example.vn/kh) phê duyệt", "theo kế hoạch của UBND xã phê duyệt"),
        ("Ông A (Chủ tịch UBND xã) * phát biểu", "Ông A (Chủ tịch UBND xã) * phát biểu"),
        ("[img]", "[img]"),
        ("![](https://anh.example.vn/ban-ve%20(1).jpg)", IMAGE_MARKER),
        ("> Sáng 3/4, xã Hòa Phong tổ chức hội nghị.", "Sáng 3/4, xã Hòa Phong tổ chức hội nghị."),
        ("> **Điều 2.** Hiệu lực thi hành", "Điều 2. Hiệu lực thi hành"),
        (">", ""),
        (">> Xã Hòa Phong đón bằng nông thôn mới", ">> Xã Hòa Phong đón bằng nông thôn mới"),
        ("> > Xã Hòa Phong đón bằng nông thôn mới", "> > Xã Hòa Phong đón bằng nông thôn mới"),
        ("| --- | :---: | ---: |", ""),
        ("| 1 | Nhà 1 tầng | 2.640.000 |", "| 1 | Nhà 1 tầng | 2.640.000 |"),
        ("Tổng số hộ > 120 hộ", "Tổng số hộ > 120 hộ"),
    ],
)
def test_markdown_text(line: str, text: str) -> None:
    assert markdown_text(line) == text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ('<iframe src="https://maps.example.vn/embed?pb=1" width="600" height="450"></iframe>', IMAGE_MARKER),
        ('<img src="/img/post/ban-do.png" alt="Bản đồ xã Hòa Phong">', IMAGE_MARKER),
        ('<p align="center"><img src="/img/post/ban-do.png" width="80%"></p>', IMAGE_MARKER),
        ('![Bản đồ](https://anh.example.vn/a.png "Bản đồ xã Hòa Phong")', IMAGE_MARKER),
        ('![Bản đồ](/img/post/a.png){: width="800"}', IMAGE_MARKER),
        ('<a href="/res/pdf/ban-ve.pdf" target="_blank">Tải về bản vẽ</a>', "Tải về bản vẽ"),
        ("<center>Bản đồ tổng thể xã Hòa Phong</center>", "Bản đồ tổng thể xã Hòa Phong"),
        ('[Tải về bản vẽ](/res/pdf/ban-ve.pdf){:target="_blank"}', "Tải về bản vẽ"),
        ('[Kế hoạch](https://xa.example.vn/kh "Kế hoạch số 12") của UBND xã', "Kế hoạch của UBND xã"),
        ("Xem chi tiết [tại đây][1].", "Xem chi tiết tại đây."),
        ('[1]: https://xa.example.vn/kh "Kế hoạch"', ""),
        ('{% include map.html id="hoa-phong" %}', ""),
        ("{{ site.baseurl }}/img/post/ban-do.png", ""),
        ("{: .center}", ""),
        ("<!-- ảnh bản đồ cũ -->", ""),
        ("<br>", ""),
        ("<https://xa.example.vn/ban-do>", ""),
        ("https://drive.example.vn/file/d/1AbC/view", ""),
    ],
)
def test_markdown_text_drops_what_the_site_generator_renders(line: str, text: str) -> None:
    """HTML, template tags and attribute lists in a static site's Markdown are markup, not the post's words."""
    assert markdown_text(line) == text


@pytest.mark.parametrize(
    "line",
    ["Tỷ lệ hộ nghèo giảm xuống <3% và số hộ > 120", "Chỉ số a <b và c> d", "Giá {thỏa thuận} với chủ hộ"],
)
def test_prose_angle_brackets_and_braces_are_not_markup(line: str) -> None:
    assert markdown_text(line) == line


def test_hidden_blocks_blank_a_comment_or_frame_spanning_lines() -> None:
    lines = [
        "Xã Hòa Phong công bố bản đồ.",
        "<!-- ảnh cũ",
        "![](/img/cu.png)",
        "--> Người dân xem tại trụ sở.",
        '<iframe src="https://maps.example.vn/embed"',
        '  width="600"></iframe>',
        "Hạn góp ý là ngày 30/8.",
    ]
    assert hidden_blocks(lines) == [
        "Xã Hòa Phong công bố bản đồ.",
        "",
        "",
        " Người dân xem tại trụ sở.",
        "",
        "",
        "Hạn góp ý là ngày 30/8.",
    ]


def test_slug_words_drop_the_id_and_extension() -> None:
    url = "https://bao.example.vn/xa-hoi/ha-noi-co-them-5-quan-vao-nam-2025-20210425194611054.htm"
    assert slug_words(url) == ["ha", "noi", "co", "them", "5", "quan", "vao", "nam", "2025"]


def test_a_headline_agrees_with_its_slug_and_a_lead_does_not() -> None:
    url = "https://bao.example.vn/xa-hoi/ha-noi-co-them-5-quan-vao-nam-2025-20210425194611054.htm"
    assert agrees_with_slug("Hà Nội có thêm 5 quận vào năm 2025", url)
    assert not agrees_with_slug("Dự kiến đến năm 2025, thành phố sẽ thành lập thêm các đơn vị hành chính mới", url)
    assert agrees_with_slug("Bất kỳ dòng nào", "https://xa.example.vn/tin-tuc/chi-tiet")  # too short to judge
    assert agrees_with_slug("Bất kỳ dòng nào", "http://xa.example.test/hoa-phong-2.txt")


def test_slug_words_drop_any_extension() -> None:
    assert slug_words("http://xa.example.test/ban-tin-xa-hoa-phong-thang-3.txt")[-1] == "3"


@pytest.mark.parametrize(
    ("paragraphs", "kept"),
    [
        (  # a record's excerpt, cut from the body's first paragraph, written above it
            [
                "Sáng 3/4, xã Hòa Phong tổ chức hội nghị tổng kết công tác xây dựng nông thôn mới…",
                "Sáng 3/4, xã Hòa Phong tổ chức hội nghị tổng kết công tác xây dựng nông thôn mới năm 2023.",
                "B.",
            ],
            ["Sáng 3/4, xã Hòa Phong tổ chức hội nghị tổng kết công tác xây dựng nông thôn mới năm 2023.", "B."],
        ),
        (  # a sapo that repeats a later paragraph whole
            [
                "Ông Lò Văn Sính nói rằng xã sẽ hoàn thành 19 tiêu chí trong năm nay.",
                "A.",
                "Ông Lò Văn Sính nói rằng xã sẽ hoàn thành 19 tiêu chí trong năm nay.",
            ],
            ["A.", "Ông Lò Văn Sính nói rằng xã sẽ hoàn thành 19 tiêu chí trong năm nay."],
        ),
        (
            ["Kết quả nổi bật", "Kết quả nổi bật năm 2023 là xã đạt chuẩn."],
            ["Kết quả nổi bật", "Kết quả nổi bật năm 2023 là xã đạt chuẩn."],
        ),
        (["Xã Hòa Phong tổ chức hội nghị.", "./", "***", "5."], ["Xã Hòa Phong tổ chức hội nghị.", "5."]),
    ],
)
def test_drop_repeats(paragraphs: list[str], kept: list[str]) -> None:
    assert drop_repeats(paragraphs) == kept


def test_visible_drops_zero_width_characters() -> None:
    assert visible("\u200bCăn hộ\u200b khu Đông\ufeff") == "Căn hộ khu Đông"
