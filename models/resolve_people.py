"""People: one name's titles within one province grouped into persons, each grouping with its reason (pure).

A person is resolved within the province of the portals that name them: the same name in two provinces is
always two people. Within a province, a name's titles are one person unless two titles place them in
different units at the same level ("Bí thư Đảng ủy xã Nà Bó" and "Chủ tịch UBND xã Pá Khoang"): those are
kept apart, the first unit's titles with one person and the other's with another. A title that names no unit
("Ủy viên Ban Thường vụ Tỉnh ủy", no title at all) joins the person of that name when there is one, else the
most mentioned of them, and says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from models.places import COMMUNE, DISTRICT, PlaceChain, locate, named_units


@dataclass(frozen=True)
class TitleGroup:
    """One name's title in one province, with the unit the title names (relative to its portal)."""

    official_id: int
    name: str
    name_key: str
    province_key: str
    province: str
    title: str
    mentions: int
    unit: PlaceChain | None


@dataclass
class PersonCluster:
    name: str
    name_key: str
    province_key: str
    unit: PlaceChain | None = None
    links: list[tuple[TitleGroup, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.province_key}|{self.name_key}|{self.unit.key if self.unit else ''}"

    @property
    def mentions(self) -> int:
        return sum(group.mentions for group, _ in self.links)


def title_unit(title: str, portal: PlaceChain) -> PlaceChain | None:
    """The district or commune a title places its holder in ("Chủ tịch UBND xã Nà Bó"); None for titles at
    province level or naming no unit."""
    units = [u for u in named_units(title) if u.level in (DISTRICT, COMMUNE)]
    if not units:
        return None
    place = locate(units[-1], portal)
    return place if place.level == units[-1].level else None  # an unnamed unit the portal cannot tell


def compatible(left: PlaceChain, right: PlaceChain) -> bool:
    """No level at which both name a unit and the units differ (a commune fits inside its district)."""
    if left.key.split("/")[0] != right.key.split("/")[0]:
        return False
    for a, b in ((left.district, right.district), (left.commune, right.commune)):
        if a is not None and b is not None and a.segment != b.segment:
            return False
    return True


def _merged(left: PlaceChain, right: PlaceChain) -> PlaceChain:
    return PlaceChain(left.province, left.district or right.district, left.commune or right.commune)


def cluster_block(groups: list[TitleGroup]) -> list[PersonCluster]:
    """Persons for one name in one province."""
    first = groups[0]
    clusters: list[PersonCluster] = []
    placed = sorted((g for g in groups if g.unit), key=lambda g: (-g.mentions, g.title))
    for group in placed:
        assert group.unit is not None
        home = next((c for c in clusters if c.unit is not None and compatible(c.unit, group.unit)), None)
        if home is not None:
            assert home.unit is not None
            reason = f"same name in {group.province}; {group.unit.name} agrees with {home.unit.name}"
            home.unit = _merged(home.unit, group.unit)
        else:
            others = ", ".join(c.unit.name for c in clusters if c.unit is not None)
            reason = (
                f"same name as the person at {others} in {group.province}, but this title is at "
                f"{group.unit.name}: kept apart"
                if clusters
                else f"first title of this name in {group.province}"
            )
            home = PersonCluster(first.name, first.name_key, first.province_key, group.unit)
            clusters.append(home)
        home.links.append((group, reason))
    for group in sorted((g for g in groups if g.unit is None), key=lambda g: (-g.mentions, g.title)):
        _place_unplaced(clusters, group)
    return clusters


def _place_unplaced(clusters: list[PersonCluster], group: TitleGroup) -> None:
    if not clusters:
        clusters.append(PersonCluster(group.name, group.name_key, group.province_key))
        clusters[0].links.append((group, f"first mention of this name in {group.province}; the title names no unit"))
        return
    if len(clusters) == 1:
        reason = f"same name in {group.province}; the title names no unit and one person of that name is known there"
        clusters[0].links.append((group, reason))
        return
    home = max(clusters, key=lambda c: c.mentions)
    reason = (
        f"same name in {group.province}; the title names no unit and {len(clusters)} people of that name are "
        f"known there: joined the most mentioned ({home.unit.name if home.unit else 'no unit'})"
    )
    home.links.append((group, reason))


def cluster_people(groups: list[TitleGroup]) -> list[PersonCluster]:
    blocks: dict[tuple[str, int], list[TitleGroup]] = defaultdict(list)
    for group in groups:
        blocks[(group.province_key, group.official_id)].append(group)
    return [cluster for key in sorted(blocks) for cluster in cluster_block(blocks[key])]
