"""Rebuild `models/data/admin_units.csv.gz`, the official administrative units `models.places` resolves to.

The source is the MIT-licensed `vietnamadminunits` package (its `data/dataset.db`, built from the General
Statistics Office's unit lists): the 63 provinces, their districts and communes as they stood until
30 June 2025, and the 34 provinces and their communes from 1 July 2025 (the district level abolished).
It is not a dependency of vnportal: install it in a scratch environment and run

    python -m models.admin_units_build /path/to/vietnamadminunits/data/dataset.db

Only names, unit types and codes are kept (facts), with each old province's successor.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sqlite3
from pathlib import Path

from models.admin_units import COLUMNS, DATA_FILE, ERA_FROM_2025, ERA_UNTIL_2025


def _strip_type(name: str, unit_type: str) -> str:
    return name[len(unit_type) :].strip() if name.lower().startswith(unit_type.lower()) else name


def _province_type(full_name: str) -> str:
    return "Thành phố" if full_name.startswith("Thành phố") else "Tỉnh"


def legacy_rows(db: sqlite3.Connection, successors: dict[str, str]) -> list[dict[str, str]]:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    query = (
        "SELECT province, provinceShort, provinceCode, district, districtType, districtCode, ward, wardType, "
        "wardCode FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
    )
    for prov, prov_short, prov_code, dist, dist_type, dist_code, ward, ward_type, ward_code in db.execute(query):
        rows[("province", prov_code)] = {
            "era": ERA_UNTIL_2025,
            "level": "province",
            "code": prov_code,
            "name": prov_short,
            "unit_type": _province_type(prov),
            "parent_code": "",
            "successor_code": successors.get(prov, ""),
        }
        rows[("district", dist_code)] = {
            "era": ERA_UNTIL_2025,
            "level": "district",
            "code": dist_code,
            "name": _strip_type(dist, dist_type),
            "unit_type": dist_type,
            "parent_code": prov_code,
            "successor_code": "",
        }
        if ward and ward_code:
            rows[("commune", ward_code)] = {
                "era": ERA_UNTIL_2025,
                "level": "commune",
                "code": ward_code,
                "name": _strip_type(ward, ward_type),
                "unit_type": ward_type,
                "parent_code": dist_code,
                "successor_code": "",
            }
    return list(rows.values())


def current_rows(db: sqlite3.Connection) -> list[dict[str, str]]:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    query = "SELECT province, provinceShort, provinceCode, ward, wardType, wardCode FROM admin_units ORDER BY 3, 6"
    for prov, prov_short, prov_code, ward, ward_type, ward_code in db.execute(query):
        rows[("province", prov_code)] = {
            "era": ERA_FROM_2025,
            "level": "province",
            "code": prov_code,
            "name": prov_short,
            "unit_type": _province_type(prov),
            "parent_code": "",
            "successor_code": "",
        }
        rows[("commune", ward_code)] = {
            "era": ERA_FROM_2025,
            "level": "commune",
            "code": ward_code,
            "name": _strip_type(ward, ward_type),
            "unit_type": ward_type,
            "parent_code": prov_code,
            "successor_code": "",
        }
    return list(rows.values())


def province_successors(converter_json: Path, db: sqlite3.Connection) -> dict[str, str]:
    """Old province full name -> the code of the province it became part of on 1 July 2025."""
    mapping = json.loads(converter_json.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    key_to_new_code = {}
    for full_name, code in db.execute("SELECT DISTINCT province, provinceCode FROM admin_units"):
        key_to_new_code[_key(full_name)] = code
    legacy_names = {_key(n): n for (n,) in db.execute("SELECT DISTINCT province FROM admin_units_legacy")}
    successors = {}
    for new_key, old_keys in mapping.items():
        for old_key in old_keys:
            if old_key in legacy_names and new_key in key_to_new_code:
                successors[legacy_names[old_key]] = key_to_new_code[new_key]
    return successors


def _key(name: str) -> str:
    from extractors.normalize import fold_diacritics

    return "".join(ch for ch in fold_diacritics(name) if ch.isalnum())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset_db", type=Path)
    args = parser.parse_args(argv)
    db = sqlite3.connect(args.dataset_db)
    successors = province_successors(args.dataset_db.parent / "converter_2025.json", db)
    rows = legacy_rows(db, successors) + current_rows(db)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    DATA_FILE.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} units written to {DATA_FILE}")


if __name__ == "__main__":
    main()
