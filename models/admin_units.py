"""Official administrative units (General Statistics Office codes), before and after the 2025 reorganisation.

`models/data/admin_units.csv.gz` holds every province, district and commune as they stood until 30 June 2025
(era "until-2025-06": 63 provinces, the district level since abolished) and from 1 July 2025 (era
"from-2025-07": 34 provinces, communes directly under them). Rebuilt by `models.admin_units_build`.
Lookups are by folded name, so "Hà Tĩnh", "HÀ TĨNH" and "Ha Tinh" find the same unit.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.normalize import fold_diacritics
from models.keys import collapse_spaces

DATA_FILE = Path(__file__).resolve().parent / "data" / "admin_units.csv.gz"
COLUMNS = ("era", "level", "code", "name", "unit_type", "parent_code", "successor_code")
ERA_UNTIL_2025 = "until-2025-06"
ERA_FROM_2025 = "from-2025-07"
REORGANISED_ON = "2025-07-01"


@dataclass(frozen=True)
class AdminUnit:
    era: str
    level: str  # province | district | commune
    code: str
    name: str  # without the unit type: "Kỳ Anh"
    unit_type: str  # Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu
    parent_code: str  # the province of a district; the district (until 2025) or province (from 2025) of a commune
    successor_code: str  # an old province: the province it is part of from 1 July 2025

    @property
    def historical(self) -> bool:
        return self.era == ERA_UNTIL_2025


def fold_name(text: str) -> str:
    return collapse_spaces(fold_diacritics(text))


class AdminUnits:
    """Every unit, indexed by (era, level, folded name)."""

    def __init__(self, units: list[AdminUnit]):
        self.units = units
        self._by_name: dict[tuple[str, str, str], list[AdminUnit]] = defaultdict(list)
        self._by_code: dict[tuple[str, str, str], AdminUnit] = {}
        for unit in units:
            self._by_name[(unit.era, unit.level, fold_name(unit.name))].append(unit)
            self._by_code[(unit.era, unit.level, unit.code)] = unit

    def named(self, era: str, level: str, name: str) -> list[AdminUnit]:
        return list(self._by_name.get((era, level, fold_name(name)), []))

    def by_code(self, era: str, level: str, code: str) -> AdminUnit | None:
        return self._by_code.get((era, level, code))

    def province_of(self, unit: AdminUnit) -> AdminUnit | None:
        """The province a unit lies in (itself for a province)."""
        current: AdminUnit | None = unit
        while current is not None and current.level != "province":
            parent_level = "district" if current.level == "commune" and current.era == ERA_UNTIL_2025 else "province"
            current = self.by_code(current.era, parent_level, current.parent_code)
        return current


def read_units(path: Path = DATA_FILE) -> list[AdminUnit]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return [AdminUnit(**{k: row[k] for k in COLUMNS}) for row in csv.DictReader(io.StringIO(text))]


@lru_cache(maxsize=1)
def admin_units() -> AdminUnits:
    return AdminUnits(read_units())
