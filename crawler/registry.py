"""The portal registry: portals and per-CMS crawl profiles kept as data (`portals.toml`), validated at start-up.

Adding a portal on a known CMS is a `[[portal]]` entry, not code. Every error names the file, the entry and
the key, and says what is allowed. A user's registry file extends the bundled one: its portals use the
bundled `[cms.*]` profiles, its own `[cms.*]` blocks add profiles or override keys of bundled ones, and a
portal with a bundled portal's slug replaces it.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.cssselect import CSSSelector, SelectorError

from crawler.offsite import HOST_ENTRY_RE, default_allowed_domains
from extractors.options import SelectorOverrides

LEVELS = ("city", "district", "town", "ward", "commune", "province")
PORTAL_KEYS = frozenset(
    {
        "slug",
        "name",
        "base_url",
        "level",
        "province",
        "cms",
        "start_urls",
        "mirror",
        "demo",
        "selectors",
        "article_url_pattern",
        "listing_url_pattern",
        "allowed_domains",
        "notes",
    }
)
PROFILE_KEYS = frozenset({"article_url_pattern", "listing_url_pattern", "description"})
SELECTOR_KEYS = frozenset({"article", "title", "date", "author", "drop"})
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
DEFAULT_REGISTRY = "portals.toml"


class RegistryError(ValueError):
    """The registry file is invalid; the message names the entry and key to fix."""


@dataclass(frozen=True)
class CmsProfile:
    """How to find articles and listing pages on one CMS family."""

    name: str
    article_url_pattern: re.Pattern[str]
    listing_url_pattern: re.Pattern[str]
    description: str = ""


@dataclass(frozen=True)
class Portal:
    slug: str
    name: str
    base_url: str
    level: str
    province: str
    cms: str
    start_urls: tuple[str, ...]
    article_url_pattern: re.Pattern[str]
    listing_url_pattern: re.Pattern[str]
    selectors: SelectorOverrides = field(default_factory=SelectorOverrides)
    mirror: str | None = None
    demo: bool = False
    allowed_domains: tuple[str, ...] = ()  # empty: the base URL's host and its www./bare variant
    detect_cms: bool = False  # given by its address only (`crawl --start-url`): the first page tells the CMS

    @property
    def domain(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def hosts(self) -> tuple[str, ...]:
        """Where this portal's requests and redirects may go (crawler.offsite)."""
        return self.allowed_domains or default_allowed_domains(self.base_url)

    def absolute_start_urls(self) -> list[str]:
        return [urljoin(self.base_url.rstrip("/") + "/", url) for url in self.start_urls]

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_url_pattern.search(url))

    def is_listing_url(self, url: str) -> bool:
        return bool(self.listing_url_pattern.search(url))


@dataclass(frozen=True)
class Registry:
    profiles: Mapping[str, CmsProfile]
    portals: tuple[Portal, ...]
    source: str = DEFAULT_REGISTRY

    def get(self, slug: str) -> Portal:
        for portal in self.portals:
            if portal.slug == slug:
                return portal
        known = ", ".join(p.slug for p in self.portals)
        raise RegistryError(f"unknown portal '{slug}'. Known portals: {known}. Run `vnportal portals` to list them.")

    def select(self, slugs: Iterable[str] | None = None, *, demo: bool | None = None) -> list[Portal]:
        """Portals by slug (all when None), optionally only demo or only real ones."""
        chosen = [self.get(s) for s in slugs] if slugs else list(self.portals)
        if demo is not None:
            chosen = [p for p in chosen if p.demo == demo]
        return chosen


def _require(entry: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in entry:
        raise RegistryError(f"{where}: missing key '{key}'")
    value = entry[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise RegistryError(f"{where}: key '{key}' must be a non-empty {kind.__name__}, got {value!r}")
    return value


def _optional_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise RegistryError(f"{where}: key '{key}' must be a string, got {value!r}")
    return value


def _check_keys(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise RegistryError(f"{where}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")


def _compile(pattern: str, where: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise RegistryError(f"{where}: key '{key}' is not a valid regular expression: {error}") from None


def _parse_profile(name: str, entry: Mapping[str, Any], source: str, inherited: CmsProfile | None = None) -> CmsProfile:
    """A `[cms.NAME]` block; overriding a bundled profile, it only needs the keys it changes."""
    where = f"{source}: [cms.{name}]"
    _check_keys(entry, PROFILE_KEYS, where)

    def pattern(key: str) -> re.Pattern[str]:
        if inherited is not None and key not in entry:
            return getattr(inherited, key)
        return _compile(_require(entry, key, where), where, key)

    return CmsProfile(
        name=name,
        article_url_pattern=pattern("article_url_pattern"),
        listing_url_pattern=pattern("listing_url_pattern"),
        description=str(entry.get("description", inherited.description if inherited else "")),
    )


def check_css(selector: Any, where: str, key: str) -> str:
    """A CSS selector the extractors can apply (lxml's cssselect, HTML rules); anything else is a
    registry error: an invalid one would silently match nothing on every page."""
    if not isinstance(selector, str) or not selector.strip():
        raise RegistryError(f"{where}: key '{key}' must be a non-empty CSS selector, got {selector!r}")
    try:
        CSSSelector(selector, translator="html")
    except SelectorError as error:
        raise RegistryError(f"{where}: key '{key}' is not a valid CSS selector ({selector!r}): {error}") from None
    return selector


def check_selectors(selectors: SelectorOverrides, where: str) -> SelectorOverrides:
    """Every selector of an override set is valid CSS (see `check_css`)."""
    for key in ("article", "title", "date", "author"):
        value = getattr(selectors, key)
        if value is not None:
            check_css(value, where, f"selectors.{key}")
    for index, selector in enumerate(selectors.drop):
        check_css(selector, where, f"selectors.drop[{index}]")
    return selectors


def _parse_selectors(entry: Any, where: str) -> SelectorOverrides:
    if entry is None:
        return SelectorOverrides()
    if not isinstance(entry, Mapping):
        raise RegistryError(f"{where}: key 'selectors' must be a table")
    _check_keys(entry, SELECTOR_KEYS, f"{where} selectors")
    drop = entry.get("drop", [])
    if not isinstance(drop, list) or not all(isinstance(s, str) for s in drop):
        raise RegistryError(f"{where}: key 'selectors.drop' must be a list of CSS selectors")
    overrides = SelectorOverrides(
        article=entry.get("article"),
        title=entry.get("title"),
        date=entry.get("date"),
        author=entry.get("author"),
        drop=tuple(drop),
    )
    return check_selectors(overrides, where)


def _parse_allowed_domains(entry: Any, where: str) -> tuple[str, ...]:
    if entry is None:
        return ()
    if not isinstance(entry, list) or not entry or not all(isinstance(d, str) and d.strip() for d in entry):
        raise RegistryError(f"{where}: key 'allowed_domains' must be a non-empty list of host names")
    for domain in entry:
        if not HOST_ENTRY_RE.match(domain.strip().lower()):
            raise RegistryError(
                f"{where}: key 'allowed_domains' takes host names (optionally host:port), not addresses, got {domain!r}"
            )
    return tuple(d.strip().lower() for d in entry)


def _parse_portal(index: int, entry: Mapping[str, Any], profiles: Mapping[str, CmsProfile], source: str) -> Portal:
    where = f"{source}: portal #{index + 1} ({entry.get('slug', '?')})"
    _check_keys(entry, PORTAL_KEYS, where)
    slug = _require(entry, "slug", where)
    if not SLUG_RE.match(slug):
        raise RegistryError(f"{where}: key 'slug' must be lower-case letters, digits and '-', got {slug!r}")
    base_url = _require(entry, "base_url", where)
    if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).hostname:
        raise RegistryError(f"{where}: key 'base_url' must be an http(s) address, got {base_url!r}")
    level = _require(entry, "level", where)
    if level not in LEVELS:
        raise RegistryError(f"{where}: key 'level' must be one of {', '.join(LEVELS)}, got {level!r}")
    cms = _require(entry, "cms", where)
    if cms not in profiles:
        raise RegistryError(f"{where}: key 'cms' must name a [cms.*] profile ({', '.join(profiles)}), got {cms!r}")
    start_urls = entry.get("start_urls", ["/"])
    if not isinstance(start_urls, list) or not start_urls or not all(isinstance(u, str) for u in start_urls):
        raise RegistryError(f"{where}: key 'start_urls' must be a non-empty list of addresses or paths")
    profile = profiles[cms]
    article = entry.get("article_url_pattern")
    listing = entry.get("listing_url_pattern")
    return Portal(
        slug=slug,
        name=_require(entry, "name", where),
        base_url=base_url,
        level=level,
        province=_optional_text(entry, "province", where),
        cms=cms,
        start_urls=tuple(start_urls),
        article_url_pattern=_compile(article, where, "article_url_pattern") if article else profile.article_url_pattern,
        listing_url_pattern=_compile(listing, where, "listing_url_pattern") if listing else profile.listing_url_pattern,
        selectors=_parse_selectors(entry.get("selectors"), where),
        mirror=entry.get("mirror"),
        demo=bool(entry.get("demo", False)),
        allowed_domains=_parse_allowed_domains(entry.get("allowed_domains"), where),
    )


@dataclass(frozen=True)
class RegistryLayer:
    """One registry file's parsed TOML; later layers extend earlier ones."""

    source: str
    data: Mapping[str, Any]

    def tables(self, key: str, kind: type) -> Any:
        value = self.data.get(key, kind())
        if not isinstance(value, kind) or (kind is list and not all(isinstance(v, Mapping) for v in value)):
            shape = "[cms.NAME] tables" if kind is dict else "[[portal]] entries"
            raise RegistryError(f"{self.source}: '{key}' must be {shape}")
        return value


def _layered_profiles(layers: list[RegistryLayer]) -> dict[str, CmsProfile]:
    profiles: dict[str, CmsProfile] = {}
    for layer in layers:
        for name, entry in layer.tables("cms", dict).items():
            profiles[name] = _parse_profile(name, entry, layer.source, profiles.get(name))
    if not profiles:
        raise RegistryError(f"{layers[-1].source}: needs at least one [cms.NAME] profile")
    return profiles


def _layer_portals(layer: RegistryLayer, profiles: Mapping[str, CmsProfile]) -> list[Portal]:
    portals = [_parse_portal(i, entry, profiles, layer.source) for i, entry in enumerate(layer.tables("portal", list))]
    seen: set[str] = set()
    for portal in portals:
        if portal.slug in seen:
            raise RegistryError(f"{layer.source}: slug '{portal.slug}' is used by two portals")
        seen.add(portal.slug)
    return portals


def layered_registry(layers: list[RegistryLayer]) -> Registry:
    """Profiles merge key by key (a later layer's portals and the earlier ones' alike use the result);
    a later layer's portal replaces an earlier one of the same slug."""
    profiles = _layered_profiles(layers)
    portals: dict[str, Portal] = {}
    for layer in layers:
        own = _layer_portals(layer, profiles)
        if not own and not layer.data.get("cms"):
            raise RegistryError(f"{layer.source}: needs at least one [[portal]] entry")
        portals.update((portal.slug, portal) for portal in own)
    return Registry(profiles=profiles, portals=tuple(portals.values()), source=layers[-1].source)


def parse_registry(data: Mapping[str, Any], source: str = DEFAULT_REGISTRY) -> Registry:
    return layered_registry([RegistryLayer(source, data)])


def _read_toml(path: Path, source: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegistryError(f"cannot read registry {path}: {error.strerror}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{source}: not valid TOML: {error}") from None


def load_registry(path: Path | None = None) -> Registry:
    """The bundled registry, extended by the TOML file at `path` when given."""
    layers = [RegistryLayer(DEFAULT_REGISTRY, _read_toml(Path(__file__).with_name(DEFAULT_REGISTRY), DEFAULT_REGISTRY))]
    if path is not None:
        layers.append(RegistryLayer(str(path), _read_toml(path, str(path))))
    return layered_registry(layers)


# Portals outside the registry ------------------------------------------------------------------------------

GENERIC_CMS = "generic"
# Words of a portal's name that give its level, most specific first (folded: no tone marks, đ as d)
LEVEL_WORDS = (
    ("phuong", "ward"),
    ("thi tran", "town"),
    ("xa", "commune"),
    ("quan", "district"),
    ("huyen", "district"),
    ("thi xa", "town"),
    ("thanh pho", "city"),
    ("tinh", "province"),
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_PORTAL_NAME = re.compile(r"cong thong tin|trang thong tin|trang tin|website|cong giao tiep|uy ban nhan dan|ubnd")


def _folded(text: str) -> str:
    from extractors.normalize import fold_diacritics

    return " ".join(fold_diacritics(text).lower().split())


def site_name(page: str) -> str:
    """The portal's name from a page's <title> ("Tin tức - Cổng thông tin điện tử phường X")."""
    title = _TITLE.search(page[:100_000])
    if not title:
        return ""
    parts = [p for p in _TITLE_PARTS.split(" ".join(html.unescape(title.group(1)).split())) if p]
    named = [p for p in parts if _PORTAL_NAME.search(_folded(p))]
    return (named or parts[-1:] or [""])[0]


def guess_level(name: str) -> str | None:
    folded = f" {_folded(name)} "
    for word, level in LEVEL_WORDS:
        if f" {word} " in folded:
            return level
    return None


def portal_for_start_url(url: str, cms: str | None, registry: Registry) -> Portal:
    """A portal known only by an address: named after its host, its CMS given or read from the first page."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegistryError(f"--start-url must be an http(s) address, got {url!r}")
    name = cms or GENERIC_CMS
    if name not in registry.profiles:
        raise RegistryError(f"--cms must name a [cms.*] profile ({', '.join(registry.profiles)}), got {cms!r}")
    profile = registry.profiles[name]
    slug = re.sub(r"[^a-z0-9]+", "-", parts.hostname.lower()).strip("-")[:63]
    return Portal(
        slug=slug,
        name=parts.hostname,
        base_url=f"{parts.scheme}://{parts.netloc}/",
        level="district",
        province="",
        cms=profile.name,
        start_urls=(url,),
        article_url_pattern=profile.article_url_pattern,
        listing_url_pattern=profile.listing_url_pattern,
        detect_cms=cms is None,
    )


def detected_portal(portal: Portal, family: str | None, profiles: Mapping[str, CmsProfile], page: str) -> Portal:
    """The portal once its first page is read: the CMS its markup shows, its name from the page title."""
    profile = profiles.get(family or GENERIC_CMS) or profiles[GENERIC_CMS]
    name = site_name(page)
    return dataclasses.replace(
        portal,
        cms=profile.name,
        article_url_pattern=profile.article_url_pattern,
        listing_url_pattern=profile.listing_url_pattern,
        detect_cms=False,
        name=name or portal.name,
        level=guess_level(name) or portal.level,
    )


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def portal_entry(portal: Portal, profiles: Mapping[str, CmsProfile]) -> str:
    """The `[[portal]]` entry that crawls `portal` again, to paste into a registry file."""
    lines = [
        "[[portal]]",
        f"slug = {_toml_string(portal.slug)}",
        f"name = {_toml_string(portal.name)}",
        f"base_url = {_toml_string(portal.base_url)}",
        f"level = {_toml_string(portal.level)}  # {' | '.join(LEVELS)}",
        f"province = {_toml_string(portal.province)}",
        f"cms = {_toml_string(portal.cms)}",
        f"start_urls = [{', '.join(_toml_string(u) for u in portal.start_urls)}]",
    ]
    profile = profiles.get(portal.cms)
    for key in ("article_url_pattern", "listing_url_pattern"):
        pattern = getattr(portal, key)
        if profile is None or getattr(profile, key) != pattern:
            lines.append(f"{key} = '{pattern.pattern}'")
    return "\n".join(lines) + "\n"
