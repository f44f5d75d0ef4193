"""Invented Vietnamese news text for synthetic portals: people, offices, documents and sentences in the genre.

Everything is made up from small word lists with a seeded `random.Random`, so a page is the same on every
request and in every run.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Đức", "Quang", "Thanh", "Ngọc", "Xuân", "Thu")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Việt",
    "Yến",
    "Khánh",
    "Lộc",
    "Nhung",
)
TITLES = (
    "Bí thư Huyện ủy",
    "Phó Bí thư Thường trực Huyện ủy",
    "Chủ tịch UBND huyện",
    "Phó Chủ tịch UBND huyện",
    "Chủ tịch HĐND huyện",
    "Trưởng Ban Tuyên giáo Huyện ủy",
    "Chủ tịch Ủy ban MTTQ Việt Nam huyện",
    "Bí thư Đảng ủy xã",
    "Chủ tịch UBND xã",
    "Trưởng phòng Nội vụ huyện",
    "Giám đốc Trung tâm Y tế huyện",
)
ORGS = (
    "Huyện ủy",
    "UBND huyện",
    "HĐND huyện",
    "Ủy ban MTTQ Việt Nam huyện",
    "Đảng ủy xã",
    "UBND xã",
    "Hội Nông dân huyện",
    "Huyện đoàn",
    "Phòng Giáo dục và Đào tạo",
)
PLACES = (
    "xã Tân Lập",
    "xã Hòa Bình",
    "thị trấn Phú Mỹ",
    "xã Đông Sơn",
    "xã Yên Hòa",
    "xã Thạch Bàn",
    "xã Mường Lay",
    "xã Quảng Phú",
)
EVENTS = (
    "hội nghị sơ kết công tác 6 tháng đầu năm",
    "hội nghị triển khai nhiệm vụ trọng tâm",
    "lễ ra quân Tháng thanh niên",
    "hội nghị đối thoại với nhân dân",
    "buổi làm việc với các xã",
    "lễ khởi công công trình nhà văn hóa",
    "hội nghị tổng kết phong trào thi đua",
)
TASKS = (
    "đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính",
    "hoàn thành các tiêu chí nông thôn mới nâng cao",
    "bảo đảm an toàn giao thông trên các tuyến đường liên xã",
    "chủ động phòng, chống thiên tai mùa mưa bão",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "giải ngân vốn đầu tư công đúng tiến độ",
    "hỗ trợ hộ nghèo xóa nhà tạm, nhà dột nát",
    "giữ vững an ninh trật tự trên địa bàn",
    "phát triển sản phẩm OCOP gắn với du lịch cộng đồng",
    "tăng cường quản lý đất đai và trật tự xây dựng",
)
DOC_TYPES = (
    ("Kế hoạch", "KH", "HU"),
    ("Nghị quyết", "NQ", "HU"),
    ("Quyết định", "QĐ", "UBND"),
    ("Chỉ thị", "CT", "HU"),
    ("Thông báo", "TB", "UBND"),
    ("Hướng dẫn", "HD", "BTGHU"),
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII")
TOPICS = (
    "Hội nghị sơ kết công tác",
    "Ra quân tổng vệ sinh môi trường",
    "Kỳ họp chuyên đề HĐND",
    "Tập huấn chuyển đổi số",
    "Kiểm tra công tác phòng, chống thiên tai",
    "Đối thoại với đoàn viên thanh niên",
    "Trao nhà Đại đoàn kết",
    "Tổng kết phong trào thi đua",
    "Triển khai thu thuế năm",
    "Làm việc với Đảng ủy xã",
    "Khánh thành nhà văn hóa thôn",
    "Phát động Tết trồng cây",
    "Hội thi tuyên truyền pháp luật",
)
NOTICE_TOPICS = (
    "Thông báo lịch tiếp công dân",
    "Thông báo tuyển dụng viên chức",
    "Thông báo kết quả lựa chọn nhà thầu",
    "Thông báo lấy ý kiến dự thảo quy hoạch",
    "Thông báo nghỉ lễ Quốc khánh",
)


@dataclass(frozen=True)
class Person:
    name: str
    title: str


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


class Writer:
    """Sentences, paragraphs and headlines drawn from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def person(self) -> Person:
        r = self.rng
        return Person(f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}", r.choice(TITLES))

    def document(self, when: datetime) -> str:
        r = self.rng
        kind, code, issuer = r.choice(DOC_TYPES)
        day = when - timedelta(days=r.randint(5, 200))
        # Party documents are written 45-KH/HU, state documents 45/QĐ-UBND
        number = f"{r.randint(2, 980)}/{code}-{issuer}" if issuer == "UBND" else f"{r.randint(2, 480)}-{code}/{issuer}"
        return f"{kind} số {number} ngày {day.day}/{day.month}/{day.year}"

    def headline(self, when: datetime) -> str:
        r = self.rng
        return f"{r.choice(TOPICS)} {r.choice(PLACES)} năm {when.year} (đợt {r.randint(1, 9)})"

    def notice_headline(self, when: datetime) -> str:
        return f"{self.rng.choice(NOTICE_TOPICS)} tháng {when.month}/{when.year} của {self.rng.choice(ORGS)}"

    def sentence(self, when: datetime) -> str:
        r = self.rng
        a, b = self.person(), self.person()
        period = r.choice(("6 tháng đầu năm", "quý III", "năm qua"))
        choices = (
            lambda: (
                f"Ngày {when.day}/{when.month}, {r.choice(ORGS)} tổ chức {r.choice(EVENTS)} nhằm {r.choice(TASKS)}."
            ),
            lambda: (
                f"Dự hội nghị có đồng chí {a.name}, {a.title}; đồng chí {b.name}, {b.title} cùng đại diện các "
                f"ban, ngành, đoàn thể và lãnh đạo các xã, thị trấn."
            ),
            lambda: (
                f"Theo báo cáo, trong {period}, {r.choice(PLACES)} đã hoàn thành {r.randint(12, 20)}/"
                f"{r.randint(21, 25)} chỉ tiêu chủ yếu; thu ngân sách đạt {r.randint(12, 98)} tỷ đồng, tăng "
                f"{r.randint(2, 19)},{r.randint(1, 9)}% so với cùng kỳ."
            ),
            lambda: (
                f"Phát biểu chỉ đạo, đồng chí {a.name}, {a.title} đề nghị các địa phương tiếp tục "
                f"{r.choice(TASKS)}, thực hiện nghiêm {self.document(when)} của {r.choice(ORGS)}."
            ),
            lambda: f"Trong thời gian tới, {r.choice(ORGS)} tập trung {r.choice(TASKS)}, đồng thời {r.choice(TASKS)}.",
            lambda: (
                f"Hội nghị đã thống nhất {r.randint(3, 9)} nhóm giải pháp trọng tâm, "
                f"trong đó ưu tiên {r.choice(TASKS)}."
            ),
            lambda: (
                f"Đại hội đại biểu Đảng bộ {r.choice(PLACES)} lần thứ {r.choice(ROMAN)}, nhiệm kỳ 2025 - 2030 "
                f"đã bầu Ban Chấp hành gồm {r.randint(15, 35)} đồng chí."
            ),
            lambda: (
                f"Kỳ họp thứ {r.randint(2, 30)} HĐND huyện khóa {r.choice(ROMAN)} đã xem xét, thông qua "
                f"{r.randint(5, 19)} nghị quyết quan trọng về kinh tế - xã hội."
            ),
            lambda: (
                f"Các ý kiến tại buổi làm việc tập trung vào những khó khăn, vướng mắc trong {r.choice(TASKS)} "
                f"và đề xuất cấp trên sớm tháo gỡ để người dân yên tâm sản xuất."
            ),
        )
        return r.choice(choices)()

    def paragraph(self, when: datetime, sentences: int | None = None) -> str:
        count = sentences or self.rng.randint(2, 4)
        return " ".join(self.sentence(when) for _ in range(count))

    def paragraphs(self, when: datetime, count: int) -> list[str]:
        return [self.paragraph(when) for _ in range(count)]

    def byline(self) -> str:
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(GIVEN)}"

    def summary(self, when: datetime) -> str:
        return self.sentence(when)
