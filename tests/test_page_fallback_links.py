"""A fallback line's share of title link: the link it opens with, found by the link's first words."""

from __future__ import annotations

from extractors.page.fallback import LinkTexts, link_share

TITLE = "Huyện Mỹ Đức tổ chức hội nghị tổng kết công tác năm"


def test_a_line_opening_with_a_title_link_has_that_links_share() -> None:
    links = LinkTexts({TITLE, "Sở Tư pháp tập huấn nghiệp vụ"})
    line = f"{TITLE} Đăng ngày 03/06/2025"
    assert link_share(line, links) == len(TITLE) / len(line)
    assert link_share("- Sở Tư pháp tập huấn nghiệp vụ", links) == 1.0


def test_a_line_sharing_only_its_first_words_with_a_link_has_none() -> None:
    links = LinkTexts({TITLE})
    assert link_share("Huyện Mỹ Đức tổ chức lễ ra quân đầu năm mới", links) == 0.0
    assert link_share("Xã Hồng Sơn tổ chức hội nghị tổng kết công tác năm", links) == 0.0
