"""Comparing titles: `title_key` (one key for one title as written) and `subsumed_titles`."""

from __future__ import annotations

import re
from collections import Counter

from extractors.normalize import match_form

# An organ's acronym glossed in parentheses ("Sở Tài nguyên và Môi trường (TN&MT) tỉnh A"): the same title without it.
_GLOSSED_ACRONYM = re.compile(r"\s*\(\s*[^()\s]{1,12}\s*\)")


def title_key(title: str) -> str:
    """Identity of a title for de-duplication (tone placement, case, dashes, spacing and a glossed acronym
    ignored)."""
    return " ".join(match_form(_GLOSSED_ACRONYM.sub("", title)).casefold().replace(" - ", "-").split())


def subsumed_titles(titles: list[str]) -> set[str]:
    """Titles that another of the same person's titles writes again with one place-level word put in before the
    place ("Bí thư Thành ủy Hà Nội" beside "Bí thư Thành ủy TP Hà Nội"): one post, kept in its fuller form. A post
    written again without its place ("Phó Chủ tịch UBND tỉnh" beside "Phó Chủ tịch UBND tỉnh Bình Định") stays
    twice: the contract lists every title the article attaches to a person in any mention (measured on the tune
    split and five annotated pool samples: both forms kept scored as well or better on all but one). The same
    holds for a ministry's "Bộ" put in before its field ("Bộ trưởng Thương mại Trung Quốc" / "Bộ trưởng Bộ Thương
    mại Trung Quốc") and for an organ word written out beside its abbreviation ("Trường ĐH Công đoàn" / "Trường Đại
    học Công đoàn"), where the two forms stay within the scorer's 4/5 overlap."""
    keys = {title: title_key(title).split() for title in titles}
    kept: list[list[str]] = []
    dropped: set[str] = set()
    for title, words_ in sorted(keys.items(), key=lambda item: -len(item[1])):
        if any(_one_post(words_, long) for long in kept):
            dropped.add(title)
        else:
            kept.append(words_)
    return dropped


# Words naming a place's level that a writer adds or leaves out before its name ("Thành ủy TP Hà Nội").
PLACE_LEVEL_KEYS: frozenset[str] = frozenset(["tp", "tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường"])


# Words a writer puts in or leaves out without naming another post: a place's level before its name
# ("Thành ủy TP Hà Nội") and a ministry's "Bộ" before its field ("Bộ trưởng Bộ Thương mại").
_OPTIONAL_KEYS: frozenset[str] = PLACE_LEVEL_KEYS | {"bộ"}

# Organ words that portals abbreviate inside a title, written out for comparing two forms of one post.
_WRITTEN_OUT: dict[str, tuple[str, ...]] = {
    "đh": ("đại", "học"),
    "t.ư": ("trung", "ương"),
    "tw": ("trung", "ương"),
    "qh": ("quốc", "hội"),
}


def _one_post(short: list[str], long: list[str]) -> bool:
    """Whether `short` and `long` are one post written twice: the same words once abbreviations are written out,
    or `long` with one optional word put in, and close enough for the scorer's 4/5 rule to take them as one."""
    if not _scorer_close(short, long):
        return False
    short_out, long_out = _written_out(short), _written_out(long)
    return short_out == long_out or _with_place_level(short_out, long_out)


def _scorer_close(one: list[str], other: list[str]) -> bool:
    """Word-overlap F1 of at least 0.8, as the scorer pairs titles."""
    common = sum((Counter(one) & Counter(other)).values())
    return 2 * common >= 0.8 * (len(one) + len(other))


def _written_out(words_: list[str]) -> list[str]:
    return [part for word in words_ for part in _WRITTEN_OUT.get(word, (word,))]


def _with_place_level(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with one optional word put in, a place level ("Bí thư Thành ủy TP Hà Nội" beside
    "Bí thư Thành ủy Hà Nội") or a ministry's "Bộ", the two close enough to name one post by the scorer's 4/5 rule
    (a level written out, "Sở Y tế thành phố Hà Nội" beside "Sở Y tế Hà Nội", stays two forms)."""
    if len(long) != len(short) + 1 or 2 * len(short) < 0.8 * (len(short) + len(long)):
        return False
    k = 0
    for position, word in enumerate(long):
        if k < len(short) and word == short[k]:
            k += 1
        elif word not in _OPTIONAL_KEYS or position == len(long) - 1:
            # A level word closing the title stands before no place: "Phó Chủ tịch UBND huyện" is another
            # writing of the post than "Phó Chủ tịch UBND", not the same one with its level put in.
            return False
    return k == len(short)
