"""Comparing titles: `title_key` (one key for one title as written) and `subsumed_titles`."""

from __future__ import annotations

import re

from extractors.normalize import match_form

# An organ's acronym glossed in parentheses ("Sở Tài nguyên và Môi trường (TN&MT) tỉnh A"): the same title without it.
_GLOSSED_ACRONYM = re.compile(r"\s*\(\s*[^()\s]{1,12}\s*\)")


def title_key(title: str) -> str:
    """Identity of a title for de-duplication (tone placement, case, dashes, spacing and a glossed acronym
    ignored)."""
    return " ".join(match_form(_GLOSSED_ACRONYM.sub("", title)).casefold().replace(" - ", "-").split())


def subsumed_titles(titles: list[str]) -> set[str]:
    """Titles that another of the same person's titles completes by a word or two: the post written again
    without its place ("Phó Chủ tịch UBND tỉnh" beside "Phó Chủ tịch UBND tỉnh Bình Định") is one post, kept in
    its fullest form. A bare head beside a full post ("Bí thư" beside "Bí thư Thành ủy Hà Nội") stays: the text
    wrote both."""
    keys = {title: title_key(title).split() for title in titles}
    kept: list[list[str]] = []
    dropped: set[str] = set()
    # Longest first, and only a kept title completes another: "Phó Chủ tịch UBND" beside "Phó Chủ tịch UBND TP"
    # and "Phó Chủ tịch UBND TP Hải Phòng" stays, as the middle form, itself dropped, no longer stands for it.
    for title, words_ in sorted(keys.items(), key=lambda item: -len(item[1])):
        if any(_completes(words_, long) or _with_place_level(words_, long) for long in kept):
            dropped.add(title)
        else:
            kept.append(words_)
    return dropped


def _completes(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with a tail so short that the two name the same post (the scorer's own 4/5
    word-overlap rule for one title written two ways)."""
    return len(long) > len(short) and long[: len(short)] == short and 2 * len(short) >= 0.8 * (len(short) + len(long))


# Words naming a place's level that a writer adds or leaves out before its name ("Thành ủy TP Hà Nội").
PLACE_LEVEL_KEYS: frozenset[str] = frozenset(["tp", "tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường"])


def _with_place_level(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with one place-level word put in ("Bí thư Thành ủy TP Hà Nội" beside "Bí thư Thành
    ủy Hà Nội"), the two close enough to name one post by the scorer's 4/5 rule (a level written out, "Sở Y tế
    thành phố Hà Nội" beside "Sở Y tế Hà Nội", stays two forms)."""
    if len(long) != len(short) + 1 or 2 * len(short) < 0.8 * (len(short) + len(long)):
        return False
    k = 0
    for word in long:
        if k < len(short) and word == short[k]:
            k += 1
        elif word not in PLACE_LEVEL_KEYS:
            return False
    return k == len(short)
