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
class Marker:
    """A marker pattern and the pieces of text any match must contain (plain `in` tests are far cheaper than
    the search: 'class="[^"]*\\bdnn' is searched only on a page that has both 'class="' and 'dnn').
    A marker that is one literal text (`literal`) is found by its `in` test alone."""

    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    literal: bool = False

    def found_in(self, head: PageHead) -> bool:
        if not all(head.has(part) for part in self.needs):
            return False
        return self.literal or self.pattern.search(head.text) is not None


# Characters whose lower case is an ASCII letter or more than one character (the Kelvin sign, the dotted
# capital I): the only ones for which lower-casing the ASCII letters alone could change what a marker
# matches (every other case pair is one non-ASCII character to another, both letters, both word
# characters). Checked against the Unicode database by tests/test_page_profiles.py.
_LOWER_CHANGES_MATCHING = ("\u0130", "\u212a")


def lower_ascii_letters(text: str) -> str:
    """`text.lower()` as far as ASCII markers can tell (see `_LOWER_CHANGES_MATCHING`), some three times
    faster on a Vietnamese page: `str.lower` looks up every character of a non-ASCII text in the Unicode
    tables, bytes.lower() touches the ASCII letters only."""
    if text.isascii() or any(char in text for char in _LOWER_CHANGES_MATCHING):
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


class PageHead:
    """A page's head in lower case, and which literal texts it holds, each looked for once: markers of
    several families share texts ('class="', 'journal-content-article'), and a miss costs a scan of the
    whole head."""

    def __init__(self, html: str) -> None:
        self.text = lower_ascii_letters(html[:_HEAD_BYTES])
        self._held: dict[str, bool] = {}

    def has(self, part: str) -> bool:
        held = self._held.get(part)
        if held is None:
            held = self._held[part] = part in self.text
        return held


_SPECIAL = set("\\.^$*+?{}[]()|")


def _required_texts(pattern: str) -> tuple[str, ...]:
    """The literal runs a match must contain, longest first (none when the pattern has alternatives or
    groups, or a counted repeat whose digits are no text)."""
    if any(char in pattern for char in "|()?{"):
        return ()
    runs, current, index, depth = [], "", 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            literal = escaped in ".-/" and depth == 0
            current = current + escaped if literal else (runs.append(current), "")[1]
            index += 2
            continue
        if char == "[":
            depth += 1
        if depth or char in _SPECIAL:
            if char in "*+{" and current:
                current = current[:-1]  # the character before a quantifier may be absent or repeated
            runs.append(current)
            current = ""
        else:
            current += char
        if char == "]":
            depth -= 1
        index += 1
    runs.append(current)
    # the later of two equal runs is the more telling ("tandan-"): tried first
    return tuple(sorted((run for run in reversed(runs) if run), key=len, reverse=True))


@dataclass(frozen=True)
class CmsProfile:
    name: str
    markers: tuple[Marker, ...]
    min_score: int
    specialises: str | None
    container: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[str, ...]
    author: tuple[str, ...]
    lead: tuple[str, ...]
    category: tuple[str, ...]
    drop: tuple[str, ...]


_ESCAPE_OR_CHAR = re.compile(r"\\.|.", re.DOTALL)


def _lower_case_pattern(pattern: str) -> str:
    """A marker in lower case (escapes kept as written), to be searched in the lower-cased page: a
    case-insensitive search was several times slower than a plain one over 50 markers."""
    return "".join(piece if piece.startswith("\\") else piece.lower() for piece in _ESCAPE_OR_CHAR.findall(pattern))


# A pattern that is plain text: letters, digits and escaped punctuation, no class, repeat or anchor.
_PLAIN_TEXT = re.compile(r"(?:[^\\.^$*+?{}\[\]()|]|\\[.\-/])+")


def _marker(lowered: str) -> Marker:
    needs = _required_texts(lowered)
    literal = _PLAIN_TEXT.fullmatch(lowered) is not None and needs == (lowered.replace("\\", ""),)
    return Marker(re.compile(lowered), needs, literal)


def _profile(name: str, raw: dict[str, object]) -> CmsProfile:
    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        return tuple(str(item) for item in value) if isinstance(value, list) else ()

    return CmsProfile(
        name=name,
        markers=tuple(_marker(_lower_case_pattern(marker)) for marker in strings("markers")),
        min_score=int(raw.get("min_score", 1)),  # type: ignore[arg-type]
        specialises=str(raw["specialises"]) if raw.get("specialises") else None,
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
    """The family the page shows most markers of, among those that reach their threshold (a generic family
    gives way to a qualifying one that specialises it; a tie goes to the one written first). Markers match
    whatever the case.

    The most markers, not the first family to qualify: a SharePoint "Lạc Việt" page that mentions
    "journal-content-article" and "Liferay." (two Liferay markers) shows five of its own.

    A marker absent from the page costs a search of all of its head, so markers are searched only while
    they can still change the answer: a family stops being searched once it can no longer beat the
    leader, and a general family a qualifying specialisation replaces is not searched at all."""
    head = PageHead(html)
    profiles = {name: profile for name, profile in load_profiles().items() if name != GENERIC}
    tallies = {name: _Tally(profile.markers, head) for name, profile in profiles.items()}
    leader: str | None = None
    for name, profile in profiles.items():
        if _replaced_by_specialisation(name, profiles, tallies):
            continue
        needed = profile.min_score if leader is None else max(profile.min_score, tallies[leader].found + 1)
        if tallies[name].at_least(needed):
            leader = name
            tallies[name].count_all()
    return leader


def _replaced_by_specialisation(name: str, profiles: dict[str, CmsProfile], tallies: dict[str, _Tally]) -> bool:
    return any(
        profile.specialises == name and tallies[special].at_least(profile.min_score)
        for special, profile in profiles.items()
    )


class _Tally:
    """A family's markers found in a page's head, searched one at a time and only as far as asked."""

    def __init__(self, markers: tuple[Marker, ...], head: PageHead) -> None:
        self._unsearched = list(reversed(markers))
        self._head = head
        self.found = 0

    def at_least(self, count: int) -> bool:
        """Whether `count` or more of the markers are in the head (searching until that is certain)."""
        while self.found < count <= self.found + len(self._unsearched):
            self.found += self._unsearched.pop().found_in(self._head)
        return self.found >= count

    def count_all(self) -> None:
        while self._unsearched:
            self.found += self._unsearched.pop().found_in(self._head)
