"""Listing chains and loops as real portals write their addresses (crawler.discovery, pure functions)."""

from __future__ import annotations

import pytest

from crawler.discovery import ListingPosition, is_loop, is_print_view, listing_position, next_page

H = "http://portal.test"


@pytest.mark.parametrize(
    ("url", "chain", "number"),
    [
        (f"{H}/web/xa/tin-tuc", f"{H}/web/xa/tin-tuc", 1),
        (f"{H}/web/xa/tin-tuc?p_p_id=101_INSTANCE_tt&_101_INSTANCE_tt_cur=3", f"{H}/web/xa/tin-tuc", 3),
        # HTTrack: "tin-tuc?…" saved as "tin-tuc3b15.html?…"
        (f"{H}/web/xa/tin-tuc3b15.html?p_p_id=101_INSTANCE_tt&_101_INSTANCE_tt_cur=48", f"{H}/web/xa/tin-tuc", 48),
        (f"{H}/portal/Pages/tin-tuc.aspx?PageIndex=7", f"{H}/portal/Pages/tin-tuc.aspx", 7),
        (f"{H}/chuyen-muc/tin-hoat-dong/page/12/", f"{H}/chuyen-muc/tin-hoat-dong", 12),
        (f"{H}/chuyen-muc/tin-hoat-dong/", f"{H}/chuyen-muc/tin-hoat-dong", 1),
        (f"{H}/Default.aspx?tabid=52&page=4", f"{H}/Default.aspx?tabid=52", 4),
        (f"{H}/Portal/Default.aspx?Org=UB&MenuID=12&Page=2", f"{H}/Portal/Default.aspx?MenuID=12&Org=UB", 2),
    ],
)
def test_listing_position(url: str, chain: str, number: int) -> None:
    assert listing_position(url) == ListingPosition(chain, number)


def test_next_page_is_the_smallest_number_above_this_one_in_the_same_listing() -> None:
    here = listing_position(f"{H}/portal/Pages/tin-tuc.aspx?PageIndex=3")
    links = [f"{H}/portal/Pages/tin-tuc.aspx?PageIndex={n}" for n in (1, 2, 9, 4, 5)]
    links.append(f"{H}/portal/Pages/van-ban.aspx?PageIndex=4")
    assert next_page(here, links) == f"{H}/portal/Pages/tin-tuc.aspx?PageIndex=4"


@pytest.mark.parametrize(
    ("url", "loops"),
    [
        (f"{H}/web/xa/en/en/en.html", True),
        (f"{H}/en/chuyen-muc/tin-tuc/en/chuyen-muc/tin-tuc/", True),
        (f"{H}/web/xa/en/en.html", False),
        (f"{H}/2025/09/dai-hoi-chi-bo-thon-1/", False),
        (f"{H}/tin-tuc/tin-tuc-su-kien/tin-tuc.html", False),
    ],
)
def test_is_loop(url: str, loops: bool) -> None:
    assert is_loop(url) is loops


@pytest.mark.parametrize(
    ("url", "printed"),
    [
        (f"{H}/Portal/PrintItem.aspx?ContentID=12", True),
        (f"{H}/portal/pages/print.aspx?p=88", True),
        (f"{H}/tin-tuc/bai-viet.html?print=1", True),
        (f"{H}/Portal/Detail.aspx?ContentID=12", False),
    ],
)
def test_is_print_view(url: str, printed: bool) -> None:
    assert is_print_view(url) is printed
