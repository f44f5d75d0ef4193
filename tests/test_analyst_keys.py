"""Pure parts of the analyst layer: issuers' scope, written codes, places and official units, person splits."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.types import DocumentRef
from models.places import PlaceChain, Unit, place_of_body, portal_place, resolve_unit
from models.resolve_documents import document_scope, is_national, keyer_for_portal, written_code
from models.resolve_people import TitleGroup, cluster_block, title_unit

SON_HA = portal_place("Tây Lâm (demo)", "district", "Cổng thông tin điện tử huyện Sơn Hà (demo)", "demo")


@pytest.mark.parametrize("issuer", ["TW", "VPTW", "BCT", "QH14", "UBTVQH15", "CP", "TTg", "BTC", "BNV", "BTC-BNN"])
def test_national_issuers(issuer: str) -> None:
    assert is_national(issuer)


@pytest.mark.parametrize("issuer", ["TU", "HU", "QU", "ĐU", "ĐUK", "UBND", "HĐND", "BTGTU", "", None])
def test_local_issuers(issuer: str | None) -> None:
    assert not is_national(issuer)


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        (DocumentRef("45", "KH", "HU"), "45-KH/HU"),
        (DocumentRef("119", "QĐ", "UBND"), "119/QĐ-UBND"),
        (DocumentRef("30", "NĐ", "CP", year=2020), "30/2020/NĐ-CP"),
        (DocumentRef("123", None, "UBND"), "123/UBND"),
    ],
)
def test_written_code(ref: DocumentRef, code: str) -> None:
    assert written_code(ref) == code


def test_a_named_issuing_body_decides_the_place() -> None:
    ref = DocumentRef("12", "TB", "ĐU", issuing_body="Ban Thường vụ Đảng ủy xã Nà Bó")
    assert document_scope(ref, SON_HA).place_key == "tay lam/huyen son ha/xa na bo"


def test_a_province_code_on_a_district_portal_is_the_province_document() -> None:
    assert document_scope(DocumentRef("7", "TT", "TU"), SON_HA).place_key == "tay lam"


def test_the_issue_date_gives_the_year_when_the_code_has_none() -> None:
    keyer = keyer_for_portal("Tây Lâm", "district", "huyện Sơn Hà", "demo")
    key_2021 = keyer.key(DocumentRef("45", "KH", "HU", issued_on=date(2021, 5, 3)))
    key_2025 = keyer.key(DocumentRef("45", "KH", "HU", issued_on=date(2025, 2, 28)))
    assert key_2021 != key_2025 and "|2021|" in key_2021


def test_portals_resolve_to_official_units_and_districts_are_historical() -> None:
    district = resolve_unit(portal_place("Hà Tĩnh", "district", "Cổng thông tin điện tử huyện Kỳ Anh"))
    assert district is not None and (district.code, district.unit_type, district.historical) == ("447", "Huyện", True)
    commune = portal_place("Hà Tĩnh", "commune", "Trang thông tin điện tử xã Kỳ Tân")
    assert commune.district == Unit("huyện", "Kỳ Anh")  # one Kỳ Tân in Hà Tĩnh: its district is known
    merged = resolve_unit(PlaceChain("Hải Dương"))
    assert merged is not None and merged.successor_code == "31"  # part of Hải Phòng from 1 July 2025


def test_unnamed_city_on_a_ward_portal_is_the_province() -> None:
    ward = portal_place("Bắc Lâm", "ward", "Cổng thông tin điện tử phường An Khánh")
    assert place_of_body("Đảng bộ thành phố", ward, None).key == "bac lam"


def _group(title: str, mentions: int = 1) -> TitleGroup:
    return TitleGroup(
        1, "Nguyễn Văn An", "nguyen van an", "tay lam", "Tây Lâm", title, mentions, title_unit(title, SON_HA)
    )


def test_titles_in_two_communes_of_one_name_are_two_people_and_say_why() -> None:
    clusters = cluster_block(
        [
            _group("Bí thư Đảng ủy xã Nà Bó", 3),
            _group("Chủ tịch UBND xã Pá Khoang"),
            _group("Tỉnh ủy viên"),
        ]
    )
    assert [[g.title for g, _ in c.links] for c in clusters] == [
        ["Bí thư Đảng ủy xã Nà Bó", "Tỉnh ủy viên"],
        ["Chủ tịch UBND xã Pá Khoang"],
    ]
    assert "kept apart" in clusters[1].links[0][1]
    assert "most mentioned" in clusters[0].links[1][1]


def test_a_commune_title_fits_its_district_title() -> None:
    clusters = cluster_block([_group("Phó Chủ tịch UBND huyện Sơn Hà"), _group("Bí thư Đảng ủy xã Nà Bó")])
    assert len(clusters) == 1
