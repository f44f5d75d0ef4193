"""The portal registry: bundled entries load, and each kind of mistake names the key to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.registry import RegistryError, load_registry
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


def test_every_cms_family_selector_of_the_extractors_is_valid_css() -> None:
    from crawler.registry import check_css
    from extractors.page.profiles import load_profiles

    for family in load_profiles().values():
        for key in ("container", "title", "date", "author", "lead", "category", "drop"):
            for selector in getattr(family, key):
                check_css(selector, f"profiles.toml [{family.name}]", key)
