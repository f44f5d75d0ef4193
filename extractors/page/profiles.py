"""CMS families as data (profiles.toml): recognising a portal's family and its article selectors."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

GENERIC = "generic"
_HEAD_BYTES = 200_000  # markers sit in the head, the body's wrappers or early scripts


@dataclass(frozen=True)
class CmsProfile:
    name: str
    markers: tuple[re.Pattern[str], ...]
    min_score: int
    container: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[str, ...]
    author: tuple[str, ...]
    lead: tuple[str, ...]
    category: tuple[str, ...]
    drop: tuple[str, ...]


def _profile(name: str, raw: dict[str, object]) -> CmsProfile:
    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        return tuple(str(item) for item in value) if isinstance(value, list) else ()

    return CmsProfile(
        name=name,
        markers=tuple(re.compile(marker, re.IGNORECASE) for marker in strings("markers")),
        min_score=int(raw.get("min_score", 1)),  # type: ignore[arg-type]
        container=strings("container"),
        title=strings("title"),
        date=strings("date"),
        author=strings("author"),
        lead=strings("lead"),
        category=strings("category"),
        drop=strings("drop"),
    )


@lru_cache(maxsize=1)
def load_profiles() -> dict[str, CmsProfile]:
    """Profiles in file order (the order is the tie-break of detection)."""
    text = resources.files("extractors.page").joinpath("profiles.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["profiles"]
    return {name: _profile(name, raw) for name, raw in data.items()}


def profile_for(name: str | None) -> CmsProfile:
    profiles = load_profiles()
    return profiles.get(name or GENERIC, profiles[GENERIC])


def detect_family(html: str) -> str | None:
    """The first family (specialised ones come first in the file) whose markers reach its threshold."""
    head = html[:_HEAD_BYTES]
    for name, profile in load_profiles().items():
        if name == GENERIC:
            continue
        if sum(1 for marker in profile.markers if marker.search(head)) >= profile.min_score:
            return name
    return None
