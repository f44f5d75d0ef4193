"""The metadata header a text dump may open with, read as a grammar of `key: value` lines.

Two shapes are common: a dataset record's comment lines ("# doc_id = news_042", "# url = https://…",
"# date = 20240801") and a static site's front matter between fences ("---" / "title: …" / "date: 2024-08-01
07:00:00" / "---"). Both state the page's own metadata, so a title, a date or an author given there is the
page's; the header lines themselves are never body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.page.dates import FoundDate, parse_date
from extractors.page.markdown_lines import without_tags

MAX_HEADER_LINES = 60  # front matter longer than this is not a header: read the dump as it is
_FENCES = ("---", "+++")
_FRONT_FIELD = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*[:=]\s*(.*)$")  # ASCII identifiers, as YAML/TOML write them
# A record's comment fields are lower-case identifiers: "# Tin: …" or "# Kết luận" open no header.
_COMMENT_FIELD = re.compile(r"^#\s*([a-z_][a-z0-9_-]*)\s*[:=]\s*(.*)$")
_COMPACT_DAY = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")  # "20240801", "20240801 0730"

# Field names (lower case, "-" as "_") that carry the page's metadata, as data.
TITLE_KEYS = frozenset({"title", "headline", "tieu_de", "tieude"})
DATE_KEYS = frozenset({"date", "published", "published_at", "published_on", "pubdate", "publish_date", "ngay"})
AUTHOR_KEYS = frozenset({"author", "byline", "tac_gia", "tacgia"})
ARTICLE_LAYOUTS = ("post", "article", "single", "news")
URL_KEYS = frozenset({"url", "link", "source_url", "canonical", "canonical_url", "permalink"})


@dataclass(frozen=True)
class DumpHeader:
    """The fields a header states (keys folded to lower case) and the index of the first line after it."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0

    def _first(self, keys: frozenset[str]) -> str | None:
        for key, value in self.fields.items():
            if key in keys and value:
                return value
        return None

    @property
    def title(self) -> str | None:
        title = self._first(TITLE_KEYS)
        return without_tags(title) if title else None

    @property
    def declares_article(self) -> bool:
        """A record or post that states its title or date is one article; a static site's other layouts
        ("page", "home", "category") may be listings."""
        layout = self.fields.get("layout", ARTICLE_LAYOUTS[0]).lower()
        dated_or_titled = self.title is not None or self._first(DATE_KEYS) is not None
        return dated_or_titled and layout in ARTICLE_LAYOUTS

    @property
    def author(self) -> str | None:
        return self._first(AUTHOR_KEYS)

    @property
    def url(self) -> str | None:
        return self._first(URL_KEYS)

    @property
    def published(self) -> FoundDate | None:
        value = self._first(DATE_KEYS)
        return header_date(value) if value else None


def header_date(value: str) -> FoundDate | None:
    """ "2024-08-01 07:00:00", "20240801", "01/08/2024": the day a header states."""
    compact = _COMPACT_DAY.match(value.strip())
    if compact:
        return parse_date("-".join(compact.groups()))
    return parse_date(value)


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return " ".join(value.split())


def _key(name: str) -> str:
    return name.lower().replace("-", "_")


def _first_filled(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return len(lines)


def _front_matter(lines: list[str], start: int) -> DumpHeader | None:
    fence = lines[start].strip()
    fields: dict[str, str] = {}
    for index in range(start + 1, min(len(lines), start + MAX_HEADER_LINES)):
        line = lines[index].strip()
        if line == fence:
            return DumpHeader(fields, index + 1) if fields else None
        match = _FRONT_FIELD.match(line)
        if match and not lines[index][:1].isspace():  # an indented line belongs to a list or a block value
            fields.setdefault(_key(match.group(1)), _unquoted(match.group(2)))
    return None


def _comment_lines(lines: list[str], start: int) -> DumpHeader | None:
    fields: dict[str, str] = {}
    index = start
    while index < len(lines):
        line = lines[index].strip()
        match = _COMMENT_FIELD.match(line)
        if match:
            fields.setdefault(_key(match.group(1)), _unquoted(match.group(2)))
        elif line:
            break
        index += 1
    return DumpHeader(fields, index) if fields else None


def read_dump_header(lines: list[str]) -> DumpHeader:
    """The header at the top of a dump's lines; an empty header (body from line 0) when there is none."""
    start = _first_filled(lines)
    if start == len(lines):
        return DumpHeader()
    if lines[start].strip() in _FENCES:
        return _front_matter(lines, start) or DumpHeader()
    return _comment_lines(lines, start) or DumpHeader()
