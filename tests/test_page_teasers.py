"""Other stories' headlines an aggregator puts inline into a plain-text press body leave the text; citations,
notes, picture marks and brackets inside a sentence stay. Every name, place and headline here is invented."""

from __future__ import annotations

import pytest

from extractors.article import extract_article_from_text
from extractors.options import ExtractionOptions
from extractors.page.closing_boxes import lone_glued_box
from extractors.page.site_notices import drop_opening_notice, drop_related_lead
from extractors.page.teasers import drop_cell_tail, drop_closing_promo, drop_teasers

BEFORE = "Lễ khánh thành do UBND huyện Tây Lâm tổ chức ngày 12/4 tại xã Hòa Bình."
AFTER = "Cầu dài 120 m, được xây dựng bằng nguồn vốn ngân sách tỉnh."


@pytest.mark.parametrize(
    "teaser",
    [
        "  [Huyện Tây Lâm đón nhận bằng công nhận đạt chuẩn nông thôn mới]  ",  # between two spaces
        " [Chủ tịch tỉnh tiếp đoàn công tác của tỉnh Champasak] ",
        " [Vì sao dự án đường ven sông chậm tiến độ?] ",  # a question headline
        ' [Chuyển đổi số là "chìa khóa" của cải cách hành chính] ',  # quotes inside
        "  >> Tây Lâm khởi công đường liên xã Hòa Bình - Hòa Lợi  ",
        " » Phó Chủ tịch UBND tỉnh kiểm tra tiến độ xây dựng cầu Tân An? ",  # the headline's own stop ends it
        "  (Xem tiếp)   ",  # a digest's link to the full story after its summary
    ],
)
def test_a_teaser_between_two_sentences_leaves(teaser: str) -> None:
    assert " ".join(drop_teasers(BEFORE + teaser + AFTER).split()) == f"{BEFORE} {AFTER}"


@pytest.mark.parametrize(
    "line",
    [
        "Cơ quan đã làm rõ trách nhiệm [1]. Tiếp theo, đoàn kiểm tra làm việc với xã.",  # a citation
        "[1] Nguyễn Văn Tâm: Lịch sử Đảng bộ huyện Tây Lâm, Nxb Chính trị quốc gia, 2015, tr. 45.",  # a footnote
        "Ông viết: “Chúng tôi đã [sic] hoàn thành kế hoạch”. Đoàn ghi nhận kết quả.",
        "Đoàn kiểm tra công trình. [img] Sau đó, đoàn làm việc với UBND xã.",  # a picture mark
        "Hội nghị diễn ra sáng nay. [Tòa soạn lược trích một phần bài phát biểu.] Các đại biểu thảo luận.",  # a note
        "Ông Lê Văn Tâm cho biết [Ban Quản lý dự án huyện Tây Lâm] đã bàn giao mặt bằng.",  # inside a sentence
        "Ông nói: [Chúng tôi sẽ hoàn thành cầu trước mùa mưa] Đoàn ghi nhận.",  # after a colon: a quotation
        "Hội nghị bế mạc. [Ảnh: Trần Văn Lâm và Nguyễn Thu Hà] Đoàn ra về.",  # a picture credit
        "Trang chủ » Tin tức » Hoạt động của huyện",  # a breadcrumb
        "Video clip do người dân quay lại cho thấy Ông Tâm có mặt tại hiện trường.",  # no label: the word "video"
        "Bài liên quan đến dự án được đăng trên số báo trước.",  # "liên quan" in a sentence, no headline after it
        "Nội dung chi tiết xem tại đây. Bấm xem >> Minh Khuê",  # a link to click, then the writer
        # a mark before a sentence: the run holds a sentence's end, it is prose
        "Hội nghị kết thúc. » Tiếp đó, các đại biểu đi thăm mô hình trồng lúa của xã. Ông Tâm phát biểu.",
        "Nội dung quy hoạch (xem tiếp phụ lục 2) được niêm yết tại trụ sở xã.",  # a reference inside a sentence
    ],
)
def test_brackets_and_marks_that_are_not_teasers_stay(line: str) -> None:
    assert drop_teasers(line) == line


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # glued to the next sentence: a word that opens a news sentence ends the headline
        (
            "» Bí thư Huyện ủy đặt hàng hai câu hỏi lớn của Tây Lâm Nhân dịp này, huyện trao 12 suất học bổng.",
            "Nhân dịp này, huyện trao 12 suất học bổng.",
        ),
        (
            ">> Tây Lâm bầu bổ sung Phó Chủ tịch UBND huyện 15h30: Đại hội biểu quyết thông qua nghị quyết.",
            "15h30: Đại hội biểu quyết thông qua nghị quyết.",
        ),
        # two headlines one after the other, then the writer
        (
            "Xã sẽ báo cáo trước ngày 20/5. >> Học sinh được nghỉ học vì mưa lớn? >> Trường học Hòa Bình sửa mái "
            "trước mùa mưa bão  Minh Khuê",
            "Xã sẽ báo cáo trước ngày 20/5. Minh Khuê",
        ),
        # at the line's end
        (
            "Các xã hoàn thành kế hoạch. » Huyện Tây Lâm tổng kết công tác phòng chống thiên tai năm 2023",
            "Các xã hoàn thành kế hoạch.",
        ),
        # glued by a dump: marks to the headline before them, the next block to the last headline's last word
        (
            "Ảnh: Hoàng Minh.>>> Tây Lâm chi 30 tỷ đồng làm đường liên xã>>> Hòa Bình xin thêm vốn làm cầuĐây là "
            "nội dung văn bản số 215/UBND-KT.",
            "Ảnh: Hoàng Minh.Đây là nội dung văn bản số 215/UBND-KT.",
        ),
        # a related-story label read as a mark
        (
            "TIN LIÊN QUAN    Tây Lâm đề nghị tỉnh cấp vốn làm đường ven sôngTheo ông Lê Văn Tâm, Chủ tịch UBND huyện.",
            "Theo ông Lê Văn Tâm, Chủ tịch UBND huyện.",
        ),
        # a video's headline ends where a sentence opens on "Ông"/"Bà"
        (
            "Sự việc xảy ra chiều 3/5. Video: Cận cảnh con đường 20 tỷ đồng vừa làm đã hỏng Bà Trần Thị Mai, Phó Chủ "
            "tịch UBND xã, cho biết.",
            "Sự việc xảy ra chiều 3/5. Bà Trần Thị Mai, Phó Chủ tịch UBND xã, cho biết.",
        ),
        # marks glued to a caption's credit, a headline opening on "Ngày 1-4"
        (
            "Xe tải qua cầu Hòa Bình - Ảnh: Minh Khuê>>> Ngày 1-4 Tây Lâm thu phí cầu mới>>> Tây Lâm xin dời trạm "
            "thu phí",
            "Xe tải qua cầu Hòa Bình - Ảnh: Minh Khuê",
        ),
        # a sentence opening on a connective or a plural ends a video's headline
        (
            "Cầu được thông xe năm 2019. Video: Cận cảnh cây cầu 20 tỷ đồng xuống cấp Các hộ dân đã kiến nghị nhiều "
            "lần.",
            "Cầu được thông xe năm 2019. Các hộ dân đã kiến nghị nhiều lần.",
        ),
        (
            "Cầu được thông xe năm 2019. VIDEO: Xe tải chở quá tải vẫn qua cầu Hòa Bình Đáng chú ý là xe không có biển "
            "số.",
            "Cầu được thông xe năm 2019. Đáng chú ý là xe không có biển số.",
        ),
        # a headline's own "?" ends it where a dump glued the next block to it
        (
            ">> Vì sao đường Hòa Bình chậm tiến độ?Dân xã Hòa Lợi bức xúc (!?)Ngày 4/5, UBND xã họp dân.",
            "Dân xã Hòa Lợi bức xúc (!?)Ngày 4/5, UBND xã họp dân.",
        ),
    ],
)
def test_a_marked_headline_leaves_and_the_next_sentence_stays(line: str, kept: str) -> None:
    assert " ".join(drop_teasers(line).split()) == kept


def test_a_marked_headline_with_no_end_in_sight_stays() -> None:
    line = "» Huyện Tây Lâm khởi công cầu mới nối hai xã " + "và đường dẫn hai đầu cầu dài " * 8 + "trong năm nay"
    assert drop_teasers(line) == line


def test_a_press_dump_loses_its_inline_teaser_and_keeps_its_writer() -> None:
    page = (
        "Tây Lâm khánh thành cầu Hòa Bình\n"
        "Sáng 12/4, huyện Tây Lâm khánh thành cầu Hòa Bình nối hai xã vùng lũ.\n"
        f"{BEFORE}  [Tây Lâm đón bằng công nhận huyện nông thôn mới]  {AFTER} Dịp này, huyện khen thưởng 15 tập thể "
        "có thành tích trong phong trào xây dựng nông thôn mới. >> Vì sao cầu Hòa Lợi chậm tiến độ?  Minh Khuê\n"
    )
    content = extract_article_from_text(page, ExtractionOptions()).content
    assert "nông thôn mới]" not in content.text and "[" not in content.text
    assert "Hòa Lợi" not in content.text
    assert f"{BEFORE} {AFTER}" in content.text
    assert content.author == "Minh Khuê"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "Xã Tây Lâm đã hoàn thành 12 km đường. Hoàng Lan Báo Tây Lâm Mới cập nhật tin tức trong ngày liên tục, mới "
            "nhất",
            "Xã Tây Lâm đã hoàn thành 12 km đường. Hoàng Lan",
        ),
        (
            "Hội nghị kết thúc. Đọc báo Đời Sống Tây Lâm trong ngày cập nhật liên tục từng giờ tại chuyên mục Xã hội",
            "Hội nghị kết thúc.",
        ),
        ("Hội nghị kết thúc chiều cùng ngày./. Xem thêm:", "Hội nghị kết thúc chiều cùng ngày./."),
        ("Hội nghị kết thúc chiều cùng ngày. Nhập list tin", "Hội nghị kết thúc chiều cùng ngày."),
        # the series' next part and a video's headline, announced after the last sentence
        ("Hội nghị kết thúc chiều cùng ngày./. Bài 3: Gỡ khó cho hợp tác xã", "Hội nghị kết thúc chiều cùng ngày./."),
        (
            "Vụ việc đang được xác minh. Video: Tây Lâm kỷ luật cán bộ địa chính xã làm sai quy trình",
            "Vụ việc đang được xác minh.",
        ),
    ],
)
def test_an_outlets_closing_call_to_read_more_leaves(line: str, kept: str) -> None:
    assert drop_closing_promo(line) == kept


@pytest.mark.parametrize(
    "line",
    [
        "Báo cáo viên cập nhật liên tục tình hình dịch bệnh tại xã",
        "Người dân có thể xem thêm.",
        "Xem thêm các văn bản tại trụ sở UBND xã Tây Lâm.",
        "Hội nghị kết thúc chiều cùng ngày. Clip: Thu Hà",  # a short credit is read as the byline
        "Các nội dung gồm: Bài 1: giới thiệu chung",  # no sentence ends before it
    ],
)
def test_sentences_about_updates_or_reading_stay(line: str) -> None:
    assert drop_closing_promo(line) == line


CELL_BODY = " ".join([BEFORE, AFTER] * 8)  # a whole body, written as a dataset's quoted cell
GLUED = "Tây Lâm khởi công đường liên xã Hòa Bình - Hòa Lợi Chủ tịch tỉnh tiếp đoàn công tác của tỉnh Champasak"


def test_headlines_glued_after_a_quoted_cells_last_sentence_leave() -> None:
    assert drop_cell_tail(f'"{CELL_BODY} {GLUED}"') == f'"{CELL_BODY}"'


@pytest.mark.parametrize(
    "line",
    [
        f'"{BEFORE} Các đại biểu biểu quyết thông qua nghị quyết về sắp xếp xã"',  # a quoted lead: no whole body
        f"{CELL_BODY} {GLUED}",  # running text: a closing line without a stop may be a caption
        f'"{CELL_BODY} Ảnh: Lò Văn Thành"',  # too short to be headlines
    ],
)
def test_other_unclosed_endings_stay(line: str) -> None:
    assert drop_cell_tail(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Xã Hòa Bình ra mắt câu lạc bộ hát then đầu tiên của huyệnCâu lạc bộ có 25 thành viên, do nghệ nhân dẫn dắt.",
        "Vì sao dự án đường ven sông Tây Lâm chậm tiến độ?UBND huyện Tây Lâm vừa báo cáo HĐND về tiến độ.",
        # a teaser opening on a quote, a foreign name or an abbreviation
        "'Phố đi bộ' Tây Lâm đông nghịt khách, hàng rong tăng vọt'Phố đi bộ' quanh hồ đón nghìn khách mỗi tối.",
        "Nữ người mẫu Anna Keller lên bìa tạp chí cùng bạn trai kém 5 tuổiAnna Keller chia sẻ về sự nghiệp của cô.",
        "Ca sĩ Thu Lan được vinh danh tại lễ trao giải âm nhạc danhNSND Thu Lan nhận giải thưởng vì đóng góp.",
    ],
)
def test_a_related_box_glued_on_one_line_is_a_box_wherever_it_stands(line: str) -> None:
    assert lone_glued_box(line)


@pytest.mark.parametrize(
    "line",
    [
        "Tình hình lực lượngĐội Tây Lâm: Đầy đủ lực lượng",  # a label glued to its row: no story's headline
        "Cá lóc: 500gDứa: 1/4 quảCà chua: 2 quả",  # a recipe's ingredients
        "Khối doanh nghiệp đóng góp 3 người (chiếm tỷ lệ1,5%); các xã có 28 người (tỷ lệ 13,8%).",
        # a brand's capitals after a capital or one letter, inside a sentence
        "Ông Trần Văn Lâm, Giám đốc công ty VinTech Tây Lâm cho biết công ty sẽ mở thêm hai nhà máy.",
        "Người dân xã Hòa Bình nay có thể dùng iPhone để nộp hồ sơ và tra cứu kết quả trực tuyến.",
        "Cần bảo đảm kinh phí cho hòa giải ở cơ sởTrong phiên thảo luận, nhiều đại biểu đề nghị bầu hòa giải viên. "
        + "Đại biểu Trần Văn Lâm cho rằng tổ hòa giải phải do dân bầu. " * 12,  # a subhead glued into a whole body
    ],
)
def test_body_lines_glued_at_a_seam_are_no_box(line: str) -> None:
    assert not lone_glued_box(line)


NOTICE = "Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu "
PLACEHOLDER = " Nguồn: [Link nguồn]Nguồn: [Link nguồn]"


def test_the_save_buttons_notice_opening_a_record_body_is_dropped() -> None:
    line = NOTICE + "Sáng 4/2, UBND xã Hòa Bình tổ chức hội nghị tổng kết công tác năm 2025."
    assert drop_opening_notice(line) == "Sáng 4/2, UBND xã Hòa Bình tổ chức hội nghị tổng kết công tác năm 2025."


def test_the_notice_inside_a_sentence_stays() -> None:
    line = "Ông Lâm nói: Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trang Tin bài đã lưu."
    assert drop_opening_notice(line) == line


@pytest.mark.parametrize(
    "lead",
    [
        # cut at about 150 characters by the site, with "..."
        "Chủ tịch UBND tỉnh Trần Văn Khải vừa ký quyết định thành lập đoàn kiểm tra công tác phòng, chống"
        " thiên tai tại các xã vùng ven biển trong quý I...",
        # a short lead, whole
        "Giá lúa tăng mạnh sau Tết, nông dân các xã ven sông phấn khởi.",
        # after a caption's credit, without a stop
        "Đoàn công tác thăm hỏi gia đình chính sách tại xã Tân Lập, Đắk Lắk",
    ],
)
def test_a_related_lead_before_the_source_placeholder_is_dropped(lead: str) -> None:
    body = "Hội nghị đã thông qua nghị quyết về kế hoạch năm 2026. Hội nghị kết thúc (Ảnh: Minh Khoa) "
    assert drop_related_lead(body + lead + PLACEHOLDER) == body.rstrip()


def test_a_cut_lead_after_a_line_without_a_stop_starts_at_the_cut_length() -> None:
    body = "Bị cáo Trần Văn Lợi, nguyên Kế toán trưởng Công ty Minh Phát: 3 năm tù"
    lead = (
        "Chủ tịch UBND tỉnh Lê Hoàng Nam yêu cầu Công an tỉnh tiếp tục điều tra mở rộng, củng cố chứng cứ,"
        " xử lý nghiêm các đối tượng trong đường dây..."
    )
    assert drop_related_lead(body + " " + lead + PLACEHOLDER) == body


def test_a_whole_lead_takes_the_last_sentence_only() -> None:
    body = "Hội nghị đã thông qua nghị quyết. Hội nghị kết thúc lúc 11 giờ."
    assert drop_related_lead(body + " Xã Tân Lập có chủ tịch mới." + PLACEHOLDER) == body


def test_a_line_without_the_source_placeholder_keeps_its_last_sentence() -> None:
    line = "Hội nghị đã thông qua nghị quyết. Ông Phạm Văn Tài phát biểu bế mạc hội nghị."
    assert drop_related_lead(line) == line


def test_a_lead_without_a_sentence_start_in_reach_is_left_as_it_was() -> None:
    line = "Hội nghị " + "bàn về kế hoạch phát triển kinh tế xã hội của địa phương " * 5 + PLACEHOLDER
    assert drop_related_lead(line) == line
