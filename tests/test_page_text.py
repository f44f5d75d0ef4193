"""Line-level widget pruning, bylines, dates and decoding on short realistic strings."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from extractors.article import extract_article_from_text
from extractors.options import ExtractionOptions
from extractors.page.byline import Byline, closing_signature, glued_byline, parse_byline, parse_unit_byline
from extractors.page.dates import has_weekday, labelled_date, parse_date
from extractors.page.encoding import decode_html_bytes, repair_text
from extractors.page.seams import numbered_items_apart, unglued
from extractors.page.text_page import extract_text_dump
from extractors.page.vocab import LineKind, classify_line, ends_sentence, is_sentence_prose

WIDGET_LINES = [
    ("Đang online: 12", LineKind.JUNK),
    ("ĐANG TRUY CẬP: 27", LineKind.JUNK),
    ("Hôm qua112", LineKind.JUNK),
    ("Tổng lượt truy cập: 1.025.377", LineKind.JUNK),
    ("Tất cả169486", LineKind.JUNK),
    ("IP: 203.0.113.7", LineKind.JUNK),
    ("View count: 85", LineKind.JUNK),
    ("Lượt xem: 3565", LineKind.JUNK),
    ("image advertisement", LineKind.JUNK),
    ("(còn nữa)", LineKind.JUNK),
    ("(Còn tiếp...)", LineKind.JUNK),
    ("Còn nữa những hộ chưa nhận tiền hỗ trợ.", LineKind.PROSE),
    ("QUẢNG CÁO", LineKind.SECTION_END),
    ("Quay lạiIn bài", LineKind.JUNK),
    ("In bài | Gửi bạn bè | Về đầu trang", LineKind.JUNK),
    ("Cỡ chữ: A- A A+", LineKind.JUNK),
    ("Bỏ qua để tới nội dung chính", LineKind.JUNK),
    ("Cơ quan chủ quản: UBND xã Tân Hòa", LineKind.JUNK),
    ("Giấy phép số 15/GP-TTĐT ngày 20/4/2018", LineKind.JUNK),
    ("Trang chủ » Tin tức", LineKind.JUNK),
    ("Xã Tân Hòa ra quân làm đường giao thông (12/08/2020)", LineKind.JUNK),
    ("TIN ĐÃ ĐƯA", LineKind.SECTION_END),
    ("Các bài khác", LineKind.SECTION_END),
    ("Văn bản chỉ đạo điều hành", LineKind.SECTION_END),
    ("Thăm dò ý kiến", LineKind.SECTION_END),
    ("LIÊN KẾT WEBSITE", LineKind.SECTION_END),
    ("Tin cùng chuyên mục:", LineKind.SECTION_END),
    ("Cập nhật lúc: 11/03/2025 08:30", LineKind.DATESTAMP),
    ("06/03/2025 09:41", LineKind.DATESTAMP),
    ("Ngày đăng: 12/06/2024 15:20 | Lượt xem: 387", LineKind.DATESTAMP),
    ("Tất cả cán bộ, đảng viên trong xã đều tham gia hội nghị.", LineKind.PROSE),
    ("Hôm nay, xã tổ chức lễ ra quân.", LineKind.PROSE),
    ("Quang cảnh hội nghị", LineKind.PROSE),
    ("Chia sẻ Facebook Zalo Sao chép liên kết", LineKind.JUNK),
    ("Kích thước chữ: A A A | In bài", LineKind.JUNK),
    ("Liên hệ quảng cáo", LineKind.JUNK),
    ("Xem thêm: Huyện tổ chức hội thi tuyên truyền viên giỏi", LineKind.JUNK),
    ("Đọc thêm >> Xã ra mắt câu lạc bộ dân vũ", LineKind.JUNK),
    (">> Khánh thành nhà văn hóa thôn Đông", LineKind.JUNK),
    ("Tin liên quan: Xã ra quân dọn vệ sinh môi trường", LineKind.JUNK),
    ("Xem thêm các hình ảnh của hội nghị ở phần dưới.", LineKind.PROSE),
    ("Thứ Hai, 03/03/2025", LineKind.DATESTAMP),
    ("Thứ 2, 03-03-2025", LineKind.DATESTAMP),
    ("Chủ nhật, 5/1/2025 - 08:15", LineKind.DATESTAMP),
    ("Hôm nay: Thứ Ba, 20/05/2025", LineKind.JUNK),
    ("Hôm nay, 20/05/2025", LineKind.JUNK),
    ("Trang chủ | Hôm nay: 20/05/2025", LineKind.JUNK),
    ("Giá lúa hôm nay 12/5/2025 tăng nhẹ ở các tỉnh miền Tây", LineKind.PROSE),  # a headline names its day
    ("=> Xem thêm những hình ảnh của hội nghị trên Báo Tây Lâm.", LineKind.JUNK),
    ("Dữ liệu đang được cập nhật!", LineKind.JUNK),
]


@pytest.mark.parametrize(("line", "kind"), WIDGET_LINES)
def test_classify_line(line: str, kind: LineKind) -> None:
    assert classify_line(line) is kind


BYLINES = [
    ("Tin, ảnh: Hoàng Lan", "Hoàng Lan", None),
    ("Tin ảnh: Hoàng Lan", "Hoàng Lan", None),
    ("Minh Anh (Đảng ủy Sở TT&TT)", "Minh Anh", None),
    ("Minh Anh (Đảng ủy (Khối) tỉnh)", "Minh Anh", None),
    ("Tin, ảnh: Thu Hà - TTVH&TT huyện", "Thu Hà", None),
    ("Thu Hà-Minh Tuấn", "Thu Hà-Minh Tuấn", None),
    ("PV Minh Anh", "Minh Anh", None),
    ("Thanh Tâm (Trung tâm VH-TT&TT huyện)", "Thanh Tâm", None),
    ("Vương Hợp - Xuân An", "Vương Hợp - Xuân An", None),
    ("Bài và ảnh: Trần Mai Phương", "Trần Mai Phương", None),
    ("PV", "PV", None),
    ("PV (tổng hợp)", "PV", None),
    ("Nhóm PV", "Nhóm PV", None),
    ("TTXVN", None, "TTXVN"),
    ("TTXVN/Tin Tức", None, "TTXVN/Tin Tức"),  # the agency and its paper: a source, no writer
    ("Y Niê - H'Blơng", "Y Niê - H'Blơng", None),
    ("K'Tuyết, Ksor H'Dơk", "K'Tuyết, Ksor H'Dơk", None),
    ("Lê Kim Oanh – Đặng Quế", "Lê Kim Oanh – Đặng Quế", None),
    ("Tin, ảnh: Mai Sương và Kpă Thị Lin", "Mai Sương và Kpă Thị Lin", None),
    ("Phạm Văn Trọng - TTVH", "Phạm Văn Trọng", None),
    ("(Theo TTXVN)", None, "TTXVN"),
    ("Thu Hà (tổng hợp)", "Thu Hà", None),
    ("Nguồn: Báo Tây Lâm", None, "Báo Tây Lâm"),
    ("Hà Thu Trang", "Hà Thu Trang", None),
    ("N.HƯƠNG", "N.HƯƠNG", None),  # an initial glued to the name
    ("Q,Tùng", "Q,Tùng", None),  # ... typed with a comma
    ("Thu Hà,Minh Tuấn", "Thu Hà,Minh Tuấn", None),
    ("Lan Chi/Báo Tây Lâm", "Lan Chi", "Báo Tây Lâm"),  # the writer, then the outlet
    ("Theo Lan Chi/VOV-Tây Nguyên", "Lan Chi", "VOV-Tây Nguyên"),
    ("Theo TTXVN Đỗ Minh Khoa", "Đỗ Minh Khoa", "TTXVN"),  # "Theo TTXVN" and the writer's line run together
    ("Theo Báo Tây Lâm", None, "Báo Tây Lâm"),
    ("Tin, ảnh Vũ Hạnh – Minh Đức", "Vũ Hạnh – Minh Đức", None),  # the credit without its colon
    ("Bài, ảnh Lưu Thị Quế", "Lưu Thị Quế", None),
    ("Tịn, ảnh THU HẰNG", "THU HẰNG", None),  # the credit word mistyped: names still follow ", ảnh"
    ("Hoài Nam Theo AFP", "Hoài Nam", "AFP"),  # the writer, then the source of the translated story
    ("Theo Kyodo Hoài Nam Theo Kyodo", "Hoài Nam", "Kyodo"),  # a dump repeating the credit around the name
    ("Lan Chi (theo Báo Tây Lâm)", "Lan Chi", "Báo Tây Lâm"),
    ("Theo Thu Hà (Báo Tây Lâm)", "Thu Hà", "Báo Tây Lâm"),  # after "Theo", a writer and the outlet
    ("TTXVN/Thu Hà", "Thu Hà", "TTXVN"),  # the agency, then its writer
    ("CTV Minh Khoa/VOV", "Minh Khoa", "VOV"),
    ("Minh Khoa/VOV Minh Khoa/VOV", "Minh Khoa", "VOV"),  # a dump printing the credit twice
    ("PV/Báo Tây Lâm", "PV", "Báo Tây Lâm"),
    ("Minh KhoaTheo Báo Tây Lâm", "Minh Khoa", "Báo Tây Lâm"),  # a dump dropped the break before "Theo"
    ("Lan ChiTheo Kyodo", "Lan Chi", "Kyodo"),
    ("B.T.Lan", "B.T.Lan", None),  # initials before the name
    ("B.Q.N", "B.Q.N", None),  # a writer signing with initials alone
    ("Th.Dương", "Th.Dương", None),
    ("Thu Hà - Minh Khoa thực hiện", "Thu Hà - Minh Khoa", None),  # what the writers did, after the names
    ("LAN CHI thực hiện", "LAN CHI", None),
    ("Minh Khoa ghi", "Minh Khoa", None),
    ("Minh Khoa (ghi) -", "Minh Khoa", None),
    ("Thu Hà  Tổng hợp", "Thu Hà", None),
    ("Thu Hà (tổng hợp) Tây Lâm", "Thu Hà", "Tây Lâm"),  # the outlet after the note on the work
    ("PGS.TS Lê Văn Khoa", "Lê Văn Khoa", None),  # an academic title is not part of the name
    ("ThS. Trần Thu Hà", "Trần Thu Hà", None),
    ("TS Lê Văn Khoa - ThS. Trần Thu Hà", "Lê Văn Khoa - Trần Thu Hà", None),
    ("Tin, bài: Minh Khoa - Lan Chi", "Minh Khoa - Lan Chi", None),
    ("Bài và ảnh: Minh Khoa/Báo Tây Lâm", "Minh Khoa", "Báo Tây Lâm"),  # the outlet after a slash
    ("Theo Minh Khoa - Lan Chi (Báo Tây Lâm)", "Minh Khoa - Lan Chi", "Báo Tây Lâm"),
    ("Khoa - Chi/VOV", "Khoa - Chi", "VOV"),  # given names alone before the outlet
    ("Mai Mai", "Mai Mai", None),  # a pen name of one word said twice is no credit printed twice
    ("Theo Lan Chi - Báo Tây Lâm", "Lan Chi", "Báo Tây Lâm"),  # the outlet after a dash
    ("Theo Thanh Xuân", None, "Thanh Xuân"),  # alone, "Theo" and a name may be an outlet named like a person
    ("Minh Khoa – Lan Chi Ảnh: Thu Hà", "Minh Khoa – Lan Chi", None),  # the photographer after the writers
    ("Lan Chi Ảnh, clip: Thu Hà, Minh Khoa", "Lan Chi", None),  # the media of the photo credit listed
    ("Bài, clip: Minh Khoa Ảnh: BTC", "Minh Khoa", None),  # the writer's media listed, a photo credit after
]


@pytest.mark.parametrize(("line", "author", "credit"), BYLINES)
def test_parse_byline(line: str, author: str | None, credit: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None and (byline.author, byline.source_credit) == (author, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Quang cảnh hội nghị",
        "Ban Tuyên Giáo Huyện Ủy",
        "Đại hội đại biểu Đảng bộ",
        "H'Blơng",
        "Tin ảnh hoạt động",
        "Xem, ảnh tại đây",
        "PV: Xin cảm ơn đồng chí!",  # an interview's last question, not a credit
        "PV: Ông có kiến nghị gì?",
        "(Ảnh: Lan Chi/TTXVN)",  # a caption's photo credit names the photographer
        "Tổng hợp",
        "Đoàn thăm nhà máy Ảnh: Lan Chi",  # a caption and its photo credit
        "UBND",  # an acronym is no name
        "VnExpress",
        "Clip: Lan Chi",  # who filmed the clip, like who took the photo, is not the writer
        "Ảnh, video: Báo Tây Lâm",
        "Ông Lê Văn Kiệt - Nguyên Giám đốc Sở TDTT tỉnh Hà Lam",  # a speaker named after a quote, not the writer
        "Bà Trần Thị Hạnh",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


ARTICLE = (
    "Tây Lâm triển khai kế hoạch phát triển kinh tế năm 2024\n\n"
    "Sáng 5/3, UBND huyện Tây Lâm tổ chức hội nghị triển khai kế hoạch phát triển kinh tế - xã hội năm 2024 với sự "
    "tham dự của đại diện các phòng, ban và các xã, thị trấn trên địa bàn huyện.\n\n"
    "Hội nghị đã thống nhất các giải pháp trọng tâm để thực hiện thắng lợi các chỉ tiêu đề ra trong năm, trong đó "
    "chú trọng công tác cải cách hành chính và chuyển đổi số.\n\n"
)


@pytest.mark.parametrize(
    ("closing", "author", "credit"),
    [
        ("Theo Lan Chi\nBáo Tây Lâm", "Lan Chi", "Báo Tây Lâm"),  # the outlet on the line under "Theo" and the name
        ("Theo Lan Chi\nbaotaylam.vn", "Lan Chi", "baotaylam.vn"),
        ("Theo Thanh Xuân", None, "Thanh Xuân"),
    ],
)
def test_a_writer_above_the_outlet(closing: str, author: str | None, credit: str | None) -> None:
    content = extract_article_from_text(ARTICLE + closing, ExtractionOptions()).content
    assert (content.author, content.source_credit) == (author, credit)
    assert content.text.endswith("chuyển đổi số.")


def test_an_office_acronym_does_not_credit_a_place() -> None:
    assert parse_byline("UBND Tây Lâm") is None


@pytest.mark.parametrize(
    ("line", "author", "source"),
    [
        ("Lan Chi - Tuổi Trẻ", "Lan Chi", "Tuổi Trẻ"),
        ("Lan Chi - Minh An - Dân Trí", "Lan Chi - Minh An", "Dân Trí"),
        ("Lan Chi - Minh An", "Lan Chi - Minh An", None),
        ("Theo Lan Chi Người Lao Động", "Lan Chi", "Người Lao Động"),  # after "Theo", the writer then the paper
        ("Theo T.AnVietnamNet", "T.An", "VietnamNet"),  # the paper glued to the writer's name
        ("Theo Người Lao Động", None, "Người Lao Động"),
        ("LAN CHI (Theo TTXVN) LAN CHI", "LAN CHI", None),  # the writer printed twice around the source
        ("Lan Chi (TTXVN)", "Lan Chi", "TTXVN"),  # the agency in parentheses after the writer is the source
        ("Khoa-Thành (TTXVN)", "Khoa-Thành", "TTXVN"),  # given names alone sign as an agency's writers do
        ("Lan Chi (Tây Lâm)", "Lan Chi", None),  # a place in parentheses is no source
    ],
)
def test_a_known_paper_after_the_writers_dash_is_the_source(line: str, author: str | None, source: str | None) -> None:
    assert parse_byline(line) == Byline(author=author, source_credit=source)


@pytest.mark.parametrize(
    ("paragraph", "text", "author"),
    [
        ("Hội nghị kết thúc vào chiều cùng ngày. Minh Khuê", "Hội nghị kết thúc vào chiều cùng ngày.", "Minh Khuê"),
        (
            "Đại biểu biểu quyết thông qua (100%). Theo TTXVN Đỗ Minh Khoa",
            "Đại biểu biểu quyết thông qua (100%).",
            "Đỗ Minh Khoa",
        ),
        ("Tỉnh sẽ tổng kết vào cuối năm. Lan Chi  (TTXVN)", "Tỉnh sẽ tổng kết vào cuối năm.", "Lan Chi"),
        ("Sau phiên khai mạc, các tổ thảo luận. Theo VGP", "Sau phiên khai mạc, các tổ thảo luận.", None),
        # the source in parentheses after the last sentence, then the writers
        (
            "Vụ việc đang được xác minh. (Theo Cổng TTĐT huyện Tây Lâm) Thu Hà - Minh Khuê",
            "Vụ việc đang được xác minh.",
            "Thu Hà - Minh Khuê",
        ),
        # a quotation closed by a mark standing apart ('… ”.') ends the last sentence
        ("Ông nói: “Chúng tôi sẽ làm tiếp... ”. Minh Khuê", "Ông nói: “Chúng tôi sẽ làm tiếp... ”.", "Minh Khuê"),
        # a caption's agency credit running on into the writer's name
        ("Đoàn thăm nhà máy. Ảnh: TTXVN Thu Hà", "Đoàn thăm nhà máy.", "Thu Hà"),
        # a caption in parentheses between the last sentence and the writer stays in the body
        (
            "Vụ việc đang được điều tra./. (Video hiện trường) Minh Khuê/VOV",
            "Vụ việc đang được điều tra./. (Video hiện trường)",
            "Minh Khuê",
        ),
        ("Hội nghị kết thúc vào chiều cùng ngày. B.Q.N", "Hội nghị kết thúc vào chiều cùng ngày.", "B.Q.N"),
        ("Hội nghị kết thúc. PGS.TS Lê Văn Khoa", "Hội nghị kết thúc.", "Lê Văn Khoa"),
        # a photo's credit in parentheses closes a caption left without its stop; the writer follows
        (
            "Hội nghị kết thúc. Đại biểu tham quan gian trưng bày nông sản của các địa phương (ảnh: T.L) TRẦN LAN",
            "Hội nghị kết thúc. Đại biểu tham quan gian trưng bày nông sản của các địa phương (ảnh: T.L)",
            "TRẦN LAN",
        ),
        # a caption in parentheses, then the source only
        ("Ông mất năm 1988. (Ảnh tư liệu) Theo VOV", "Ông mất năm 1988. (Ảnh tư liệu)", None),
        # the last sentence ends on a word of one letter ("nhà ở.", "gợi ý.")
        ("Các hộ đã có nhà ở. Theo Lan Chi/baotaylam.vn", "Các hộ đã có nhà ở.", "Lan Chi"),
        ("Bí thư Huyện ủy gợi ý. Minh Khoa", "Bí thư Huyện ủy gợi ý.", "Minh Khoa"),
        # a long note in parentheses after the writer's name
        (
            "Hội nghị kết thúc. Thu Hà (Tổng hợp theo Báo Tây Lâm, Báo Lâm Hà và Đài Tây Lâm)",
            "Hội nghị kết thúc.",
            "Thu Hà",
        ),
        (
            "Hội nghị kết thúc. GS.TS. Lê Văn Khoa(Khoa Luật, Trường Đại học Tây Lâm, Đại học Quốc gia)",
            "Hội nghị kết thúc.",
            "Lê Văn Khoa",
        ),
        # a credit a dump printed twice, too long for a credit until read once
        (
            "Hội nghị kết thúc./. Thu Hà - Lan Chi/VOV-Tây Lâm Tin Thu Hà - Lan Chi/VOV-Tây Lâm Tin",
            "Hội nghị kết thúc./.",
            "Thu Hà - Lan Chi",
        ),
        # a writer in capitals after a caption left without its stop
        (
            "Hội thảo kết thúc. Đại biểu tham quan gian trưng bày nông sản của các địa phương THU HÀ",
            "Hội thảo kết thúc. Đại biểu tham quan gian trưng bày nông sản của các địa phương",
            "THU HÀ",
        ),
        # a given name that is also an organ word, where the writer signs
        (
            "Đề án sẽ trình HĐND huyện vào kỳ họp cuối năm. Văn Đảng",
            "Đề án sẽ trình HĐND huyện vào kỳ họp cuối năm.",
            "Văn Đảng",
        ),
        # two writers signing by their given names alone
        (
            "Hội nghị kết thúc vào chiều cùng ngày. Khoa - Thành",
            "Hội nghị kết thúc vào chiều cùng ngày.",
            "Khoa - Thành",
        ),
        # an exclamation closed twice ("!.")
        ("Chúc các bạn trẻ lên đường bình an !. Minh Khuê", "Chúc các bạn trẻ lên đường bình an !.", "Minh Khuê"),
        # a name in capitals, then what the writer did, after a sentence left without its stop
        (
            "Các liệt sĩ được an táng tại nghĩa trang XUÂN AN thực hiện",
            "Các liệt sĩ được an táng tại nghĩa trang",
            "XUÂN AN",
        ),
        # a reference list closing the paragraph: its last address ends the item, the writer follows it
        (
            "Mong thành phố sớm sửa cơ chế. Tài liệu tham khảo: [1] http://baotaylam.vn/giu-xe-1234.htm Minh Khuê",
            "Mong thành phố sớm sửa cơ chế. Tài liệu tham khảo: [1] http://baotaylam.vn/giu-xe-1234.htm",
            "Minh Khuê",
        ),
        # the newsroom's sign closed by a stop
        ("Bộ sẽ hoàn thành việc rà soát trong quý III. PV.", "Bộ sẽ hoàn thành việc rà soát trong quý III.", "PV"),
    ],
)
def test_a_byline_run_onto_the_closing_paragraph(paragraph: str, text: str, author: str | None) -> None:
    signed = glued_byline(paragraph)
    assert signed is not None and (signed.text, signed.byline.author) == (text, author)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Sau phiên khai mạc, các tổ thảo luận. Theo chương trình, hội nghị làm việc đến ngày 18/5.",
        "Sau phiên khai mạc, các tổ thảo luận. Theo kế hoạch, các tổ sẽ báo cáo vào chiều mai",
        "Đoàn đã đến thăm các hộ gia đình chính sách. Các đại biểu chụp ảnh lưu niệm",
        "Hội nghị kết thúc vào chiều cùng ngày. Tại Tây Lâm",
        "Hội nghị kết thúc vào chiều cùng ngày. (Theo Báo Tây Lâm) các tổ thảo luận tiếp",
        "Đoàn thăm nhà máy. Ảnh: Báo Tây Lâm",  # a caption's photo credit signs nothing
        "4. Kim Sơn - Văn Lâm",  # a numbered list's item: its number is no sentence, its words sign nothing
        "Đoàn thăm nhà máy. (Ảnh: Lan Chi/TTXVN)",
        "Hội nghị kết thúc. Đại biểu Lê Văn Khoa (Phó Chủ tịch UBND huyện Tây Lâm) phát biểu tại hội nghị",
        # a speaker quoted with the office, not a writer
        "Hội nghị kết thúc. Bà TRẦN THU HÀ, Phó Giám đốc Sở Nông nghiệp (UBND tỉnh Tây Lâm)",
        # capitals after a word that governs them are the text's own name or place
        "Hội nghị kết thúc. Đại biểu đã thăm các thôn, bản vùng cao thuộc địa bàn huyện ĐẮK LÂM",
        "Hội nghị kết thúc. Đây là những ý kiến mà các cử tri trong xã đã gửi tới ông NGUYỄN VĂN AN",
        "Hội nghị kết thúc. Ban Đảng",  # an organ word that no name opens
        "Hội nghị kết thúc. Mời bạn đọc truy cập www.taylam.gov.vn để góp ý dự thảo",  # the sentence goes on
        "Cuối buổi, đoàn trở về TP. HCM.",  # a place's abbreviation closing a sentence is no staff sign
    ],
)
def test_no_byline_run_onto_the_closing_paragraph(paragraph: str) -> None:
    assert glued_byline(paragraph) is None


@pytest.mark.parametrize(
    "line", ["Văn phòng HĐND-UBND huyện", "Ban Tuyên giáo Huyện ủy", "Trung tâm VH-TT&TT huyện Ia Pết"]
)
def test_office_signing_a_closing_line(line: str) -> None:
    assert parse_unit_byline(line) == Byline(author=line, by_unit=True)


@pytest.mark.parametrize(
    "line",
    [
        "Hội nghị kết thúc",
        "Ban Chấp hành Đảng bộ xã",
        "Phòng họp UBND xã",
        "Ban tổ chức trao quà cho các xã.",
        "Hội Nông dân xã ra quân làm đường giao thông",  # a closing photo caption, not a signature
        "Hội LHPN huyện tặng quà hộ nghèo",
    ],
)
def test_not_an_office_signing(line: str) -> None:
    assert parse_unit_byline(line) is None


def test_parse_date_with_time() -> None:
    found = parse_date("Cập nhật lúc 16:32 ngày 08/08/2024 | Lượt xem: 1234")
    assert found is not None and found.at == datetime(2024, 8, 8, 16, 32)


def test_a_two_digit_year_is_read_beside_a_clock_time() -> None:
    found = parse_date("14/05/13 16:20 GMT+7")
    assert found is not None and found.at == datetime(2013, 5, 14, 16, 20)
    assert classify_line("14/05/13 16:20 GMT+7") is LineKind.DATESTAMP


@pytest.mark.parametrize(
    ("stamp", "at"),
    [
        ("2026-02-03T14:16:50+00:00", datetime(2026, 2, 3, 21, 16, 50)),
        ("2026-02-03T18:05:00Z", datetime(2026, 2, 4, 1, 5)),  # past 17:00 UTC: the next day in Việt Nam
        ("2024-08-01T07:00:00+07:00", datetime(2024, 8, 1, 7, 0)),
        ("2026-01-31 23:30:00-05:00", datetime(2026, 2, 1, 11, 30)),
        # RSS and e-mail stamps: the month by its name, the zone after the clock
        ("Mon, 08 Apr 2024 16:00:00 +0700", datetime(2024, 4, 8, 16, 0)),
        ("Thu, 12 Dec 2024 23:30:00 +0000", datetime(2024, 12, 13, 6, 30)),
        ("Wed, 01 May 2024 09:15 GMT", datetime(2024, 5, 1, 16, 15)),
    ],
)
def test_a_timestamp_with_an_offset_is_read_on_vietnam_clock(stamp: str, at: datetime) -> None:
    found = parse_date(stamp)
    assert found is not None and found.at == at and found.day == at.date()


@pytest.mark.parametrize(
    ("line", "day"),
    [("Posted on April 8, 2024", date(2024, 4, 8)), ("Updated 3 Sept. 2025", date(2025, 9, 3))],
)
def test_an_english_date_line_gives_its_day(line: str, day: date) -> None:
    found = parse_date(line)
    assert found is not None and found.day == day


def test_may_is_a_month_only_in_a_stamp() -> None:
    assert parse_date("Tổ 12 may 2024 bộ quần áo cho học sinh") is None


def test_an_iso_timestamp_alone_is_a_date_stamp() -> None:
    assert classify_line("2026-02-03T14:16:50+00:00") is LineKind.DATESTAMP
    assert classify_line("Giai đoạn 2026-2030 đặt mục tiêu tăng trưởng") is LineKind.PROSE


@pytest.mark.parametrize("line", ["đạt tỷ lệ 12/5/13 xã", "Tổ 3/4/12 khu phố 5"])
def test_a_two_digit_year_without_a_time_is_no_date(line: str) -> None:
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("theo mô hình này.Hà Thư", "theo mô hình này. Hà Thư"),
        ("đất được thu hồi…Trần Duy Hưng", "đất được thu hồi… Trần Duy Hưng"),
        ("(chiếm 11,9%).THÚY HẢI", "(chiếm 11,9%). THÚY HẢI"),
        ("phù hợp với thị trường...Chiêu Lâm", "phù hợp với thị trường... Chiêu Lâm"),
        ("giai đoạn AIDS.Thu Trang", "giai đoạn AIDS. Thu Trang"),
        ("để cử tri theo dõi./.Lê Khánh (TTXVN)", "để cử tri theo dõi./. Lê Khánh (TTXVN)"),
        ("ĐB Trần Văn Phúc (Hội Luật gia)Minh Tâm", "ĐB Trần Văn Phúc (Hội Luật gia) Minh Tâm"),
        ("PGS.TS.Nguyễn Văn Hòa", "PGS.TS.Nguyễn Văn Hòa"),
        ("ThS.Lê Thu", "ThS.Lê Thu"),
        ("“Chống người thi hành công vụ”?.Hồng Thúy", "“Chống người thi hành công vụ”?. Hồng Thúy"),
        ("Bí thư Thành ủy TP.HCM và H.Yên Minh", "Bí thư Thành ủy TP.HCM và H.Yên Minh"),
        ("Bí thư Thành ủy Tp.HCM", "Bí thư Thành ủy Tp.HCM"),
        ("Th.Dương", "Th.Dương"),
        ("website tanphuoc.gov.vn", "website tanphuoc.gov.vn"),
        ("so với cùng kỳ năm 2019.Lan Chi", "so với cùng kỳ năm 2019. Lan Chi"),
        ("báo cáo trước ngày 30.5.Thu Hà", "báo cáo trước ngày 30.5. Thu Hà"),
        ("giai đoạn 2016-2020.VĂN AN", "giai đoạn 2016-2020. VĂN AN"),
        ("để giải quyết tình huống.”Theo Lan Chi", "để giải quyết tình huống.” Theo Lan Chi"),
        ("Quyết định số 12/2019.QĐ-UBND", "Quyết định số 12/2019.QĐ-UBND"),
        ("Điều 5.Hiệu lực thi hành", "Điều 5.Hiệu lực thi hành"),
        ("báo cáo Thủ tướng trong quý 3-2031.K.Lâm", "báo cáo Thủ tướng trong quý 3-2031. K.Lâm"),
        ("thực hiện Thông tư số 07/2031/TT-BXD.T.Hòa", "thực hiện Thông tư số 07/2031/TT-BXD. T.Hòa"),
        ("trên quốc lộ 1A, 217...P.Q", "trên quốc lộ 1A, 217... P.Q"),
        (
            "thầy trò Trường Hòa Khánh trong năm học 2030-2031.H.THU",
            "thầy trò Trường Hòa Khánh trong năm học 2030-2031. H.THU",
        ),
        ("nộp cho ông Trần V.A", "nộp cho ông Trần V.A"),
        ("theo ký hiệu A.B.C", "theo ký hiệu A.B.C"),
    ],
)
def test_glued_blocks_are_parted_at_a_stop(line: str, text: str) -> None:
    assert unglued(line) == text


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Ảnh: Thanh HảiTại hội nghị", "Ảnh: Thanh Hải Tại hội nghị"),
        ("Ảnh: PHẠM KHÁNHĐến nay", "Ảnh: PHẠM KHÁNH Đến nay"),
        ("Ảnh: T.LĐến nay", "Ảnh: T.L Đến nay"),
        ("Ảnh: UEVFCuộc thi", "Ảnh: UEVF Cuộc thi"),
        ("Ảnh: Hoàng Long1. Lãnh đạo xã", "Ảnh: Hoàng Long 1. Lãnh đạo xã"),
        ("ÔngTrần Văn Tâm, nhiệm kỳ2020-2025", "Ông Trần Văn Tâm, nhiệm kỳ 2020-2025"),
    ],
)
def test_glued_blocks_are_parted_at_a_capital_or_a_number(line: str, text: str) -> None:
    assert unglued(line) == text


def test_an_aggregators_glued_blocks_are_parted_by_a_line_break() -> None:
    assert unglued("Chủ tịch UBND xã Tân LậpNằm ở vùng trũng", blocks_apart=True) == (
        "Chủ tịch UBND xã Tân Lập\nNằm ở vùng trũng"
    )


def test_a_credit_in_capitals_glued_after_a_caption_is_its_own_block() -> None:
    assert unglued("Một chuyên gia giao thôngMINH AN - THU HÀ", blocks_apart=True) == (
        "Một chuyên gia giao thông\nMINH AN - THU HÀ"
    )


def test_a_numbered_list_glued_into_one_line_is_parted_at_its_running_numbers() -> None:
    line = (
        "1. Lê Văn An, Bí thư Tỉnh ủy Hà Giang2. Trần Văn Bình, Chính ủy Quân khu 73. Phạm Thị Cúc, Chủ tịch Hội "
        "Nông dân tỉnh4 Đỗ Văn Duy, Giám đốc Sở Y tế"
    )
    assert numbered_items_apart(line) == (
        "1. Lê Văn An, Bí thư Tỉnh ủy Hà Giang\n2. Trần Văn Bình, Chính ủy Quân khu 7\n3. Phạm Thị Cúc, Chủ tịch Hội "
        "Nông dân tỉnh\n4 Đỗ Văn Duy, Giám đốc Sở Y tế"
    )


@pytest.mark.parametrize(
    "line",
    [
        "1. Xã Tân Lập có 12. Đây là số hộ nghèo, giảm 3. Năm nay xã phấn đấu giảm tiếp.",
        "Năm 2023 xã có 2. Lê Văn An, Chủ tịch UBND xã3. Trần Văn Bình4. Phó Chủ tịch",
    ],
)
def test_a_line_without_a_run_of_glued_numbers_is_no_list(line: str) -> None:
    assert numbered_items_apart(line) == line


def test_link_marks_before_a_dumps_first_line_are_no_part_of_its_headline() -> None:
    dump = (
        "&gt;&gt; Danh sách ủy viên Ban Chấp hành Đảng bộ huyện Tân Lập khóa XX\n"
        "Sáng 12/5, Đại hội Đảng bộ huyện Tân Lập đã bầu Ban Chấp hành khóa XX gồm 45 đồng chí, trong đó có "
        "nhiều đồng chí lần đầu tham gia cấp ủy huyện.\n"
    )
    page = extract_text_dump(dump, ExtractionOptions())
    assert page.title == "Danh sách ủy viên Ban Chấp hành Đảng bộ huyện Tân Lập khóa XX"


@pytest.mark.parametrize("line", ["nhiệm kỳXII", "văn bản gửiTTXVN"])
def test_a_roman_number_or_an_acronym_in_capitals_is_no_block(line: str) -> None:
    assert unglued(line, blocks_apart=True) == line


@pytest.mark.parametrize(
    "line",
    [
        "VnExpress, KienLong, VNPost, FPTShop",
        "TCty Lương thực, QĐ-TTg, 22/CTr-UBND, ThS. Lê An",
        "trạm 110kV, nhà 600m2, máy bay ATR72, iPhone",
        "Sở GD&ĐTmới, trường Đồi NGô",
    ],
)
def test_brands_abbreviations_units_and_codes_are_no_seams(line: str) -> None:
    assert unglued(line) == line


def test_a_stamp_over_the_furniture_closes_an_article_after_many_captions() -> None:
    captions = [f"Đoàn viên xã Tân Lập số {n} nhận quà" for n in range(1, 9)]
    dump = "\n".join(
        [
            "Xã Tân Lập trao quà cho đoàn viên",
            "Sáng 21/5, Đoàn xã Tân Lập tổ chức trao 80 suất quà cho đoàn viên có hoàn cảnh khó khăn trong xã.",
            "Bí thư Đoàn xã cho biết các suất quà do các doanh nghiệp trên địa bàn ủng hộ trong tháng thanh niên.",
            *captions,
            "21/05/13 16:20 GMT+7",
            "Xã hội",
            "Đoàn viên,Tân Lập",
            "Thanh Niên Mới",
        ]
    )
    content = extract_text_dump(dump, ExtractionOptions())
    assert content.published_on == date(2013, 5, 21)
    assert "Thanh Niên Mới" not in content.text


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Ngày đăng: 12/06/2024", date(2024, 6, 12)),
        ("Đăng ngày 5-3-2025", date(2025, 3, 5)),
        ("Cập nhật: 08 tháng 8 năm 2024", date(2024, 8, 8)),
    ],
)
def test_labelled_date(line: str, day: date) -> None:
    found = labelled_date(line)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Hai, 03/03/2025", True),
        ("Chủ nhật, 5/1/2025 - 08:15", True),
        ("Thứ 2, 03-03-2025", True),
        ("Ngày đăng: 03/03/2025", False),
        ("Thứ hai là nâng cao chất lượng đội ngũ", False),
    ],
)
def test_weekday_before_a_date(line: str, expected: bool) -> None:
    assert has_weekday(line) is expected


def test_a_sentence_may_end_with_a_number() -> None:
    assert is_sentence_prose("Buổi lễ diễn ra trang trọng tại Nhà văn hóa khu phố 3. Dự lễ có đông đảo Nhân dân.")


def test_an_initial_does_not_end_a_sentence() -> None:
    assert not is_sentence_prose("Đồng chí Nguyễn Văn H. Bí thư Chi bộ thôn Đông dự hội nghị tổng kết công tác năm")


def test_a_one_letter_roman_numeral_after_the_word_it_numbers_ends_a_sentence() -> None:
    assert is_sentence_prose("Danh sách được chuyển cho ban kiểm phiếu để báo cáo Ban chấp hành Trung ương khóa X.")
    assert not is_sentence_prose("Đoàn công tác do ông Lê Văn X. Trần phụ trách đã làm việc với lãnh đạo xã Tân An")


@pytest.mark.parametrize(("word", "ends"), [("ở.", True), ("ý.", True), ("H.", False), ("p.", False), ("đ.", False)])
def test_a_word_of_one_letter_ends_a_sentence_an_initial_does_not(word: str, ends: bool) -> None:
    assert ends_sentence(word) is ends


def test_cp1258_bytes_come_out_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Huyện ủy")
    raw = "<meta charset='windows-1258'><p>".encode("ascii") + "Huyê\u0323n u\u0309y".encode("cp1258")
    decoded = decode_html_bytes(raw, http_encoding="utf-8")
    assert "Huyện ủy" in decoded.text and decomposed not in decoded.text


def test_utf8_bytes_win_over_a_wrong_label() -> None:
    decoded = decode_html_bytes("<meta charset='iso-8859-1'><p>Đảng bộ</p>".encode(), http_encoding="latin-1")
    assert "Đảng bộ" in decoded.text and decoded.encoding == "utf-8"


def test_mojibake_is_repaired_and_reported() -> None:
    broken = "Đồng chí Bí thư Huyện ủy".encode().decode("latin-1")
    repaired = repair_text(broken, "utf-8")
    assert repaired.text == "Đồng chí Bí thư Huyện ủy"
    assert repaired.warnings == ["mojibake", "mojibake-fixed"]


def test_clean_vietnamese_is_not_mojibake() -> None:
    assert repair_text("Hà Nội, NGÃ BA Đồng Lộc — “Tất cả”", "utf-8").warnings == []


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Khoa - Thành", "Khoa - Thành"),  # given names alone
        ("TLâm", "TLâm"),  # an initial glued to the given name, its dot lost
        ("TPHCM", None),  # an acronym
        ("VinTech", None),  # a brand
        ("Hòa Bình", None),  # a place, or a full name that the byline reader judges
    ],
)
def test_a_signature_under_the_last_sentence(line: str, author: str | None) -> None:
    found = closing_signature(line)
    assert (found.author if found else None) == author


def test_zero_width_characters_before_a_writer_are_no_part_of_the_byline() -> None:
    found = parse_byline("\u200b\u200bThùy Linh")
    assert found is not None and found.author == "Thùy Linh"
