"""Headlines wrapped over two lines of a text dump, and a writer's credit printed above the body."""

from __future__ import annotations

import pytest

from extractors.options import ExtractionOptions
from extractors.page import extract_html_page, extract_text_page
from extractors.page.byline import parse_byline, parse_leading_byline
from extractors.page.vocab import continues_headline

WRAPPED = [
    ("Ban Chấp hành Đảng bộ xã Tân Lập bầu bổ sung", "chức danh Phó Bí thư Đảng ủy xã"),
    ("Hội nghị Ban Chấp hành Đảng bộ phường lần thứ", "22, khóa XIV"),
    ("Đại hội đại biểu Đảng bộ huyện Mường Lay Thượng lần thứ XX,", "nhiệm kỳ 2025 - 2030"),
    ("Huyện ủy Bảo Hà Nam quán triệt Nghị quyết của", "Ban Chấp hành Trung ương Đảng"),
    ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ NẬM CHÀ LẦN THỨ", "XXIII, NHIỆM KỲ 2025 - 2030"),
]

NOT_WRAPPED = [
    ("Chuyển đổi số", "Huyện Krông Pắc Tây đẩy nhanh tiến độ thực hiện Đề án"),
    ("Xã Phú Lâm tổ chức lễ kỷ niệm 50 năm", "Ngày 15/3/2025"),
    ("Đồng chí Bí thư Huyện ủy tiếp công dân định kỳ", "Ngày đăng: 03/03/2025"),
    ("Hội nghị tổng kết công tác năm 2024.", "triển khai nhiệm vụ năm 2025"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN SƠN LÂM", "Xã Sơn Lâm ra quân làm đường giao thông"),
    ("Tin tức:", "xã ra quân làm đường giao thông nông thôn"),
]


@pytest.mark.parametrize(("upper", "lower"), WRAPPED)
def test_a_wrapped_headline_goes_on(upper: str, lower: str) -> None:
    assert continues_headline(upper, lower)


@pytest.mark.parametrize(("upper", "lower"), NOT_WRAPPED)
def test_separate_lines_are_not_one_headline(upper: str, lower: str) -> None:
    assert not continues_headline(upper, lower)


LEADING = [
    ("Tin: Thu Hằng", "Thu Hằng"),
    ("Bài, ảnh: Nguyễn Quang Vinh", "Nguyễn Quang Vinh"),
    ("Tin, ảnh: Lò Minh Quyết", "Lò Minh Quyết"),
    ("PV: Đinh Thu Trang", "Đinh Thu Trang"),
    ("Tin và ảnh: Y Phôn - H'Nga", "Y Phôn - H'Nga"),
    ("Nhóm PV", "Nhóm PV"),
]


@pytest.mark.parametrize(("line", "author"), LEADING)
def test_leading_byline(line: str, author: str) -> None:
    found = parse_leading_byline(line)
    assert found is not None and found.author == author


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh: Minh Anh",
        "Thu Hằng",
        "Văn phòng HĐND-UBND huyện",
        "PV: Thưa ông, kết quả thu ngân sách năm nay ra sao?",
        "Tin tức - Sự kiện",
        "Theo Báo Lào Cai",
    ],
)
def test_not_a_leading_byline(line: str) -> None:
    assert parse_leading_byline(line) is None


LEAD = (
    "Ngày 12/3, UBND huyện Tây Lâm tổ chức hội nghị bàn giải pháp xử lý tình trạng tàu cá vỏ thép hư hỏng, "
    "với sự tham dự của đại diện các xã ven biển và các chủ tàu."
)
BODY = (
    "Theo báo cáo của Phòng Nông nghiệp huyện, trong năm qua có 14 tàu phải nằm bờ để sửa chữa. "
    "Đồng chí Trần Minh Khoa, Phó Chủ tịch UBND huyện, đề nghị các xã rà soát từng trường hợp."
)


@pytest.mark.parametrize(
    "headline", ["Tàu cá vỏ thép ở Tây Lâm hư hỏng hàng loạt: vì sao?", "Nông dân Tây Lâm được mùa!"]
)
def test_a_question_on_the_first_line_is_the_headline(headline: str) -> None:
    content = extract_text_page("\n".join([headline, LEAD, BODY]), ExtractionOptions())
    assert content.title == headline
    assert content.text.startswith("Ngày 12/3")


def test_a_first_paragraph_of_two_sentences_is_no_headline() -> None:
    opening = "Vì sao tàu cá vỏ thép hư hỏng? Câu hỏi được đặt ra tại hội nghị của huyện Tây Lâm hôm qua."
    content = extract_text_page("\n".join([opening, LEAD, BODY]), ExtractionOptions())
    assert content.title != opening
    assert opening in content.text


MENU = "".join(
    f'<a href="/{i}">{item}</a>'
    for i, item in enumerate(["Trang chủ", "Thủ tục hành chính", "Tin tức - Sự kiện", "Văn bản pháp quy"])
)
DOCUMENT_PAGE = f"""<html><head><title>Trang chủ - Website Sở Tư pháp tỉnh Tây Lâm</title></head><body>
<div class="menu">{MENU}</div>
<div id="part1"><table id="tableforprint">
<tr><td><p class="Title">V/v chuyển đơn kiến nghị của bà Lê Thị Hoa, thôn Tân Lập. (12/04)</p></td></tr>
<tr><td><b class="lv_description_mode1"></b><div class="ExternalClassA">
<p>Sở Tư pháp tỉnh Tây Lâm chuyển đơn kiến nghị của bà Lê Thị Hoa, trú tại thôn Tân Lập, xã Tân Hưng, đến Ủy ban
nhân dân huyện Đồng Lạc để xem xét, giải quyết theo thẩm quyền.</p>
<p>Đề nghị Ủy ban nhân dân huyện Đồng Lạc thông báo kết quả giải quyết cho công dân trước ngày 30/4.</p>
</div></td></tr></table></div></body></html>"""


def test_a_dated_headline_of_the_profile_is_the_title_and_a_glued_menu_never_is() -> None:
    # the date after the headline makes it look like a related-list item; the menu's items run together
    content = extract_html_page(DOCUMENT_PAGE.encode(), ExtractionOptions())
    assert content.title == "V/v chuyển đơn kiến nghị của bà Lê Thị Hoa, thôn Tân Lập. (12/04)"


def test_a_menu_printed_without_spaces_is_no_title() -> None:
    page = f"<html><body><h1>{MENU}</h1><h2>{MENU.upper()}</h2><p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert extract_html_page(page.encode(), ExtractionOptions()).title is None


CLOSING_PAGE = (
    "<html><head><title>Tây Lâm</title></head><body><div class='menu'><a href='/'>Trang chủ</a> "
    "<a href='/tin-tuc'>Tin tức</a></div><article><h1>Tây Lâm triển khai kế hoạch năm 2024</h1>"
    "<div class='entry-content'><p>Sáng 5/3, UBND huyện Tây Lâm tổ chức hội nghị triển khai kế hoạch phát triển "
    "kinh tế - xã hội năm 2024 với sự tham dự của đại diện các phòng, ban và các xã, thị trấn.</p>"
    "<p>Hội nghị đã thống nhất các giải pháp trọng tâm để thực hiện thắng lợi các chỉ tiêu đề ra trong năm, trong "
    "đó chú trọng công tác cải cách hành chính và chuyển đổi số.</p>{closing}</div></article>"
    "<div class='related'><h3>Tin liên quan</h3><ul><li><a href='/x'>Huyện Tây Lâm tổng kết công tác năm 2023</a>"
    "</li></ul></div></body></html>"
)


@pytest.mark.parametrize(
    ("closing", "author", "credit"),
    [
        # the writer's name is a link to the writer's page
        ("<p style='text-align:right'><a href='/tac-gia/lan-chi'>Lan Chi</a></p>", "Lan Chi", None),
        # "Theo" and a linked name, the outlet on the next line
        (
            "<p style='text-align:right'>Theo <a href='/tac-gia/lan-chi'>Lan Chi</a></p><p>Báo Tây Lâm</p>",
            "Lan Chi",
            "Báo Tây Lâm",
        ),
        ("<p>Theo <a href='https://baotaylam.vn'>Báo Tây Lâm</a></p>", None, "Báo Tây Lâm"),
        ("<p style='text-align:right'><strong>Ban Biên tập</strong></p>", "Ban Biên tập", None),  # the desk signs
        # a name linked after another link is the page's furniture
        ("<p><a href='/xem-them'>Xem thêm</a></p><p><a href='/tac-gia/lan-chi'>Lan Chi</a></p>", None, None),
    ],
)
def test_a_closing_credit_of_a_page(closing: str, author: str | None, credit: str | None) -> None:
    page = extract_html_page(CLOSING_PAGE.format(closing=closing).encode(), ExtractionOptions())
    assert (page.author, page.source_credit) == (author, credit)
    assert page.text.endswith("chuyển đổi số.")


@pytest.mark.parametrize(
    "caption",
    ["Hoàng Văn Sơn và Lò Thị Lan trong tiết mục mở màn:", "Trần Minh Khoa và các cán bộ xã tại buổi lễ"],
)
def test_names_joined_by_and_to_a_caption_sign_nothing(caption: str) -> None:
    assert parse_byline(caption) is None


@pytest.mark.parametrize(
    ("line", "author"), [("ĐỨC TRONG", "ĐỨC TRONG"), ("Minh Sau", "Minh Sau"), ("Trong Nam", None)]
)
def test_a_word_that_opens_sentences_is_a_given_name_only_after_the_first(line: str, author: str | None) -> None:
    byline = parse_byline(line)
    assert (byline.author if byline else None) == author
