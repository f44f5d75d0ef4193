"""Places: where a portal, an issuing body or an organisation sits, as a chain province > district > commune.

A place's key is built from folded names only ("ha tinh/huyen ky anh"), so it is the same whatever the
version of the unit data and can be computed inside the write transaction without reading the database;
the official unit and its code (`models.admin_units`) are attached to the key afterwards, by `resolve_unit`.
Commune keys carry their district when it is known ("tay lam/huyen son ha/xa na bo").

"thành phố" names a centrally run city (a province) or a provincial city (district level): the six
centrally run cities are known by name, every other "thành phố X" is district level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.normalize import match_form
from models.admin_units import ERA_FROM_2025, ERA_UNTIL_2025, AdminUnit, admin_units, fold_name

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
LEVEL_DEPTH = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}
# The registry's portal levels -> the level of the unit the portal belongs to.
PORTAL_LEVELS = {
    "province": PROVINCE,
    "city": DISTRICT,
    "district": DISTRICT,
    "town": DISTRICT,
    "ward": COMMUNE,
    "commune": COMMUNE,
}
UNIT_TYPES = {
    "tỉnh": PROVINCE,
    "thành phố": DISTRICT,
    "huyện": DISTRICT,
    "quận": DISTRICT,
    "thị xã": DISTRICT,
    "xã": COMMUNE,
    "phường": COMMUNE,
    "thị trấn": COMMUNE,
    "đặc khu": COMMUNE,
}
# Party committees named by their unit: "Huyện ủy Sơn Hà" is the committee of "huyện Sơn Hà".
COMMITTEE_TYPES = {
    "tỉnh ủy": "tỉnh",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
    "thành ủy": "thành phố",
}
CENTRAL_CITIES = frozenset(fold_name(n) for n in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"))
_SYLLABLE = r"[^\W_][^\s,.;:()\[\]/\"“”]*"
MAX_NAME_SYLLABLES = 4
_TYPE_WORDS = "|".join(sorted((*UNIT_TYPES, *COMMITTEE_TYPES), key=len, reverse=True))
NAMED_UNIT = re.compile(
    rf"(?<![^\W\d_])((?i:{_TYPE_WORDS}))(?![^\W\d_])((?:[^\S\n]+{_SYLLABLE}){{0,{MAX_NAME_SYLLABLES}}})"
)
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)
_SAY_LOWER = {
    "Tỉnh": "tỉnh",
    "Thành phố": "thành phố",
    "Huyện": "huyện",
    "Quận": "quận",
    "Thị xã": "thị xã",
    "Xã": "xã",
    "Phường": "phường",
    "Thị trấn": "thị trấn",
    "Đặc khu": "đặc khu",
}


@dataclass(frozen=True)
class Unit:
    """A district or commune as named: its type word ("huyện") and name ("Sơn Hà"; '' when unnamed)."""

    unit_type: str
    name: str

    @property
    def level(self) -> str:
        return UNIT_TYPES[self.unit_type]

    @property
    def label(self) -> str:
        return f"{self.unit_type} {self.name}".strip()

    @property
    def segment(self) -> str:
        return fold_name(self.label)


@dataclass(frozen=True)
class PlaceChain:
    """A place as a path: the province, then the district and the commune where known."""

    province: str  # display name, "Hà Tĩnh"; '' when unknown
    district: Unit | None = None
    commune: Unit | None = None

    @property
    def level(self) -> str:
        return COMMUNE if self.commune else DISTRICT if self.district else PROVINCE

    @property
    def key(self) -> str:
        parts = [fold_name(self.province) or "?"]
        parts += [unit.segment for unit in (self.district, self.commune) if unit is not None]
        return "/".join(parts)

    @property
    def name(self) -> str:
        lowest = self.commune or self.district
        return lowest.label if lowest else self.province

    def at(self, level: str) -> PlaceChain:
        """This chain cut at `level` (a commune's province, a district portal's district)."""
        if level == PROVINCE:
            return PlaceChain(self.province)
        if level == DISTRICT:
            return replace(self, commune=None)
        return self

    def parent(self) -> PlaceChain | None:
        if self.commune:
            return replace(self, commune=None)
        if self.district:
            return PlaceChain(self.province)
        return None


def province_name(text: str | None) -> str:
    """ "Tỉnh Hà Tĩnh", "Hà Tĩnh", "Tây Lâm (demo)" -> "Hà Tĩnh", "Tây Lâm"."""
    return _PROVINCE_PREFIX.sub("", _BRACKETED.sub("", match_form(text or ""))).strip()


def named_units(text: str) -> list[Unit]:
    """Units named in `text`, in order: "Ban Thường vụ Huyện ủy Sơn Hà" -> [huyện Sơn Hà]; unnamed ones
    ("UBND huyện") have name ''. A province appears as Unit("tỉnh", name)."""
    units = []
    for found in NAMED_UNIT.finditer(match_form(text)):
        word = found.group(1).lower()
        unit_type = COMMITTEE_TYPES.get(word, word)
        name = _capitalised_prefix(found.group(2))
        if unit_type == "thành phố" and fold_name(name) in CENTRAL_CITIES:
            unit_type = "tỉnh"
        units.append(Unit(unit_type, name))
    return units


def _capitalised_prefix(words: str) -> str:
    """The proper name starting a run of words: "Sơn Hà tổ chức" -> "Sơn Hà"; "đều đạt" -> ''."""
    name = []
    for word in words.split():
        if not (word[0].isupper() or word[0].isdigit()):
            break
        name.append(word)
    return " ".join(name)


def _unit_from_name(portal_name: str, level: str) -> Unit | None:
    candidates = [u for u in named_units(portal_name) if u.name and u.level == level]
    return candidates[-1] if candidates else None


@lru_cache(maxsize=256)
def portal_place(province: str | None, level: str | None, name: str | None, slug: str = "") -> PlaceChain:
    """Where a portal sits, from its registry entry ("huyện Kỳ Anh" in "Hà Tĩnh"). A portal whose unit cannot
    be read stays at its province; one without a province is keyed by its slug."""
    province_display = province_name(province) or (f"portal {slug}" if slug else "")
    unit_level = PORTAL_LEVELS.get((level or "").lower())
    if unit_level in (None, PROVINCE):
        return PlaceChain(province_display)
    unit = _unit_from_name(name or "", unit_level)
    if unit is None:
        return PlaceChain(province_display)
    if unit_level == DISTRICT:
        return PlaceChain(province_display, district=unit)
    return PlaceChain(province_display, district=_district_of_commune(province_display, unit), commune=unit)


def _district_of_commune(province: str, commune: Unit) -> Unit | None:
    """The district a commune lay in until 2025, when the unit lists name exactly one."""
    units = admin_units()
    found = [c for c in _communes_in_province(province, commune) if c.era == ERA_UNTIL_2025]
    if len(found) != 1:
        return None
    district = units.by_code(ERA_UNTIL_2025, DISTRICT, found[0].parent_code)
    return Unit(_SAY_LOWER.get(district.unit_type, district.unit_type.lower()), district.name) if district else None


def locate(unit: Unit, portal: PlaceChain) -> PlaceChain:
    """The place a unit named in a portal's text stands for: unnamed units are the portal's own (or its
    ancestor's), named ones lie in the portal's province (and district, for a commune)."""
    if unit.level == PROVINCE:
        same = not unit.name or fold_name(unit.name) == fold_name(portal.province)
        return PlaceChain(portal.province if same else unit.name)
    if not unit.name:
        if unit.level == DISTRICT and portal.district and portal.district.unit_type == unit.unit_type:
            return portal.at(DISTRICT)
        if unit.unit_type == "thành phố":  # not the portal's own city: the centrally run city around it
            return PlaceChain(portal.province)
        if unit.level == COMMUNE and portal.commune and portal.commune.unit_type != unit.unit_type:
            return portal.at(DISTRICT)
        return portal  # the portal's own place: the best the text allows
    if unit.level == DISTRICT:
        return PlaceChain(portal.province, district=unit)
    return PlaceChain(portal.province, district=portal.district, commune=unit)


def place_of_body(body: str | None, portal: PlaceChain, level: str | None) -> PlaceChain:
    """The place of an issuing body or organisation: the lowest unit its name gives, else the portal's place
    cut at `level` (the level the body's kind implies), else the portal's place."""
    units = named_units(body or "")
    if units and units[-1].name:
        return locate(units[-1], portal)
    level = level or (units[-1].level if units else None)
    if level is None:
        return portal
    if level == COMMUNE and portal.level != COMMUNE:
        return portal
    return portal.at(level)


# official units --------------------------------------------------------------------------------------


def _communes_in_province(province: str, commune: Unit) -> list[AdminUnit]:
    units = admin_units()
    found = []
    for era in (ERA_UNTIL_2025, ERA_FROM_2025):
        for candidate in units.named(era, COMMUNE, commune.name):
            top = units.province_of(candidate)
            if top is not None and fold_name(top.name) == fold_name(province) and _same_type(candidate, commune):
                found.append(candidate)
    return found


def _same_type(unit: AdminUnit, named: Unit) -> bool:
    return fold_name(unit.unit_type) == fold_name(named.unit_type)


def _province_unit(name: str) -> AdminUnit | None:
    units = admin_units()
    for era in (ERA_UNTIL_2025, ERA_FROM_2025):
        found = units.named(era, PROVINCE, name)
        if found:
            return found[0]
    return None


def resolve_unit(chain: PlaceChain) -> AdminUnit | None:
    """The official unit a place chain names, when the unit lists hold exactly one; districts and the
    communes before 1 July 2025 are historical units (`AdminUnit.historical`)."""
    province = _province_unit(chain.province)
    if province is None or chain.level == PROVINCE:
        return province
    units = admin_units()
    if chain.level == DISTRICT:
        assert chain.district is not None
        found = [
            d
            for d in units.named(ERA_UNTIL_2025, DISTRICT, chain.district.name)
            if _same_type(d, chain.district) and d.parent_code == province.code
        ]
        return found[0] if len(found) == 1 else None
    assert chain.commune is not None
    found = _communes_in_province(province.name, chain.commune)
    if chain.district is not None:
        district = resolve_unit(chain.at(DISTRICT))
        found = [c for c in found if district is None or c.parent_code == district.code or c.era == ERA_FROM_2025]
    old = [c for c in found if c.era == ERA_UNTIL_2025]
    if len(old) == 1:
        return old[0]
    return found[0] if len(found) == 1 else None
