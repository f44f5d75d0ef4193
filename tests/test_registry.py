"""The portal registry: bundled entries load, and each kind of mistake names the key to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.registry import RegistryError, load_registry, portal_entry, portal_for_start_url
from crawler.run import MIRROR_ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "registry"


def test_bundled_registry_has_ten_real_district_and_ward_portals() -> None:
    registry = load_registry()
    real = registry.select(demo=False)
    assert len(real) >= 10
    assert {p.level for p in real} >= {"district", "ward"}
    assert all(p.base_url.startswith("https://") for p in real)


def test_bundled_demo_portals_name_their_mirror_folder() -> None:
    demo = load_registry().select(demo=True)
    assert len(demo) == 3
    assert all(p.mirror and (MIRROR_ROOT / p.mirror).is_dir() for p in demo)


def test_valid_entry_is_parsed_with_profile_patterns_and_overrides() -> None:
    portal = load_registry(FIXTURES / "valid.toml").get("phuong-thu-nghiem")
    assert portal.level == "ward"
    assert portal.absolute_start_urls() == ["https://thunghiem.example.gov.vn/web/guest/tin-tuc"]
    assert portal.is_article_url("https://thunghiem.example.gov.vn/web/guest/tin-tuc/-/view_content/123-bai")
    assert not portal.is_article_url("https://thunghiem.example.gov.vn/web/guest/tin-tuc")
    assert portal.selectors.article == "div.noi-dung"
    assert portal.selectors.drop == (".quang-cao",)


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("bad-level.toml", "key 'level' must be one of"),
        ("unknown-cms.toml", "key 'cms' must name a [cms.*] profile"),
        ("unknown-key.toml", "unknown key 'start_url'"),
        ("bad-regex.toml", "key 'article_url_pattern' is not a valid regular expression"),
        ("duplicate-slug.toml", "slug 'phuong-thu-nghiem' is used by two portals"),
        ("not-toml.toml", "not valid TOML"),
        ("bad-selector.toml", "key 'selectors.article' is not a valid CSS selector ('div.noi-dung[[')"),
        ("bad-drop-selector.toml", "key 'selectors.drop[1]' is not a valid CSS selector"),
    ],
)
def test_invalid_registry_error_names_the_problem(fixture: str, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(FIXTURES / fixture)
    assert message in str(caught.value)
    assert fixture in str(caught.value)


def test_unknown_slug_error_says_how_to_list_portals() -> None:
    with pytest.raises(RegistryError, match="vnportal portals"):
        load_registry().get("khong-co")


LAYERED = FIXTURES / "layered"
README = Path(__file__).parents[1] / "README.md"


def readme_portal_entry() -> str:
    """The TOML block of the README's "Adding a portal" section, as a user would copy it."""
    section = README.read_text(encoding="utf-8").split("## Adding a portal", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_user_registry_extends_the_bundled_one() -> None:
    registry = load_registry(LAYERED / "portal-only.toml")
    portal = registry.get("xa-thu-nghiem")
    assert portal.is_article_url("https://thunghiem.example.gov.vn/2025/03/dai-hoi-chi-bo/")
    assert portal.is_listing_url("https://thunghiem.example.gov.vn/chuyen-muc/tin-tuc/page/4/")
    assert portal.province == ""
    assert {p.slug for p in load_registry().portals} < {p.slug for p in registry.portals}


def test_user_profile_overrides_one_key_and_adds_a_profile() -> None:
    registry = load_registry(LAYERED / "override-profile.toml")
    liferay = registry.profiles["liferay"]
    assert liferay.listing_url_pattern.pattern == r"/tin-tuc-su-kien(\?.*_cur=\d+)?$"
    assert liferay.article_url_pattern == load_registry().profiles["liferay"].article_url_pattern
    assert registry.get("xa-tinh-mau").is_article_url("https://xa.tinhmau.gov.vn/tin/12.html")


def test_user_portal_replaces_the_bundled_portal_of_the_same_slug() -> None:
    registry = load_registry(LAYERED / "override-profile.toml")
    assert [p.name for p in registry.portals if p.slug == "hai-chau-da-nang"] == [
        "Cổng thông tin điện tử quận Hải Châu (mới)"
    ]
    hoan_kiem = registry.get("hoan-kiem-ha-noi")  # a bundled liferay portal follows the overridden key too
    assert not hoan_kiem.is_listing_url("https://hoankiem.hanoi.gov.vn/web/guest/tin-tuc")
    assert hoan_kiem.is_listing_url("https://hoankiem.hanoi.gov.vn/tin-tuc-su-kien?p_p_id=101&_101_cur=3")


def test_a_new_profile_needs_both_patterns() -> None:
    with pytest.raises(RegistryError, match=r"\[cms.cong-tinh-mau\]: missing key 'listing_url_pattern'"):
        load_registry(LAYERED / "new-profile-incomplete.toml")


def test_readme_example_loads_verbatim_with_registry(tmp_path: Path) -> None:
    path = tmp_path / "my-portals.toml"
    path.write_text(readme_portal_entry(), encoding="utf-8")
    portal = load_registry(path).get("phuong-vi-du")
    assert portal.absolute_start_urls() == ["https://vidu.example.gov.vn/web/vidu/tin-tuc"]
    assert portal.is_listing_url("https://vidu.example.gov.vn/web/vidu/tin-tuc")
    assert portal.is_article_url("https://vidu.example.gov.vn/web/vidu/tin-tuc/-/view_content/1234-bai-viet")


def test_a_start_url_portal_prints_an_entry_that_loads_back(tmp_path: Path) -> None:
    registry = load_registry()
    portal = portal_for_start_url("https://xa.example.gov.vn/web/guest/tin-tuc", "liferay", registry)
    path = tmp_path / "saved.toml"
    path.write_text(portal_entry(portal, registry.profiles), encoding="utf-8")
    saved = load_registry(path).get(portal.slug)
    assert (saved.base_url, saved.cms, saved.start_urls) == ("https://xa.example.gov.vn/", "liferay", portal.start_urls)
    assert saved.listing_url_pattern == registry.profiles["liferay"].listing_url_pattern


def test_a_start_url_with_an_unknown_cms_says_which_exist() -> None:
    with pytest.raises(RegistryError, match="--cms must name a"):
        portal_for_start_url("https://xa.example.gov.vn/", "joomla", load_registry())


def test_every_cms_family_selector_of_the_extractors_is_valid_css() -> None:
    from crawler.registry import check_css
    from extractors.page.profiles import load_profiles

    for family in load_profiles().values():
        for key in ("container", "title", "date", "author", "lead", "category", "drop"):
            for selector in getattr(family, key):
                check_css(selector, f"profiles.toml [{family.name}]", key)
