"""What a crawl's stats say beyond the counts: pages judged not to be articles (per reason), notices, pages
skipped over their extraction budget, and every limit that left pages unvisited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REJECTED = "vnportal/not_an_article/"
SKIPPED = "vnportal/skipped/"
LIMITS = "vnportal/limit/"
FINISHED = "finished"


def _per_key(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: int(value) for key, value in sorted(stats.items()) if key.startswith(prefix)}


def _counts(parts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in parts.items())


def crawl_notes(stats: Mapping[str, Any]) -> list[str]:
    """Lines for the crawl summary (empty when there is nothing to say)."""
    notes = []
    rejected = _per_key(stats, REJECTED)
    if rejected:
        notes.append(f"not articles: {_counts(rejected)}")
    if stats.get("vnportal/notices"):
        notes.append(f"notices (body points to attached files): {stats['vnportal/notices']}")
    skipped = _per_key(stats, SKIPPED)
    if skipped:
        notes.append(f"skipped over the extraction budget: {_counts(skipped)} (listed in crawl_failures)")
    if stats.get("vnportal/stopped_at_limit"):
        notes.append(f"stopped at limit: {stats['vnportal/stopped_at_limit']}")
    reason = stats.get("finish_reason")
    if reason and reason != FINISHED:
        notes.append(f"stopped early: {reason}")
    return notes


def limits_reached(stats: Mapping[str, Any]) -> bool:
    """A limit cut the crawl short: some pages were left unvisited on purpose."""
    return bool(_per_key(stats, LIMITS)) or stats.get("finish_reason", FINISHED) != FINISHED
