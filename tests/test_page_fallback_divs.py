"""Prose that a template writes in a bare div (a bold lead) is put back next to the paragraphs trafilatura kept."""

from __future__ import annotations

from lxml import html

from extractors.page.fallback import with_prose_divs

LEAD = (
    "Sáng 12/12, huyện Ea Súp tổ chức hội nghị tổng kết công tác khuyến công năm 2024, dự có đồng chí "
    "Lương Văn Khoát, Phó Chủ tịch UBND huyện."
)
FIRST = "Năm 2024, huyện đã hỗ trợ 14 cơ sở công nghiệp nông thôn đầu tư máy móc và thiết bị mới."
SECOND = "Năm 2025, huyện đề ra mục tiêu hỗ trợ ít nhất 15 cơ sở công nghiệp nông thôn trên địa bàn."
TEASER = "Huyện Ea Súp ra quân làm sạch môi trường trên toàn bộ các tuyến đường trung tâm và khu dân cư mới."


def _page(between: str = "") -> html.HtmlElement:
    return html.fromstring(
        f"<html><body><div class='box'><div><b>{LEAD}</b></div><div><p>{FIRST}</p><p>{SECOND}</p></div></div>"
        f"<div class='side'>{between}<div>{TEASER}</div></div></body></html>"
    )


def test_lead_div_goes_back_before_the_first_paragraph() -> None:
    assert with_prose_divs(_page(), [FIRST, SECOND])[:3] == [LEAD, FIRST, SECOND]


def test_a_div_far_from_the_article_stays_out() -> None:
    far = "<p>" + "Liên kết website các sở ban ngành. " * 12 + "</p>"
    lines = with_prose_divs(_page(between=far), [FIRST, SECOND])
    assert TEASER not in lines


def test_lines_already_holding_the_div_are_unchanged() -> None:
    assert with_prose_divs(_page(), [LEAD, FIRST, SECOND]) == [LEAD, FIRST, SECOND]
