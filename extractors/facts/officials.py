"""Officials named in an article body, each with every title the article gives them.

Pure rules over a token list (no tagger): names are capitalised runs starting with a family name
(`person_names`), titles start at head words (`titles`). A name mention counts when a title stands right
before it ("Bí thư Huyện ủy Nguyễn Văn A"), titles follow it (", Chủ tịch UBND huyện" / " – TUV, ..."),
an election phrase gives it one ("bầu đồng chí A giữ chức ..."), or it is called "đồng chí". People named
only as "ông"/"bà" without a title, private citizens ("anh", "gia đình ông"), the byline author and
related-article lines are left out. Mentions of one person are merged by `name_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.facts.person_names import NameSpan, Token, find_names, name_key, tokenize, words
from extractors.facts.titles import (
    RANK_TAILS,
    TitleSpan,
    may_start_title,
    parse_title,
    skip_term,
    starts_title,
    title_key,
)
from extractors.types import Evidence, Official

# Election and appointment phrases whose following title goes to the people named just before them.
TRIGGERS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """giữ chức vụ|giữ chức danh|giữ chức|đảm nhiệm chức danh|đảm nhiệm chức vụ|đảm nhiệm|
            đảm nhận chức danh|đảm nhận chức vụ|đảm nhận|bổ nhiệm làm|bổ nhiệm|bầu làm|chức vụ|chức danh|
            kiêm nhiệm|cử làm|phân công làm|tái đắc cử|đắc cử|làm|là""".replace("\n", "").split("|")
        ),
        key=len,
        reverse=True,
    )
)
_TRIGGERS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _trigger in TRIGGERS:
    _TRIGGERS_BY_LAST.setdefault(_trigger[-1], []).append(_trigger)
# Short triggers that only count right after the name (or its titles): "ông A là Chủ tịch ...".
ADJACENT_TRIGGERS: frozenset[tuple[str, ...]] = frozenset([("làm",), ("là",)])
# Words that may separate members of one group of people ("các đồng chí A, B và đồng chí C").
GROUP_GAP: frozenset[str] = frozenset([",", "và", "đồng", "chí", "ông", "bà", "các", "cùng"])
PRIVATE_WORDS: frozenset[str] = words("anh chị cháu em cụ bác chú cô thầy bé")
PRIVATE_BEFORE_ADDRESS: frozenset[str] = words("đình hộ vợ chồng con nhà")
CLAUSE_END: frozenset[str] = frozenset(";.?!")
MAX_TRIGGER_GAP = 12
# Titles in a business are not public roles ("Giám đốc Công ty TNHH ...", "Chủ nhiệm HTX ...").
_BUSINESS_TITLE = re.compile(r"\b(?:công ty|doanh nghiệp|hợp tác xã|htx|tổ hợp tác|cửa hàng|tnhh)\b", re.IGNORECASE)
# Lines left in an uncleaned body that are not the article: bullets, related headlines ending
# "(dd/mm/yyyy)", and the portal footer ("Chịu trách nhiệm chính: Ông ...").
_LISTING_LINE = re.compile(
    r"^[ \t]*[•·▪►].*$|^.*\(\d{1,2}/\d{1,2}/\d{4}\)[ \t]*$"
    r"|^[ \t]*(?:Chịu trách nhiệm|Cơ quan chủ quản|Trưởng [Bb]an [Bb]iên tập|Giấy phép|Địa chỉ)\b.*$",
    re.MULTILINE,
)
# Named in almost every article ("Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh") but never as its official.
NEVER_OFFICIALS: frozenset[str] = frozenset(["hồ chí minh", "nguyễn ái quốc", "nguyễn tất thành"])
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;/&–—-]|\bvà\b)\s*")


@dataclass
class Mention:
    """One occurrence of a name with what its context says about the person."""

    name: NameSpan
    marker: str = ""  # "comrade", "address", "private", "rank" or ""
    titles: list[TitleSpan] = field(default_factory=list)
    end_token: int = 0

    @property
    def official(self) -> bool:
        return bool(self.titles) or self.marker in ("comrade", "rank")


@dataclass
class _Parsed:
    tokens: list[Token]
    text: str
    names_at: dict[int, NameSpan]
    titles_at: dict[int, TitleSpan]


def find_officials(text: str, author: str | None = None) -> list[Official]:
    """Every person named in a public role in `text`, with their titles and evidence offsets."""
    tokens = tokenize(text)
    names = find_names(tokens, text, starts_title)
    names_at = {name.first: name for name in names}
    parsed = _Parsed(tokens, text, names_at, _title_spans(tokens, text, names_at))
    before = _titles_before(parsed)
    mentions = [_mention(parsed, name, before.get(name.first, [])) for name in names]
    _inherit_markers(parsed, mentions)
    _apply_triggers(parsed, mentions)
    blocked = [range(m.start(), m.end()) for m in _LISTING_LINE.finditer(text)]
    kept = [m for m in mentions if not _place_mention(m) and not any(m.name.start in b for b in blocked)]
    return _merge(kept, text, _author_keys(author))


def _place_mention(mention: Mention) -> bool:
    """A listed place name ("phường Lê Hồng Phong") is a person only after "đồng chí"."""
    return mention.name.place_like and mention.marker != "comrade"


def _title_spans(tokens: list[Token], text: str, names_at: dict[int, NameSpan]) -> dict[int, TitleSpan]:
    spans: dict[int, TitleSpan] = {}
    i = 0
    while i < len(tokens):
        span = None
        if may_start_title(tokens[i]) and i not in names_at:
            span = parse_title(tokens, i, text, names_at)
        if span is None:
            i += 1
            continue
        spans[i] = span
        i = span.last + 1
    return spans


def _titles_before(parsed: _Parsed) -> dict[int, list[TitleSpan]]:
    """Titles standing before a name, by the name's first token: "Ủy viên BTV Tỉnh ủy, Trưởng Ban ... A"."""
    by_last = {span.last: span for span in parsed.titles_at.values()}
    before: dict[int, list[TitleSpan]] = {}
    for span in parsed.titles_at.values():
        if span.next_name is None:
            continue
        chain = [span]
        while len(chain) < 4:
            comma = chain[-1].first - 1
            earlier = by_last.get(comma - 1) if comma > 0 and parsed.tokens[comma].key in (",", "-") else None
            if earlier is None or (earlier.first > 0 and parsed.tokens[earlier.first - 1].key in (",", "-")):
                break  # a title after a comma belongs to the name before it
            chain.append(earlier)
        before[span.next_name.first] = chain[::-1]
    return before


def _mention(parsed: _Parsed, name: NameSpan, titles_before: list[TitleSpan]) -> Mention:
    mention = Mention(name, _marker(parsed.tokens, name.first), end_token=name.last)
    mention.titles.extend(span for span in titles_before if not _BUSINESS_TITLE.search(span.text))
    after = _titles_after(parsed, name.last + 1)
    mention.titles.extend(span for span in after if not _BUSINESS_TITLE.search(span.text))
    if after:
        mention.end_token = after[-1].last
    return mention


def _marker(tokens: list[Token], first: int) -> str:
    """What the words right before a name call the person."""
    keys = [t.key for t in tokens[max(0, first - 3) : first]]
    keys = [""] * (3 - len(keys)) + keys
    if keys[-1] == ":":
        keys = ["", *keys[:-1]]
    if keys[-2:] == ["đồng", "chí"] or keys == ["đ", "/", "c"]:
        return "comrade"
    if keys[-1] in ("ông", "bà"):
        return "private" if keys[-2] in PRIVATE_BEFORE_ADDRESS else "address"
    if keys[-1] in PRIVATE_WORDS:
        return "private"
    if keys[-1] in RANK_TAILS and keys[-2] in ("đại", "thượng", "trung", "thiếu"):
        return "rank"
    return ""


def _titles_after(parsed: _Parsed, j: int) -> list[TitleSpan]:
    """Titles that follow a name: ", T1, T2", " – T1, T2", " (T1)", " T1" (no comma), joined by commas,
    "kiêm" or "và"."""
    tokens = parsed.tokens
    j = _skip_aside(tokens, j)
    if j < len(tokens) and tokens[j].key in (",", "-", ":", "("):
        j += 1
    elif j not in parsed.titles_at:
        return []
    found: list[TitleSpan] = []
    while j < len(tokens):
        span = parsed.titles_at.get(j)
        if span is None or span.next_name is not None:  # a title before the next name is that person's
            break
        found.append(span)
        j = skip_term(tokens, span.last + 1)
        if j + 1 < len(tokens) and (tokens[j].key in (",", "-") or tokens[j].key in ("kiêm", "và")):
            j += 1
        else:
            break
    return found


def _skip_aside(tokens: list[Token], j: int) -> int:
    """Index after a short parenthesis that is not a title ("Nguyễn Văn A (bên phải), Bí thư ...")."""
    if j + 1 >= len(tokens) or tokens[j].key != "(" or starts_title(tokens, j + 1):
        return j
    for k in range(j + 1, min(j + 10, len(tokens))):
        if tokens[k].key == ")":
            return k + 1
    return j


def _inherit_markers(parsed: _Parsed, mentions: list[Mention]) -> None:
    """Unmarked names listed right after a marked one ("các đồng chí: A, T; B, T") share its marker."""
    for prev, mention in zip(mentions, mentions[1:], strict=False):
        if mention.marker or prev.marker not in ("comrade", "address", "rank"):
            continue
        gap = parsed.tokens[prev.end_token + 1 : mention.name.first]
        if gap and all(t.key in (",", ";", "và") for t in gap):
            mention.marker = prev.marker


def _apply_triggers(parsed: _Parsed, mentions: list[Mention]) -> None:
    by_first = {m.name.first: m for m in mentions}
    for span in parsed.titles_at.values():
        size = _trigger_before(parsed.tokens, span.first)
        if not size or span.next_name is not None:
            continue
        start = span.first - size
        adjacent_only = tuple(t.key for t in parsed.tokens[start : span.first]) in ADJACENT_TRIGGERS
        if adjacent_only and not _right_after_mention(mentions, start):
            continue
        target = _addressee_after(parsed, span.last + 1)
        if target is not None and target in by_first:
            by_first[target].titles.append(span)
            continue
        for mention in _group_before(parsed, mentions, start):
            if not _BUSINESS_TITLE.search(span.text):
                mention.titles.append(span)


def _right_after_mention(mentions: list[Mention], i: int) -> bool:
    return any(m.end_token == i - 1 for m in mentions)


def _trigger_before(tokens: list[Token], first: int) -> int:
    """Length of the election or appointment phrase ending right before token `first` (0 when none)."""
    if first == 0 or not tokens[first - 1].is_lower_word:
        return 0
    for trigger in _TRIGGERS_BY_LAST.get(tokens[first - 1].key, ()):
        size = len(trigger)
        if size <= first and tuple(t.key for t in tokens[first - size : first]) == trigger:
            return size
    return 0


def _addressee_after(parsed: _Parsed, j: int) -> int | None:
    """The name in "... chức vụ T đối với ông A": its first token index."""
    keys = [t.key for t in parsed.tokens[j : j + 4]]
    if keys[:2] != ["đối", "với"]:
        return None
    j += 2
    if keys[2:4] == ["đồng", "chí"]:
        j += 2
    elif len(keys) > 2 and keys[2] in ("ông", "bà"):
        j += 1
    return j if j in parsed.names_at else None


def _group_before(parsed: _Parsed, mentions: list[Mention], trigger: int) -> list[Mention]:
    """The people a trigger at token `trigger` refers to: the names closest before it in its clause."""
    tokens = parsed.tokens
    earlier = [m for m in mentions if m.end_token < trigger]
    if not earlier:
        return []
    closest = earlier[-1]
    gap = tokens[closest.end_token + 1 : trigger]
    if len(gap) > MAX_TRIGGER_GAP or any(t.text in CLAUSE_END or "\n" in t.text for t in gap):
        return []
    if "\n" in parsed.text[closest.name.end : tokens[trigger].start]:
        return []
    group = [closest]
    for prev in reversed(earlier[:-1]):
        between = tokens[prev.end_token + 1 : group[-1].name.first]
        if not all(t.key in GROUP_GAP for t in between):
            break
        group.append(prev)
    return group


def _author_keys(author: str | None) -> set[str]:
    if not author:
        return set()
    parts = [author, *_AUTHOR_SPLIT.split(author)]
    # "Tin, ảnh: Hoàng Lan" -> "Hoàng Lan"
    return {name_key(part.rsplit(":", 1)[-1]) for part in parts if part.strip()}


def _merge(mentions: list[Mention], text: str, excluded: set[str]) -> list[Official]:
    """One Official per person named in an official capacity, titles de-duplicated in first-seen order."""
    official_keys = {name_key(m.name.text) for m in mentions if m.official} - NEVER_OFFICIALS
    people: dict[str, Official] = {}
    seen_titles: dict[str, set[str]] = {}
    for mention in mentions:
        key = name_key(mention.name.text)
        if key not in official_keys or key in excluded:
            continue
        person = people.setdefault(key, Official(name=mention.name.text))
        known = seen_titles.setdefault(key, set())
        for span in sorted(mention.titles, key=lambda s: s.start):
            if title_key(span.text) not in known:
                known.add(title_key(span.text))
                person.titles.append(span.text)
        person.evidence.append(_evidence(mention, text))
    return list(people.values())


def _evidence(mention: Mention, text: str) -> Evidence:
    """Offsets of the name; the snippet runs from the first to the last of this mention's titles."""
    start = min([mention.name.start, *(s.start for s in mention.titles)])
    end = max([mention.name.end, *(s.end for s in mention.titles)])
    return Evidence(mention.name.start, mention.name.end, " ".join(text[start:end].split()))


__all__ = ["find_officials"]
