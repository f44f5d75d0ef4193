"""Evidence snippets: the sentence around a match, clipped to about 80 characters either side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.types import Evidence

SNIPPET_REACH = 80
# A sentence ends at a full stop/question/exclamation followed by a space, or at a line break. Written as
# alternatives each opening on one character, so that the search skips in C to the next of those characters.
_SENTENCE_END = re.compile(r"\.(?=\s)|!(?=\s)|\?(?=\s)|\n")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_bounds(text: str, start: int, end: int) -> Span:
    """Start and end of the sentence holding text[start:end], at most SNIPPET_REACH beyond the match."""
    left_limit = max(0, start - SNIPPET_REACH)
    left = left_limit
    for found in _SENTENCE_END.finditer(text, left_limit, start):
        left = found.end()
    right_limit = min(len(text), end + SNIPPET_REACH)
    stop = _SENTENCE_END.search(text, end, right_limit)
    right = stop.end() if stop else right_limit
    return Span(left, right)


def make_evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end] with the surrounding sentence as snippet."""
    bounds = sentence_bounds(text, start, end)
    return Evidence(start=start, end=end, snippet=text[bounds.start : bounds.end].strip())
