"""Disjoint character spans, asked whether a new span overlaps one of them in O(log n)."""

from __future__ import annotations

from bisect import bisect_left, insort


class DisjointSpans:
    """Spans that never overlap one another, kept sorted by start (so their ends are sorted too)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        ordered = sorted(spans or [])
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]

    def _before(self, end: int) -> int:
        """Index of the last span that starts before `end`, -1 when none does."""
        return bisect_left(self.starts, end) - 1

    def overlaps(self, start: int, end: int) -> bool:
        index = self._before(end)
        return index >= 0 and self.ends[index] > start

    def holds(self, start: int, end: int) -> bool:
        """Whether exactly this span is one of them."""
        index = self._before(end)
        return index >= 0 and (self.starts[index], self.ends[index]) == (start, end)

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of them."""
        insort(self.starts, start)
        self.ends.insert(bisect_left(self.starts, start), end)
