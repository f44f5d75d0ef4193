"""Mentions left out (the byline author, listing lines) and the rest merged into one Official per person."""

from __future__ import annotations

import re
from bisect import bisect_right

from extractors.facts.officials.candidates import never_official
from extractors.facts.officials.context import Parsed
from extractors.facts.officials.foreign_names import foreign_key
from extractors.facts.officials.mentions import Mention
from extractors.facts.person_names import name_key, short_form, unglued
from extractors.facts.title_status import status_after, status_before, stronger
from extractors.facts.titles import subsumed_titles, title_key
from extractors.types import Evidence, Official, TitleStatus

# Lines left in an uncleaned body that are not the article: bulleted headlines (a body's own bullets end
# their item with ";", "." or ":"; related headlines never do), related headlines ending "(dd/mm/yyyy)",
# and the portal footer ("Chịu trách nhiệm chính: Ông ...").
_LISTING_LINE = re.compile(
    r"^[ \t]*[•·▪►].*[^;.:,\s][ \t]*$|^.*\(\d{1,2}/\d{1,2}/\d{4}\)[ \t]*$"
    r"|^[ \t]*(?:Chịu trách nhiệm|Cơ quan chủ quản|Trưởng [Bb]an [Bb]iên tập|Giấy phép|Địa chỉ)\b.*$",
    re.MULTILINE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;/&–—-]|\bvà\b)\s*")


class ListingLines:
    """The lines of `_LISTING_LINE` (related headlines, bulleted teasers, the footer), found once."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _LISTING_LINE.finditer(text)]
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def holds(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


def author_keys(author: str | None) -> set[str]:
    if not author:
        return set()
    parts = [author, *_AUTHOR_SPLIT.split(author)]
    # "Tin, ảnh: Hoàng Lan" -> "Hoàng Lan"
    return {name_key(part.rsplit(":", 1)[-1]) for part in parts if part.strip()}


def merge_mentions(mentions: list[Mention], parsed: Parsed, excluded: set[str]) -> list[Official]:
    """One Official per person named in an official capacity, titles de-duplicated in first-seen order, each
    with the most telling status its mentions give it."""
    keys = [name_key(m.name.text) for m in mentions]  # each mention's person, worked out once
    fuller = completed_names(set(keys))  # "Chủ tịch Huy" is the person whom another mention gives a firm's post
    in_business = {fuller.get(key, key) for key, m in zip(keys, mentions, strict=True) if m.business_post}
    official_keys = {
        key
        for key, m in zip(keys, mentions, strict=True)
        if (m.official_beside_business if fuller.get(key, key) in in_business else m.official)
        and not never_official(parsed.tokens, m.name)
    }
    name_ends = {name.last for name in parsed.names_at.values()}
    people: dict[str, Official] = {}
    seen_titles: dict[str, dict[str, str]] = {}  # person -> title key -> the title as first written
    # person -> titles a career summary dates to a closed past range / titles given anywhere else: the former
    # only are former posts ("Từ năm 1995 đến năm 2001: T" while the lead does not name T as held now)
    past: dict[str, set[str]] = {}
    held_now: dict[str, set[str]] = {}
    completed = completed_names(official_keys)
    for written, mention in zip(keys, mentions, strict=True):
        key = completed.get(written, written)
        if written not in official_keys or key in excluded:
            continue
        person = people.setdefault(key, Official(name=unglued(mention.name.text)))  # "TônThị B" is "Tôn Thị B"
        if written == key and name_key(person.name) != key:
            person.name = unglued(mention.name.text)  # the caption's "Ông Đức Duy" came before "Đỗ Đức Duy"
        if person.name.isupper() and not mention.name.text.isupper():
            person.name = mention.name.text  # "PHAN VĂN B" in a list, "Phan Văn B" in the prose
        known = seen_titles.setdefault(key, {})
        retired = status_after(parsed.tokens, mention.end_token) if mention.titles else None
        for span in sorted(mention.titles, key=lambda s: s.start):
            written = title_key(span.text)
            if written not in known:
                known[written] = span.text
                person.titles.append(span.text)
            title = known[written]
            (past if span.first in parsed.past_posts else held_now).setdefault(key, set()).add(title)
            anchor = parsed.listed_with.get(span.first, span)
            status = stronger(retired, status_before(parsed.tokens, anchor, name_ends))
            status = stronger(person.title_status.get(title), status)
            if status is not TitleStatus.CURRENT:
                person.title_status[title] = status
        person.evidence.append(_evidence(mention, parsed.text))
    for key, person in people.items():
        for title in past.get(key, set()) - held_now.get(key, set()):
            person.title_status[title] = stronger(person.title_status.get(title), TitleStatus.FORMER)
    for person in people.values():
        _drop_subsumed(person)
        _drop_bare_deputy(person)
    return list(people.values())


def completed_names(keys: set[str]) -> dict[str, str]:
    """Names of two words or more written again without their surname or given name ("Đức Duy", "Đinh La"), or
    without a middle "Văn"/"Thị" ("Nguyễn Chiến") -> the one full name among `keys` that they stand for.

    Each key is filed once under its shorter forms, and each looks up the names it may stand for: comparing every
    key with every other took seconds on a page naming thousands of people."""
    by_outer_words: dict[str, set[str]] = {}  # a name's first or last words -> the longer names they open or end
    by_short_form: dict[str, list[str]] = {}
    for other in keys:
        for part in _outer_words(other):
            by_outer_words.setdefault(part, set()).add(other)
        by_short_form.setdefault(short_form(other), []).append(other)
    completed: dict[str, str] = {}
    for key in keys:
        fuller = by_outer_words.get(key, set())
        if " " not in key:  # one word is no name to complete, but a foreign leader's ("Putin": "Vladimir Putin")
            if len(fuller) == 1 and foreign_key(key):
                completed[key] = next(iter(fuller))
            continue
        if len(fuller) == 1:
            completed[key] = next(iter(fuller))
            continue
        # "Nguyễn Chiến" for "Nguyễn Văn Chiến": the one full name that only a middle "Văn"/"Thị" lengthens
        lengthened = [other for other in by_short_form.get(key, []) if other != key]
        if len(lengthened) == 1:
            completed[key] = lengthened[0]
    return completed


def _outer_words(name: str) -> set[str]:
    """The name's opening and closing words short of the whole: "a b c" -> "a", "a b", "b c", "c"."""
    spaces = [at for at, char in enumerate(name) if char == " "]
    return {name[:at] for at in spaces} | {name[at + 1 :] for at in spaces}


def _drop_subsumed(person: Official) -> None:
    for title in subsumed_titles(person.titles):
        person.titles.remove(title)
        person.title_status.pop(title, None)


BARE_DEPUTY_KEYS: frozenset[str] = frozenset(["đb", "đại biểu"])


def _drop_bare_deputy(person: Official) -> None:
    """The bare "ĐB"/"đại biểu" is the deputy's title only where no fuller form of it is given ("đại biểu Quốc
    hội", "ĐBQH", "ĐB tỉnh Vĩnh Phúc", "đại biểu HĐND tỉnh"; README, batch 8)."""
    keys = {title: title_key(title) for title in person.titles}
    fuller = any(
        key not in BARE_DEPUTY_KEYS and (key.startswith(("đại biểu ", "đb")) or key.startswith("nguyên đại biểu "))
        for key in keys.values()
    )
    if not fuller:
        return
    for title, key in keys.items():
        if key in BARE_DEPUTY_KEYS:
            person.titles.remove(title)
            person.title_status.pop(title, None)


def _evidence(mention: Mention, text: str) -> Evidence:
    """Offsets of the name; the snippet runs from the first to the last of this mention's titles."""
    start = min([mention.name.start, *(s.start for s in mention.titles)])
    end = max([mention.name.end, *(s.end for s in mention.titles)])
    return Evidence(mention.name.start, mention.name.end, " ".join(text[start:end].split()))
