"""Canonical URLs: tracking and listing parameters go, the article's identity stays."""

from __future__ import annotations

import pytest

from extractors.page.urls import canonical_url, liferay_asset_id

CASES = [
    (
        "https://dienlam.gov.vn/TinTuc/View/trao-huy-hieu?PageIndex=12",
        "https://dienlam.gov.vn/TinTuc/View/trao-huy-hieu",
    ),
    ("https://xa.gov.vn/2024/09/bai-viet/?utm_source=zalo&fbclid=X#top", "https://xa.gov.vn/2024/09/bai-viet/"),
    ("https://x.gov.vn/Portal/PrintItem.aspx?ContentID=88", "https://x.gov.vn/Portal/PrintItem.aspx?ContentID=88"),
    (
        "https://q.gov.vn/web/guest/trang-chu?p_p_id=101_INSTANCE_ab&p_p_state=normal"
        "&_101_INSTANCE_ab_assetEntryId=73123&_101_INSTANCE_ab_redirect=%2Fweb",
        "https://q.gov.vn/web/guest/trang-chu?p_p_id=101_INSTANCE_ab&_101_INSTANCE_ab_assetEntryId=73123",
    ),
]


@pytest.mark.parametrize(("url", "canonical"), CASES)
def test_page_url_is_normalised(url: str, canonical: str) -> None:
    assert canonical_url([None, None], url) == canonical


def test_declared_canonical_wins_and_is_made_absolute() -> None:
    assert canonical_url(["/web/a/-/view_content/48-x"], "https://h.gov.vn/web/a?x=1") == (
        "https://h.gov.vn/web/a/-/view_content/48-x"
    )


@pytest.mark.parametrize(
    "url", ["https://h.gov.vn/web/a/-/view_content/48215-ky-hop", "https://h.gov.vn/?_101_assetEntryId=48215"]
)
def test_liferay_asset_id(url: str) -> None:
    assert liferay_asset_id(url) == "48215"
