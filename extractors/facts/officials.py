"""Officials named in an article body, each with every title the article gives them.

Pure rules over a token list (no tagger): names are capitalised runs starting with a family name
(`person_names`), titles start at head words (`titles`). A name mention counts when a title stands right
before it ("Bí thư Huyện ủy Nguyễn Văn A"), titles follow it (", Chủ tịch UBND huyện" / " – TUV, ..."),
an election phrase gives it one ("bầu đồng chí A giữ chức ...", even a clause later: "A, T1, tham gia ... và
giữ chức T2"), a title before a colon lists it ("các đồng chí Phó Bí thư: A, B"), or it is called "đồng chí"
(also as a member of "các đồng chí: A, B, C"), or "đại biểu" (a congress delegate or council deputy, with
no title: "Các đại biểu A, B và C trình bày tham luận"). A run with no listed family name ("bà Thị Nhung",
"ông Điểu Brêl", "Hòa thượng Thích Minh A") is a name only between a strong cue (ông/bà, đồng chí, a rank, a
religious rank, a list opened by one) and a title or election phrase; once so established, its other
mentions count too. Ranks ("Thượng úy") are kept as titles of their own; religious ranks are not titles. A
post someone is only nominated for ("giới thiệu ... để bầu giữ chức", "dự kiến giữ chức") is not a title.
People named only as "ông"/"bà" without a title, private citizens ("anh", "gia đình ông"), the byline
author and related-article lines are left out. Mentions of one person are merged by `name_key`. "đ/c" and
"đc" (any case) count as "đồng chí"; names written in capitals ("1. PHAN VĂN B, Phó Chủ tịch UBND xã") count,
and keep the prose's spelling where the person is also named in normal case.

As real press and portal text writes them, also: short asides between a name and its titles ("A, sinh ngày …,
nguyên Giám đốc …"); "là"/"làm"/"từ" across linking words ("A từng là T1, nay là T2", "A từ T1 được bổ nhiệm làm
T2"); lists of titles after "chức vụ:" or joined by ";"/"rồi"; a post "đối với ông A (…) và ông B"; group titles
("3 Phó Chủ tịch gồm các ông: A, B và C", "Các phó trưởng ban A, B"); titles before the person they speak of
("Trong thời gian giữ chức T1, T2, bà B đã ký …"); a later mention by the given name alone ("ông Cường là …").
Business posts are listed for an official but make no one an official.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from extractors.facts.person_names import (
    ADDRESS_TERMS,
    NameScan,
    NameSpan,
    Token,
    joined,
    name_key,
    scan_names,
    span_of,
    tokenize,
    unglued,
    words,
)
from extractors.facts.title_status import status_after, status_before, stronger
from extractors.facts.titles import (
    HEAD_WORDS,
    RANK_HEADS,
    RANK_TAILS,
    TITLE_LOWER_OK,
    TitleSpan,
    comrade_length,
    head_length,
    is_rank_head,
    may_start_title,
    parse_title,
    skip_term,
    starts_title,
    subsumed_titles,
    title_key,
)
from extractors.types import Evidence, Official, TitleStatus

# Election and appointment phrases whose following title goes to the people named just before them.
TRIGGERS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """giữ chức vụ|giữ chức danh|giữ chức|đảm nhiệm chức danh|đảm nhiệm chức vụ|đảm nhiệm|
            đảm nhận chức danh|đảm nhận chức vụ|đảm nhận|bổ nhiệm làm|bổ nhiệm|bầu làm|chức vụ|chức danh|
            kiêm nhiệm|cử làm|phân công làm|tái đắc cử|đắc cử|tái cử|tái bổ nhiệm|được bầu là|được bầu làm|
            trúng cử|nhận nhiệm vụ|nhận nhiệm vụ là|thôi nhiệm vụ|thôi làm nhiệm vụ|lên làm|về làm|sang làm|
            cương vị|nhiệm vụ là|
            được bầu giữ chức|miễn nhiệm|bãi nhiệm|cách chức|
            được bổ nhiệm là|được bổ nhiệm làm|được phân công là|làm|là|từ""".replace("\n", "").split("|")
        ),
        key=len,
        reverse=True,
    )
)
_TRIGGERS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _trigger in TRIGGERS:
    _TRIGGERS_BY_LAST.setdefault(_trigger[-1], []).append(_trigger)
# Short triggers that only count right after the name (or its titles): "ông A là Chủ tịch ...".
ADJACENT_TRIGGERS: frozenset[tuple[str, ...]] = frozenset([("làm",), ("là",), ("từ",)])
# Words that may separate members of one group of people ("các đồng chí A, B và đồng chí C").
GROUP_GAP: frozenset[str] = frozenset([",", "và", "đồng", "chí", "đ", "/", "c", "đc", "các", "cùng", *ADDRESS_TERMS])
PRIVATE_WORDS: frozenset[str] = words("anh chị cháu em cụ bác chú cô thầy bé")
PRIVATE_BEFORE_ADDRESS: frozenset[str] = words("đình hộ vợ chồng con nhà")
# Kinship before "ông"/"bà": "(vợ ông Toàn)", "(em ruột ông Toàn)" speak of the person, not as them.
KINSHIP_WORDS: frozenset[str] = words("vợ chồng con ruột cháu dâu rể bố mẹ cha")
ADDRESS_OR_COMRADE_TAIL: frozenset[str] = ADDRESS_TERMS | {"chí"}  # what stands right before an addressed name
CLAUSE_END: frozenset[str] = frozenset(";.?!")
# Markers strong enough to make any capitalised run before a title a name.
STRONG_MARKERS: frozenset[str] = frozenset(["comrade", "address", "rank", "religious"])
# Markers that make a person an official even without a title: a comrade, a rank, a congress delegate or
# council deputy ("đại biểu A", the README's delegate with no title).
OFFICIAL_MARKERS: frozenset[str] = frozenset(["comrade", "rank", "delegate"])
# Markers shared by the unmarked names listed right after ("các đại biểu A, B và C").
LIST_MARKERS: frozenset[str] = frozenset(["comrade", "address", "rank", "delegate"])
# Words before "đại biểu" that make it a delegation, not a person ("Đoàn đại biểu Hà Giang").
DELEGATION_WORDS: frozenset[str] = words("đoàn tổ")
# Religious ranks before a name ("Hòa thượng Thích Minh A"): a cue for a person, never a title.
RELIGIOUS_RANKS: tuple[tuple[str, str], ...] = (
    ("hòa", "thượng"),
    ("thượng", "tọa"),
    ("đại", "đức"),
    ("linh", "mục"),
    ("mục", "sư"),
    ("ni", "sư"),
    ("ni", "trưởng"),
    ("giám", "mục"),
)
# Words right before an election phrase that make it a nomination, not (yet) the post: "để bầu giữ chức",
# "dự kiến giữ chức", "ứng cử chức danh", "đề nghị bổ nhiệm" ("bầu"/"được" in between are skipped).
NOMINATIONS: tuple[tuple[str, ...], ...] = (
    ("để",),
    ("sẽ",),
    ("dự", "kiến"),
    ("ứng", "cử"),
    ("đề", "cử"),
    ("đề", "nghị"),
    ("đề", "xuất"),
    ("giới", "thiệu"),
    ("xem", "xét"),
)
NOMINATION_SKIP: frozenset[str] = words("bầu được")
MAX_TRIGGER_GAP = 20
MAX_TITLES_BEFORE = 6
# A decision right before an election or appointment phrase is handed by the person before it, to someone else.
DECISION_WORDS: frozenset[tuple[str, str]] = frozenset([("quyết", "định"), ("nghị", "quyết"), ("tờ", "trình")])
MAX_PRONOUN_REACH = 300  # tokens back to the person a bare "ông"/"bà" stands for
# Words between a group title and the people it names: "5 Phó Chủ tịch UBND gồm các ông: A, B và C".
GROUP_INTRO_WORDS: frozenset[str] = words("gồm có là các ông bà đồng chí")
MAX_GROUP_INTRO = 4
# Words that may stand between a person and "là"/"làm": "A từng là T", "A nguyên là T1, nay là T2", "A lại được
# điều về làm T".
LINK_WORDS: frozenset[str] = words("từng nguyên nay hiện đang vẫn cũng đã khi còn lúc đó lại được điều về rồi thì và")
MAX_LINK_WORDS = 5
# Asides between a name and its titles ("sinh ngày …", "đảng viên Chi bộ …", "Bác sĩ"): how many, how long.
MAX_ASIDES = 2
# Words that open a clause rather than an aside about the person.
CLAUSE_OPENERS: frozenset[str] = words("ngày tháng năm sáng chiều tối hôm trong khi sau trước từ tại theo nhưng và thì")
MAX_ASIDE_TOKENS = 20
MAX_ITEM_TOKENS = 40
# Lower-case words that may stand between "đồng chí" and the colon opening a list of them.
GROUP_HEAD_WORDS: frozenset[str] = words("vào gồm là lãnh đạo có trong đó dự tham cùng")
# Titles in a business are not public roles ("Giám đốc Công ty TNHH ...", "Chủ nhiệm HTX ..."): they make no one
# an official, but an official's business posts are among their titles. Party and state bodies for businesses
# ("Đảng ủy Khối Doanh nghiệp", "Liên minh Hợp tác xã") are public.
_BUSINESS_TITLE = re.compile(r"\b(?:công ty|doanh nghiệp|hợp tác xã|htx|tổ hợp tác|cửa hàng|tnhh)\b", re.IGNORECASE)
_PUBLIC_BODY = re.compile(r"\b(?:đảng ủy|đảng bộ|liên minh)\b", re.IGNORECASE)
# Lines left in an uncleaned body that are not the article: bulleted headlines (a body's own bullets end
# their item with ";", "." or ":"; related headlines never do), related headlines ending "(dd/mm/yyyy)",
# and the portal footer ("Chịu trách nhiệm chính: Ông ...").
_LISTING_LINE = re.compile(
    r"^[ \t]*[•·▪►].*[^;.:,\s][ \t]*$|^.*\(\d{1,2}/\d{1,2}/\d{4}\)[ \t]*$"
    r"|^[ \t]*(?:Chịu trách nhiệm|Cơ quan chủ quản|Trưởng [Bb]an [Bb]iên tập|Giấy phép|Địa chỉ)\b.*$",
    re.MULTILINE,
)
# Villages and hamlets, which may be named after a person ("thôn Hồ Văn B").
VILLAGE_WORDS: frozenset[str] = words("thôn bản ấp làng xóm buôn sóc khu cư tổ")
# A school's level: the name right after it is the school's ("Trường Tiểu học Nguyễn Văn A"), never a person.
SCHOOL_WORDS: frozenset[str] = words("thcs thpt th ptcs ptdtbt ptdtnt học non")
# Named in almost every article ("Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí Minh") but never as its official.
NEVER_OFFICIALS: frozenset[str] = frozenset(["hồ chí minh", "nguyễn ái quốc", "nguyễn tất thành"])
FIGURE_LAST_WORDS: frozenset[str] = frozenset(name.split()[-1] for name in NEVER_OFFICIALS)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;/&–—-]|\bvà\b)\s*")


@dataclass
class Mention:
    """One occurrence of a name with what its context says about the person."""

    name: NameSpan
    marker: str = ""  # "comrade", "delegate", "address", "religious", "private", "rank" or ""
    titles: list[TitleSpan] = field(default_factory=list)
    end_token: int = 0

    @property
    def official(self) -> bool:
        if self.marker == "delegate" and self.name.last - self.name.first < 2:
            # "đại biểu Lương Sơn" is more often a district's delegation than a person
            return any(_public(span) for span in self.titles)
        return any(_public(span) for span in self.titles) or self.marker in OFFICIAL_MARKERS


def _public(span: TitleSpan) -> bool:
    return not _BUSINESS_TITLE.search(span.text) or bool(_PUBLIC_BODY.search(span.text))


@dataclass
class _Parsed:
    tokens: list[Token]
    text: str
    names_at: dict[int, NameSpan]
    titles_at: dict[int, TitleSpan]
    # A title listed after the first one an election or appointment phrase gives ("được bổ nhiệm các chức vụ:
    # T1, T2 rồi T3") -> that first title, whose words say the status of all of them.
    listed_with: dict[int, TitleSpan] = field(default_factory=dict)


def find_officials(text: str, author: str | None = None) -> list[Official]:
    """Every person named in a public role in `text`, with their titles and evidence offsets."""
    tokens = tokenize(text)
    scan = scan_names(tokens, text, starts_title)
    # Dropped before titles are parsed: "Bí thư Đoàn TNCS Hồ Chí Minh huyện" runs through the name.
    listed = [name for name in scan.names if name_key(name.text) not in NEVER_OFFICIALS]
    names = sorted([*listed, *_cued_names(tokens, text, scan)], key=lambda n: n.first)
    names = sorted([*names, *_given_name_mentions(tokens, names)], key=lambda n: n.first)
    names_at = {name.first: name for name in names}
    parsed = _Parsed(tokens, text, names_at, _title_spans(tokens, text, names_at))
    _link_heading_titles(parsed)
    names = _outside_titles(parsed, names)
    if _name_titles_before_address(parsed, scan):
        names = sorted(names_at.values(), key=lambda n: n.first)
    _unlink_elected_titles(parsed)
    _unlink_given_names(parsed)
    before = _titles_before(parsed)
    mentions = [_mention(parsed, name, before.get(name.first, [])) for name in names]
    _inherit_markers(parsed, mentions)
    _apply_triggers(parsed, mentions)
    _apply_colon_titles(parsed, mentions)
    listing = _ListingLines(text)
    kept = [m for m in mentions if not _place_mention(m) and not listing.holds(m.name.start)]
    return _merge(kept, parsed, _author_keys(author))


def _given_name_mentions(tokens: list[Token], names: list[NameSpan]) -> list[NameSpan]:
    """Later mentions of a person by the given name alone after "ông"/"bà"/"đồng chí" ("Hiện ông Cường là …"
    after "ông Nguyễn Mạnh Cường"), when no other person named before has that given name. Each is a NameSpan
    over the given name that carries the full name as its text."""
    by_given: dict[str, NameSpan | None] = {}  # given name -> the one person with it so far (None: several)
    found: list[NameSpan] = []
    taken = {k for name in names for k in range(name.first, name.last + 1)}
    pending = iter(names)
    upcoming = next(pending, None)
    addressed = [k + 1 for k, t in enumerate(tokens) if t.key in ADDRESS_OR_COMRADE_TAIL]
    for k in addressed:
        if k >= len(tokens):
            break
        token = tokens[k]
        while upcoming is not None and upcoming.last < k:
            if upcoming.last > upcoming.first:
                given = tokens[upcoming.last].key
                earlier = by_given.get(given, upcoming)
                same = earlier is not None and name_key(earlier.text) == name_key(upcoming.text)
                by_given[given] = upcoming if same else None
            upcoming = next(pending, None)
        if not token.is_cap or token.is_abbr or k in taken or by_given.get(token.key) is None:
            continue
        if tokens[k - 1].key not in ADDRESS_TERMS and not (k >= 2 and comrade_length(tokens, k - 2) == 2):
            continue
        if k >= 2 and tokens[k - 2].key in KINSHIP_WORDS:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.is_cap and nxt.is_word and joined(tokens, k, k + 1):
            continue
        full = by_given[token.key]
        found.append(NameSpan(k, k, token.start, token.end, full.text, full.place_like, given_only=True))
    return found


class _ListingLines:
    """The lines of `_LISTING_LINE` (related headlines, bulleted teasers, the footer), found once."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _LISTING_LINE.finditer(text)]
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def holds(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


def _outside_titles(parsed: _Parsed, names: list[NameSpan]) -> list[NameSpan]:
    """The names that are not part of a title ("Trường THCS Nguyễn Du"); those are dropped from `names_at`."""
    inside = {k for span in parsed.titles_at.values() for k in range(span.first, span.last + 1)}
    for first in inside & parsed.names_at.keys():
        del parsed.names_at[first]
    return [name for name in names if name.first not in inside]


def _cued_names(tokens: list[Token], text: str, scan: NameScan) -> list[NameSpan]:
    """Names without a listed family name ("bà Thị Nhung", "ông Điểu Brêl"), trusted only between a strong
    cue ("đồng chí", "ông"/"bà", a rank, or a place in a list opened by one) and a title or "giữ chức"."""
    if not scan.unlisted:
        return []
    known = {name.first: name.last for name in scan.names}
    items = sorted([*((n.first, n.last, False) for n in scan.names), *((r[0], r[-1], True) for r in scan.unlisted)])
    # first and last token of each cued or listed name -> whether its list is plural
    chains: dict[int, bool] = {}
    found: list[NameSpan] = []
    for first, last, unlisted in items:
        plural = _chain_before(tokens, first, chains)
        if plural is None:
            continue
        if not unlisted:
            chains[first] = chains[known[first]] = plural
        elif _name_ends(tokens, last + 1, plural):
            span = span_of(tokens, text, range(first, last + 1))
            if not span.place_like:
                found.append(span)
                chains[first] = chains[last] = plural
    return [*found, *_repeated_names(tokens, text, scan.unlisted, found)]


def _repeated_names(tokens: list[Token], text: str, runs: list[range], found: list[NameSpan]) -> list[NameSpan]:
    """Other mentions of names a cue has established, even without the cue: a caption's "Phó Trưởng Đoàn
    ĐBQH tỉnh Quảng Trọng A phát biểu" after "ông Quảng Trọng A, Phó Trưởng Đoàn ..." (the run may open with
    the title's place)."""
    if not found:
        return []
    known = {tuple(t.key for t in tokens[n.first : n.last + 1]) for n in found}
    firsts = {n.first for n in found}
    repeated: list[NameSpan] = []
    for run in runs:
        keys = tuple(tokens[i].key for i in run)
        for size in range(2, len(keys) + 1):
            first = run[-1] - size + 1
            if keys[-size:] in known and first not in firsts:
                repeated.append(span_of(tokens, text, range(first, run[-1] + 1)))
                break
    return repeated


def _name_titles_before_address(parsed: _Parsed, scan: NameScan) -> bool:
    """Unlisted names after a title and a form of address ("Bí thư Huyện ủy, đồng chí Điểu B"): adds them to
    `names_at`, links the title to them, and says whether any was found."""
    runs = {run[0]: run for run in scan.unlisted}
    tokens, added = parsed.tokens, False
    for first, span in list(parsed.titles_at.items()):
        j = skip_term(tokens, span.last + 1)
        if span.next_name is not None or j + 2 >= len(tokens) or tokens[j].key not in (",", "-"):
            continue
        k = _skip_address(tokens, j + 1)
        if k == j + 1 or k not in runs or k in parsed.names_at:
            continue
        name = span_of(tokens, parsed.text, runs[k])
        if not name.place_like:
            parsed.names_at[k] = name
            parsed.titles_at[first] = replace(span, next_name=name)
            added = True
    return added


def _alone_on_line(parsed: _Parsed, first: int, last: int, cells: bool = False) -> bool:
    """Whether tokens `first`..`last` fill their line (a line break or the text's edge on either side) or,
    with `cells`, their cell of a table row flattened to "A | B"."""
    tokens, text = parsed.tokens, parsed.text

    def edge(k: int, gap: str) -> bool:
        return k < 0 or k >= len(tokens) or "\n" in gap or (cells and tokens[k].key == "|")

    before = text[tokens[first - 1].end : tokens[first].start] if first > 0 else "\n"
    after = text[tokens[last].end : tokens[last + 1].start] if last + 1 < len(tokens) else "\n"
    return edge(first - 1, before) and edge(last + 1, after)


def _link_heading_titles(parsed: _Parsed) -> None:
    """A line holding only a title, then a line holding only a name, as organisation pages list their leaders
    ("CHÁNH VĂN PHÒNG" / "Nguyễn Văn A"), or a table row "Phó Chánh Văn phòng | Ông Nguyễn Văn B": the title
    is that person's, as if written before the name."""
    tokens = parsed.tokens
    for first, span in list(parsed.titles_at.items()):
        end = _term_end(tokens, span.last + 1) - 1
        if span.next_name is not None or end + 1 >= len(tokens):
            continue
        cell = tokens[end + 1].key == "|"
        opens = end + 2 if cell else end + 1  # the name's line or cell, perhaps with "Ông"/"Bà"
        name = parsed.names_at.get(_skip_address(tokens, opens))
        if name is None:
            continue
        if _alone_on_line(parsed, first, end, cells=cell) and _alone_on_line(parsed, opens, name.last, cells=cell):
            parsed.titles_at[first] = replace(span, next_name=name)


def _unlink_elected_titles(parsed: _Parsed) -> None:
    """A title given by an election phrase right after a name (or its title) belongs to that name, not to
    the next person addressed after its comma: "bổ nhiệm ông A(, T0) giữ chức T1, ông B giữ chức T2"."""
    tokens = parsed.tokens
    ends = {name.last for name in parsed.names_at.values()}
    ends |= {
        span.last
        for span in parsed.titles_at.values()
        if span.next_name is None
        and span.first > 1
        and tokens[span.first - 1].key in (",", "-")
        and span.first - 2 in ends
    }
    for first, span in list(parsed.titles_at.items()):
        if span.next_name is None or span.next_name.first == span.last + 1:
            continue
        size = _trigger_before(tokens, first)
        if size and first - size - 1 in ends and not _nominated(tokens, first - size):
            parsed.titles_at[first] = replace(span, next_name=None)


def _unlink_given_names(parsed: _Parsed) -> None:
    """A list of titles after one person's name is that person's even when "…, ông B" follows it: "A - Phó
    giám đốc sở kiêm Trưởng ban X, ông B giải thích", "có ông A - PBT huyện ủy, ông B - CT UBND huyện". Only
    titles standing alone ("với trách nhiệm là T1, T2, ông B ký …") go to a name addressed after them."""
    tokens = parsed.tokens
    by_last = {span.last: span for span in parsed.titles_at.values()}
    name_ends = {name.last for name in parsed.names_at.values() if not name.given_only}
    for first, span in list(parsed.titles_at.items()):
        if span.next_name is None or not (span.next_name.given_only or _addressed_after(tokens, span)):
            continue
        k = span.first - 1
        while k > 0 and tokens[k].key in (",", "-", "kiêm", "và", ";") and k - 1 in by_last:
            k = by_last[k - 1].first - 1
        if k in name_ends or (k > 0 and tokens[k].key in (",", "-", "(") and k - 1 in name_ends):
            parsed.titles_at[first] = replace(span, next_name=None)


def _addressed_after(tokens: list[Token], span: TitleSpan) -> bool:
    """Whether the name after a title is set off by a comma and a form of address (", ông B", ", đồng chí B")."""
    name = span.next_name
    j = _term_end(tokens, span.last + 1)
    if name is None or j >= name.first or tokens[j].key not in (",", ";"):
        return False
    return _skip_address(tokens, j + 1) == name.first > j + 1


def _chain_before(tokens: list[Token], first: int, chains: dict[int, bool]) -> bool | None:
    """None when no strong cue stands before token `first`; else whether it opens a list ("các đồng chí")."""
    if first >= 2 and tokens[first - 1].key in (",", "và") and first - 2 in chains:
        return chains[first - 2]
    if first >= 2 and tokens[first - 1].key == ";" and _segment_start(tokens, first - 1) in chains:
        return False  # "các đồng chí: A, T; B, T": a member of a titled list still needs its title
    marker = _marker(tokens, first)
    if marker == "delegate":
        return False  # "đại biểu A, T": a title must follow ("các đại biểu Hải Phòng, ..." are delegations)
    if marker not in STRONG_MARKERS:
        return None
    keys = [t.key for t in tokens[max(0, first - 4) : first]]
    return "các" in keys or keys[-1:] == [":"]


def _comrades_before(tokens: list[Token], colon: int) -> bool:
    """Whether the words before `colon` name a group of comrades ("các đồng chí Phó Bí thư ...:", "bầu 5 đồng
    chí vào Ban Thường vụ:"), not a request to places ("đồng chí A đề nghị các xã: ...")."""
    for k in range(colon - 1, max(0, colon - MAX_ITEM_TOKENS // 2), -1):
        token = tokens[k]
        if token.key == "chí" and tokens[k - 1].key == "đồng":
            return True
        if token.is_lower_word and not (
            token.key in TITLE_LOWER_OK or token.key in GROUP_HEAD_WORDS or token.key in HEAD_WORDS
        ):
            return False
        if not token.is_word and not token.key.isdigit():
            return False
    return False


def _segment_start(tokens: list[Token], semicolon: int) -> int | None:
    """First token of the list item that ends at `semicolon` (the item opens after ";" or ":")."""
    for k in range(semicolon - 1, max(-1, semicolon - MAX_ITEM_TOKENS), -1):
        key = tokens[k].key
        if key in (";", ":"):
            return _skip_address(tokens, k + 1)
        if key in CLAUSE_END or "\n" in tokens[k].text:
            return None
    return None


def _name_ends(tokens: list[Token], j: int, plural: bool) -> bool:
    """A cued name is closed by its title (", T" / " – T" / " (T"), by "giữ chức", or inside a plural list by
    the list's punctuation."""
    if j >= len(tokens):
        return plural
    key = tokens[j].key
    if key in (",", "-", "(") and j + 1 < len(tokens) and starts_title(tokens, j + 1):
        return True
    if _trigger_after(tokens, j):
        return True
    return plural and key in (",", ";", ".", "và")


def _trigger_after(tokens: list[Token], j: int) -> bool:
    """Whether an election or appointment phrase and a title follow: "A được bầu giữ chức Chủ tịch ..."."""
    for k in range(j + 1, min(j + 5, len(tokens))):
        if not tokens[k - 1].is_lower_word:
            return False
        size = _trigger_before(tokens, k)
        if size and starts_title(tokens, k):
            return k - size == j or tuple(t.key for t in tokens[k - size : k]) not in ADJACENT_TRIGGERS
    return False


def _place_mention(mention: Mention) -> bool:
    """A listed place name ("phường Lê Hồng Phong") is a person only after "đồng chí"."""
    return mention.name.place_like and mention.marker != "comrade"


def _title_spans(tokens: list[Token], text: str, names_at: dict[int, NameSpan]) -> dict[int, TitleSpan]:
    spans: dict[int, TitleSpan] = {}
    name_ends = {name.last for name in names_at.values()}
    title_ends: set[int] = set()  # where each title ends, with its term ("khóa IX (2016 - 2021)")
    i = 0
    while i < len(tokens):
        span = None
        token = tokens[i]
        if may_start_title(token) and i not in names_at:
            if token.is_cap and token.key != "nguyên":  # the context matters to lower-case heads only
                context = "name" if i >= 2 and tokens[i - 1].key in (",", "-") and i - 2 in name_ends else ""
            else:
                context = _lower_case_context(tokens, i, name_ends, title_ends)
                context = context or _rank_before_name(tokens, i, names_at)
            if context or token.is_cap or token.key in ("nguyên", "đại"):
                span = _title_at(tokens, i, text, names_at, context)
        if span is None:
            i += 1
            continue
        spans[i] = span
        i = span.last + 1
        title_ends.add(_term_end(tokens, i) - 1)
    return spans


def _lower_case_context(tokens: list[Token], i: int, name_ends: set[int], title_ends: set[int]) -> str:
    """Where a title written in lower case may start at token `i`: right after a name ("ông A, phó chủ tịch UBND
    xã" -> "name"), after another title ("A, Bí thư Huyện ủy, phó chủ tịch …"), after "nguyên" following a
    name ("đồng chí A nguyên chánh án …"), after an election or appointment phrase ("bãi nhiệm đại biểu HĐND
    thành phố đối với bà B") -> "yes"; after a plural "các" when a name follows ("Các phó trưởng ban A, B")
    -> "plural"; else ""."""
    listed = i >= 2 and tokens[i - 1].key in (",", "-")
    if listed and i - 2 in name_ends:
        return "name"
    if i - 1 in name_ends and head_length(tokens, i, lower_ok=True) >= 2:
        return "name"  # "anh Nguyễn Văn B bí thư đoàn xã …": a head of two words or more, without its comma
    former = tokens[i].key == "nguyên" and i - 1 in name_ends
    if former or (listed and i - 2 in title_ends) or _trigger_before(tokens, i) > 0:
        return "yes"
    if i > 0 and tokens[i - 1].key == "các":
        return "plural"
    # "Các phó trưởng ban A, B và chi ủy viên C": a lower-case title after "và" that follows a name, when a
    # name follows it too
    return "plural" if i >= 2 and tokens[i - 1].key == "và" and i - 2 in name_ends else ""


def _rank_before_name(tokens: list[Token], i: int, names_at: dict[int, NameSpan]) -> str:
    """A rank written in lower case mid-sentence right before a name ("… cho biết, đại tá Hoàng Văn B") is
    that person's title: a rank never reads as anything else there."""
    pair = (tokens[i].key, tokens[i + 1].key if i + 1 < len(tokens) else "")
    return "yes" if pair in RANK_HEADS and i + 2 in names_at else ""


def _title_at(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan], context: str) -> TitleSpan | None:
    span = parse_title(tokens, i, text, names_at, bool(context))
    if span is not None and context == "plural" and span.next_name is None and not tokens[i].is_cap:
        return None
    if span is not None and _names_a_figure(tokens, span, context):
        return None
    if span is not None and _place_named_after_person(tokens, span, context == "name"):
        unnamed = {k: v for k, v in names_at.items() if k != span.next_name.first}
        span = parse_title(tokens, i, text, unnamed, bool(context))
    if span is None and tokens[i].key == "đại":
        span = _deputy_title(tokens, i, text, names_at)
    return span


def _names_a_figure(tokens: list[Token], span: TitleSpan, context: str) -> bool:
    """ "Chủ tịch Hồ Chí Minh": a head and a name never an official's (dropped from the names) is no title."""
    if tokens[span.last].key not in FIGURE_LAST_WORDS:
        return False
    head = head_length(tokens, span.first, bool(context))
    return " ".join(t.key for t in tokens[span.first + head : span.last + 1]) in NEVER_OFFICIALS


def _term_start(tokens: list[Token], last: int) -> int:
    """First token of a term ending at token `last` ("nhiệm kỳ 2015 - 2020", "khóa XIV"), else `last` + 1."""
    for size in (5, 3, 2):
        first = last - size + 1
        if first >= 0 and skip_term(tokens, first) == last + 1:
            return first
    return last + 1


def _term_end(tokens: list[Token], j: int) -> int:
    """Index after the term of a title at `j` ("khóa IX", "nhiệm kỳ 2020 - 2025", "(2016 - 2021)"), else `j`."""
    j = skip_term(tokens, j)
    if j < len(tokens) and tokens[j].key == "(":  # "(2016 - 2021)", "(nhiệm kỳ 2016 - 2021)"
        k = skip_term(tokens, j + 1)
        while k < min(j + 6, len(tokens)) and (tokens[k].key.isdigit() or tokens[k].key == "-"):
            k += 1
        if k > j + 1 and k < len(tokens) and tokens[k].key == ")":
            return k + 1
    return j


def _place_named_after_person(tokens: list[Token], span: TitleSpan, lower_ok: bool) -> bool:
    """Whether a title ends at a place or school named after a person: a listed one ("Hiệu trưởng Trường
    THCS Nguyễn Du"), any after a school's level ("Trường THPT Lê Văn A"), or any after a village word in a
    title that follows a name ("bà A, Trưởng thôn Hồ Văn B": one person's title never runs into another's
    name, so "Hồ Văn B" is the village). After a higher level the name is the next person's: "A, Chủ tịch
    UBND thành phố, Phó chủ tịch UBND thành phố Đỗ Hữu Tâm" (a city is named after a person only as a
    listed place)."""
    name = span.next_name
    if name is None or name.first != span.last + 1:
        return False
    last = tokens[span.last].key
    return name.place_like or last in SCHOOL_WORDS or (lower_ok and last in VILLAGE_WORDS)


def _deputy_title(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan]) -> TitleSpan | None:
    """A lower-case "đại biểu Quốc hội"/"đại biểu HĐND tỉnh" right before a name is that deputy's title."""
    span = parse_title(tokens, i, text, names_at, lower_ok=True)
    return span if span is not None and span.next_name is not None and span.last > i + 1 else None


def _titles_before(parsed: _Parsed) -> dict[int, list[TitleSpan]]:
    """Titles standing before a name, by the name's first token: "Ủy viên BTV Tỉnh ủy, Trưởng Ban ... A"."""
    by_last = {span.last: span for span in parsed.titles_at.values()}
    name_ends = {name.last for name in parsed.names_at.values()}
    before: dict[int, list[TitleSpan]] = {}
    for span in parsed.titles_at.values():
        if span.next_name is None:
            continue
        chain, listed = [span], 0  # listed: how many titles the chain held before its first comma
        while len(chain) < MAX_TITLES_BEFORE:
            touching = by_last.get(chain[-1].first - 1)
            if touching is not None and is_rank_head(parsed.tokens, chain[-1].first):
                chain.append(touching)  # "Trưởng Công an xã Thượng tá A": the post, then the rank
                continue
            comma = chain[-1].first - 1
            earlier = by_last.get(comma - 1) if comma > 0 and parsed.tokens[comma].key in (",", "-") else None
            if earlier is None or _on_behalf_of(parsed.tokens, earlier.first):
                break
            listed = listed or len(chain)
            chain.append(earlier)
        if listed and _follows_person(parsed.tokens, chain[-1], name_ends):
            chain = chain[:listed]  # "A, T1, T2 B": T1 is A's, T2 is B's
        before[span.next_name.first] = chain[::-1]
    return before


# Words before a post that speak of its holder, not of the person named after the list ("Thừa ủy quyền của Chủ
# tịch UBND tỉnh, Bí thư Huyện ủy A trao …", "Thay mặt Chủ tịch nước, Phó Chủ tịch B …").
_ON_BEHALF_OF: frozenset[tuple[str, ...]] = frozenset([("của",), ("thay", "mặt"), ("ủy", "quyền"), ("thừa", "lệnh")])


def _on_behalf_of(tokens: list[Token], first: int) -> bool:
    return any(tuple(t.key for t in tokens[max(0, first - len(cue)) : first]) == cue for cue in _ON_BEHALF_OF)


def _follows_person(tokens: list[Token], span: TitleSpan, name_ends: set[int]) -> bool:
    """Whether a comma or dash before `span` follows a name (or the parenthesis after one); after anything
    else ("Sáng 6/2, T1, T2 B") the titles of a list before a name are all that person's."""
    comma = span.first - 1
    if comma < 1 or tokens[comma].key not in (",", "-"):
        return False
    return comma - 1 in name_ends or tokens[comma - 1].key == ")"


def _mention(parsed: _Parsed, name: NameSpan, titles_before: list[TitleSpan]) -> Mention:
    mention = Mention(name, _marker(parsed.tokens, name.first), end_token=name.last)
    mention.titles.extend(titles_before)
    after = _titles_after(parsed, name.last + 1)
    mention.titles.extend(after)
    if after:
        mention.end_token = after[-1].last
    return mention


def _marker(tokens: list[Token], first: int) -> str:
    """What the words right before a name call the person."""
    keys = [t.key for t in tokens[max(0, first - 3) : first]]
    keys = [""] * (3 - len(keys)) + keys
    if keys[-1] == ":":
        if _comrades_before(tokens, first - 1):  # "bầu 3 đồng chí vào Ban Thường vụ: A, B"
            return "comrade"
        keys = ["", *keys[:-1]]
    if keys[-2:] == ["đồng", "chí"] or keys == ["đ", "/", "c"] or keys[-1] == "đc":
        return "comrade"
    if keys[-2:] == ["đại", "biểu"] and keys[0] not in DELEGATION_WORDS:
        return "private" if keys[0] in PRIVATE_BEFORE_ADDRESS else "delegate"
    if keys[-1] == "đb" and keys[-2] not in DELEGATION_WORDS:  # session reports: "ĐB Lê Văn A (tổ ĐB ...)"
        return "delegate"
    if tuple(keys[-2:]) in RELIGIOUS_RANKS:
        return "religious"
    if keys[-1] in ADDRESS_TERMS:
        return "private" if keys[-2] in PRIVATE_BEFORE_ADDRESS else "address"
    if keys[-1] in PRIVATE_WORDS:
        return "private"
    if keys[-1] in RANK_TAILS and keys[-2] in ("đại", "thượng", "trung", "thiếu"):
        return "rank"
    return ""


def _titles_after(parsed: _Parsed, j: int) -> list[TitleSpan]:
    """Titles that follow a name: ", T1, T2", " – T1, T2", " (T1)", " T1" (no comma), joined by commas,
    "kiêm" or "và"; in a table row flattened to "Name | T1 | T2", the cells."""
    tokens = parsed.tokens
    j = _skip_appositives(parsed, _skip_aside(tokens, j))
    if j < len(tokens) and tokens[j].key in (",", "-", ":", "(", "|"):
        if j > 0 and "\n" in parsed.text[tokens[j - 1].end : tokens[j].start]:
            return []  # a bullet opening the next line ("- Phó Chủ tịch: …") is an entry of its own
        j += 1
    elif j not in parsed.titles_at:
        return []
    elif j > 0 and "\n" in parsed.text[tokens[j - 1].end : tokens[j].start]:
        # a caption's name on one line, its title alone on the next; a title opening an entry of its own
        # ("Phó Trưởng phòng: Nguyễn Văn B") is not the line above's
        span = parsed.titles_at[j]
        if not _alone_on_line(parsed, j, _term_end(tokens, span.last + 1) - 1):
            return []
    return _title_list(parsed, j)


def _title_list(parsed: _Parsed, j: int) -> list[TitleSpan]:
    """The titles listed from token `j` on, joined by commas, dashes, "kiêm" or "và", up to a title that
    stands before the next person's name."""
    found: list[TitleSpan] = []
    while j < len(parsed.tokens):
        span = parsed.titles_at.get(j)
        if span is None or span.next_name is not None:  # a title before the next name is that person's
            break
        if found and "\n" in parsed.text[found[-1].end : span.start]:
            break  # a list of titles ends with its paragraph: the next line's title is its own entry's
        found.append(span)
        j = _list_continues(parsed, span)
    return found


def _list_continues(parsed: _Parsed, span: TitleSpan) -> int:
    """Where a list of titles may go on after `span`: past its term and a joining word ("TUV, Phó Chủ tịch …",
    "… kiêm …"), or right after it ("TUV Phó Chủ tịch …"). A semicolon mostly ends one person's titles: the
    list goes on past it only when the titles after it do not lead to another name ("A, T1; T2, T3 B")."""
    tokens = parsed.tokens
    j = _term_end(tokens, span.last + 1)
    j = _skip_parenthesis(tokens, j)  # "Hiệu trưởng Trường THPT A (TP B) rồi Phó giám đốc Sở C"
    if j + 1 < len(tokens) and tokens[j].key == ";":
        return len(tokens) if _leads_to_name(parsed, j + 1) else j + 1
    if j + 1 < len(tokens) and tokens[j].key in (",", "-", "|", "kiêm", "và", "rồi"):
        return j + 1
    return j


def _leads_to_name(parsed: _Parsed, j: int) -> bool:
    """Whether the titles joined by commas from token `j` on end before a person's name."""
    span = parsed.titles_at.get(j)
    while span is not None:
        if span.next_name is not None:
            return True
        k = _term_end(parsed.tokens, span.last + 1)
        span = parsed.titles_at.get(k + 1) if k < len(parsed.tokens) and parsed.tokens[k].key == "," else None
    return False


def _skip_appositives(parsed: _Parsed, j: int) -> int:
    """The comma before the first title when one or two short asides without a title or a name stand between
    a name and its titles ("ông A, sinh ngày 1/6/1960, nguyên Giám đốc …", "ông B, đảng viên Chi bộ thôn 3
    (Đảng ủy xã C), Phó Chủ tịch …", "ông D (sinh năm 1978), Bác sĩ, Trưởng khoa …"); else `j`."""
    tokens = parsed.tokens
    comma = j
    for _ in range(MAX_ASIDES):
        if comma >= len(tokens) or tokens[comma].key != ",":
            return j
        title = parsed.titles_at.get(comma + 1)
        if title is not None:
            return j if comma == j or title.next_name is not None else comma
        comma = _aside_end(parsed, comma + 1)
    title = parsed.titles_at.get(comma + 1) if comma < len(tokens) and tokens[comma].key == "," else None
    return comma if title is not None and title.next_name is None else j


def _aside_end(parsed: _Parsed, k: int) -> int:
    """The comma closing an aside that starts at token `k` and names no one and no post, else past the end."""
    tokens, depth = parsed.tokens, 0
    if k < len(tokens) and tokens[k].key in CLAUSE_OPENERS:
        return len(tokens)  # "Theo ông A, ngày 28/11/1959, Chủ tịch …": a new clause, not an aside
    for m in range(k, min(k + MAX_ASIDE_TOKENS, len(tokens))):
        key = tokens[m].key
        if m in parsed.names_at or m in parsed.titles_at or _ends_clause(tokens, m) or key == ":":
            break  # (a full stop glued to the next word abbreviates: "Đảng ủy TT.Chợ Chùa")
        if "\n" in parsed.text[tokens[m - 1].end : tokens[m].start]:
            break
        depth += (key == "(") - (key == ")")
        if key == "," and depth == 0:
            return m if m > k else len(tokens)
    return len(tokens)


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
        if mention.marker or prev.marker not in LIST_MARKERS:
            continue
        gap = parsed.tokens[prev.end_token + 1 : mention.name.first]
        if gap and all(t.key in (",", ";", "và") for t in gap):
            mention.marker = prev.marker


class _ByFirst(dict[int, Mention]):
    """Mentions by their name's first token, with those tokens in order (mentions come in text order)."""

    def __init__(self, mentions: list[Mention]) -> None:
        super().__init__((m.name.first, m) for m in mentions)
        self.firsts = [m.name.first for m in mentions]


def _apply_triggers(parsed: _Parsed, mentions: list[Mention]) -> None:
    by_first = _ByFirst(mentions)
    ends = _MentionEnds(mentions)
    linked: dict[int, Mention] = {}  # last token of a title given by "là"/"làm" (with its term) -> its person
    for span in parsed.titles_at.values():
        size = _trigger_before(parsed.tokens, span.first)
        if not size or span.next_name is not None:
            continue
        start = span.first - size
        if _nominated(parsed.tokens, start):
            continue
        titles = [span, *_title_list(parsed, _list_continues(parsed, span))]
        parsed.listed_with.update((title.first, span) for title in titles[1:])
        adjacent_only = tuple(t.key for t in parsed.tokens[start : span.first]) in ADJACENT_TRIGGERS
        if adjacent_only and parsed.tokens[start - 1].key != "đều":
            # "A là T" is one person's ("ông B và ông A là Giám đốc …" is A's); "A và B đều là T" is both's
            person = _linked_person(parsed.tokens, start, ends, linked)
            if person is not None:
                person.titles.extend(titles)
                linked[_term_end(parsed.tokens, titles[-1].last + 1) - 1] = person
            continue
        targets = [by_first[k] for k in _addressees_after(parsed, titles[-1].last + 1) if k in by_first]
        for target in targets:
            target.titles.extend(titles)
        if targets:
            continue
        if start > 1 and (parsed.tokens[start - 2].key, parsed.tokens[start - 1].key) in DECISION_WORDS:
            # "A trao quyết định phân công làm T (cho ông B)": the decision is for someone else, B when named
            recipient = _recipient_after(parsed, by_first, titles[-1])
            if recipient is not None:
                recipient.titles.extend(titles)
            continue
        owner = _linked_title_owner(parsed.tokens, start, linked) or _record_owner(parsed, ends, start)
        group = [owner] if owner is not None else _group_before(parsed, ends, start)
        if not group:  # "Trong thời gian giữ chức T1, T2, bà A (bà) đã ký …"
            subject = _subject_after(parsed, mentions, by_first, start, titles[-1])
            group = [subject] if subject is not None else []
        for mention in group:
            mention.titles.extend(titles)
            linked[_term_end(parsed.tokens, titles[-1].last + 1) - 1] = mention


MAX_RECORD_LINES = 3  # field lines between a record's name and its "Chức vụ:" line ("Năm sinh: …")


def _record_owner(parsed: _Parsed, ends: _MentionEnds, trigger: int) -> Mention | None:
    """The person of a "Chức vụ: T" line in a record of fields ("Họ và tên: Nguyễn Văn A" / "Chức vụ: T"):
    the name ending one of the few lines above, with no other name between."""
    tokens, text = parsed.tokens, parsed.text
    if trigger == 0 or "\n" not in text[tokens[trigger - 1].end : tokens[trigger].start]:
        return None
    earlier = ends.before(trigger)
    if not earlier:
        return None
    closest = ends.at(earlier, -1)
    between = text[closest.name.end : tokens[trigger].start]
    if closest.titles or sum(1 for line in between.split("\n") if line.strip()) > MAX_RECORD_LINES:
        return None
    name_end = closest.name.last
    if name_end + 1 < len(tokens) and "\n" not in text[tokens[name_end].end : tokens[name_end + 1].start]:
        return None  # the name does not end its line: prose, not a record
    return closest


def _recipient_after(parsed: _Parsed, by_first: dict[int, Mention], last: TitleSpan) -> Mention | None:
    """The person a decision's post goes to, named after it: "… quyết định bổ nhiệm T cho ông B"."""
    k = _term_end(parsed.tokens, last.last + 1)
    if k >= len(parsed.tokens) or parsed.tokens[k].key not in ("cho", "đối"):
        return None
    k += 2 if parsed.tokens[k].key == "đối" else 1  # "đối với"
    return by_first.get(_skip_address(parsed.tokens, k))


def _subject_after(
    parsed: _Parsed, mentions: list[Mention], by_first: _ByFirst, trigger: int, last: TitleSpan
) -> Mention | None:
    """The person named (or called "ông"/"bà") right after a list of titles that an election or appointment
    phrase opens with no one before it in the clause: "Trong thời gian giữ các cương vị T1, T2, bà B tham
    gia …" (B), "… giữ chức T1, T2, bà đã ký …" (the last person called "bà" before)."""
    tokens = parsed.tokens
    k = _term_end(tokens, last.last + 1)
    k += int(k < len(tokens) and tokens[k].key == ",")
    named = _skip_address(tokens, k)
    if named in by_first:
        return by_first[named]
    if named != k + 1 or tokens[k].key not in ADDRESS_TERMS or not tokens[named].is_lower_word:
        return None
    firsts = by_first.firsts
    for index in range(bisect_left(firsts, trigger) - 1, -1, -1):  # a pronoun: the last person so addressed
        first = firsts[index]
        if trigger - first > MAX_PRONOUN_REACH:
            break
        if tokens[first - 1].key == tokens[k].key:
            return mentions[index]
    return None


def _linked_title_owner(tokens: list[Token], trigger: int, linked: dict[int, Mention]) -> Mention | None:
    """The person of a title given just before the trigger at `trigger`: "bà A từ T1 được bổ nhiệm làm T2"."""
    k = trigger - 1
    while k > 0 and trigger - k <= MAX_LINK_WORDS and tokens[k].key in LINK_WORDS and tokens[k].is_lower_word:
        k -= 1
    if tokens[k].key == ",":
        k -= 1
    return linked.get(k)


def _linked_person(tokens: list[Token], trigger: int, ends: _MentionEnds, linked: dict[int, Mention]) -> Mention | None:
    """The person a "là"/"làm" at `trigger` speaks of across linking words: "A từng là T", "A nguyên là T1,
    nay là T2", "A lại được điều về làm T"."""
    k = trigger - 1
    if tokens[k].key == ")":  # "(do bà A, Phó Bí thư Đảng ủy phường (cũ) làm Trưởng ban)"
        k = _parenthesis_start(tokens, k) - 1
    while k > 0 and trigger - k <= MAX_LINK_WORDS and tokens[k].key in LINK_WORDS and tokens[k].is_lower_word:
        k -= 1
    if tokens[k].key == "," and k - 1 in linked:
        return linked[k - 1]
    if k < trigger - 1 and k in linked:  # "nguyên là T1 và hiện là T2"
        return linked[k]
    if k < trigger - 1 and tokens[k].key in (",", "-"):  # "A - nguyên là T", "A, hiện là T"
        k -= 1
    return ends.mention_ending_at(k) or ends.mention_ending_at(_term_start(tokens, k) - 1)


def _nominated(tokens: list[Token], start: int) -> bool:
    """Whether the election phrase starting at token `start` only nominates ("để bầu giữ chức")."""
    k = start
    while k > 0 and start - k < 2 and tokens[k - 1].key in NOMINATION_SKIP:
        k -= 1
    keys = tuple(t.key for t in tokens[max(0, k - 2) : k])
    return any(keys[-len(phrase) :] == phrase for phrase in NOMINATIONS)


def _apply_colon_titles(parsed: _Parsed, mentions: list[Mention]) -> None:
    """A title before a colon goes to each person listed after it ("các đồng chí Phó Bí thư: A, B")."""
    tokens = parsed.tokens
    by_first = {m.name.first: m for m in mentions}
    for span in parsed.titles_at.values():
        j = _group_list_start(tokens, span)
        if j is None:
            continue
        one_per_line = _opens_line(parsed, j)
        while j in by_first:
            mention = by_first[j]
            mention.titles.append(span)
            k = mention.end_token + 1
            if one_per_line and k < len(tokens) and _name_alone_on_line(parsed, by_first, _skip_address(tokens, k)):
                j = _skip_address(tokens, k)  # "Các Phó Chủ tịch:⏎Đồng chí A⏎Đồng chí B"
                continue
            if k + 1 >= len(tokens) or tokens[k].key not in (",", ";", "và"):
                break
            j = _skip_address(tokens, k + 2 if tokens[k + 1].key == "và" else k + 1)


def _name_alone_on_line(parsed: _Parsed, by_first: dict[int, Mention], first: int) -> bool:
    """Whether a name opens at token `first` and fills its line, a form of address before it aside."""
    mention = by_first.get(first)
    if mention is None or not _opens_line(parsed, first):
        return False
    after = mention.name.last + 1
    return after >= len(parsed.tokens) or "\n" in parsed.text[parsed.tokens[after - 1].end : parsed.tokens[after].start]


def _opens_line(parsed: _Parsed, first: int) -> bool:
    """Whether the name at token `first` opens a line, a form of address before it included ("⏎Đồng chí A")."""
    tokens = parsed.tokens
    start = first
    for size in (3, 2, 1):  # "đ/c", "đồng chí", "ông"
        if first >= size and _skip_address(tokens, first - size) == first:
            start = first - size
            break
    return 0 < start < len(tokens) and "\n" in parsed.text[tokens[start - 1].end : tokens[start].start]


def _group_list_start(tokens: list[Token], span: TitleSpan) -> int | None:
    """Where the people a group title names are listed: after its colon ("các đồng chí Phó Bí thư: A, B",
    "5 Phó Chủ tịch UBND gồm các ông: A, B và C"), or right after a plural title ("Các phó trưởng ban A, B")."""
    if span.next_name is not None:
        plural = span.first > 0 and tokens[span.first - 1].key == "các"
        return span.next_name.first if plural else None
    j = skip_term(tokens, span.last + 1)
    k = j
    while k < len(tokens) and k - j < MAX_GROUP_INTRO and tokens[k].key in GROUP_INTRO_WORDS:
        k += 1
    if k < len(tokens) and tokens[k].key == ":":
        return _skip_address(tokens, k + 1)
    if k > j and tokens[j].key == "gồm":
        return k  # "gồm ông A và ông B"
    return None


def _skip_address(tokens: list[Token], j: int) -> int:
    """Index after a form of address ("ông", "bà", "đồng chí") at `j`, else `j`."""
    comrade = comrade_length(tokens, j)
    if comrade:
        return j + comrade
    return j + 1 if j < len(tokens) and tokens[j].key in ADDRESS_TERMS else j


def _trigger_before(tokens: list[Token], first: int) -> int:
    """Length of the election or appointment phrase ending right before token `first` (0 when none)."""
    colon = int(first > 1 and tokens[first - 1].key == ":")  # "được bổ nhiệm các chức vụ: T1, T2 rồi T3"
    end = first - colon
    if end == 0 or not tokens[end - 1].is_lower_word:
        return 0
    for trigger in _TRIGGERS_BY_LAST.get(tokens[end - 1].key, ()):
        size = len(trigger)
        if size <= end and tuple(t.key for t in tokens[end - size : end]) == trigger:
            return size + colon
    return 0


def _addressees_after(parsed: _Parsed, j: int) -> list[int]:
    """The names in "... chức vụ T (nhiệm kỳ …) đối với ông A (…) và ông B": their first token indexes."""
    tokens = parsed.tokens
    j = _term_end(tokens, j)
    while j + 1 < len(tokens) and tokens[j].key == "và" and _term_end(tokens, j + 1) > j + 1:
        j = _term_end(tokens, j + 1)  # "nhiệm kỳ 2005 - 2010 và nhiệm kỳ 2010 - 2015"
    if [t.key for t in tokens[j : j + 2]] != ["đối", "với"]:
        return []
    found: list[int] = []
    j = _skip_address(tokens, j + 2)
    while j in parsed.names_at:
        found.append(j)
        k = _skip_parenthesis(tokens, parsed.names_at[j].last + 1)
        if k + 1 >= len(tokens) or tokens[k].key not in (",", "và"):
            break
        j = _skip_address(tokens, k + 1)
        if j == k + 1:
            break  # "đối với ông A và các đơn vị": only people addressed as such
    return found


def _parenthesis_start(tokens: list[Token], close: int) -> int:
    """Index of the "(" that the ")" at `close` ends (a short one, within a clause), else `close` + 1."""
    for k in range(close - 1, max(-1, close - MAX_ITEM_TOKENS), -1):
        if tokens[k].key == "(":
            return k
        if _ends_clause(tokens, k) or tokens[k].key == ")":
            break
    return close + 1


def _skip_parenthesis(tokens: list[Token], j: int) -> int:
    """Index after a parenthesis opening at `j` (closed within a clause), else `j`."""
    if j >= len(tokens) or tokens[j].key != "(":
        return j
    for k in range(j + 1, min(j + MAX_ITEM_TOKENS, len(tokens))):
        if tokens[k].key == ")":
            return k + 1
        if _ends_clause(tokens, k):
            break
    return j


def _ends_clause(tokens: list[Token], k: int) -> bool:
    """A clause's end at token `k`; a full stop joined to the next word abbreviates ("TP.Quy Nhơn")."""
    if tokens[k].key not in CLAUSE_END:
        return False
    return tokens[k].key != "." or k + 1 >= len(tokens) or tokens[k + 1].start > tokens[k].end


class _MentionEnds:
    """Where each mention ends (its name and the titles after it), to find the mentions before a token
    without scanning them all. Mentions are in text order and a mention's titles stop before the next
    name, so their ends ascend; should they not, the lookup falls back to a scan."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.ends = [m.end_token for m in mentions]
        self.ascending = all(a <= b for a, b in zip(self.ends, self.ends[1:], strict=False))
        self.end_set = set(self.ends)

    def ends_at(self, token: int) -> bool:
        return token in self.end_set

    def mention_ending_at(self, token: int) -> Mention | None:
        if token not in self.end_set:
            return None
        return next(m for m in reversed(self.mentions) if m.end_token == token)

    def before(self, token: int) -> list[Mention] | range:
        """The mentions ending before `token`, in text order (as indexes into `mentions` when ascending)."""
        if self.ascending:
            return range(bisect_left(self.ends, token))
        return [m for m in self.mentions if m.end_token < token]

    def at(self, earlier: list[Mention] | range, index: int) -> Mention:
        return self.mentions[earlier[index]] if isinstance(earlier, range) else earlier[index]


def _group_before(parsed: _Parsed, ends: _MentionEnds, trigger: int) -> list[Mention]:
    """The people a trigger at token `trigger` refers to: the names closest before it in its clause."""
    tokens = parsed.tokens
    earlier = ends.before(trigger)
    if not earlier:
        return []
    closest = ends.at(earlier, -1)
    if trigger - closest.end_token - 1 > MAX_TRIGGER_GAP:
        return []
    gap = tokens[closest.end_token + 1 : trigger]
    if any(t.text in CLAUSE_END or "\n" in t.text for t in gap):
        return []
    if "\n" in parsed.text[closest.name.end : tokens[trigger].start]:
        return []
    group = [closest]
    for index in range(len(earlier) - 2, -1, -1):
        prev = ends.at(earlier, index)
        if group[-1].name.first - prev.end_token - 1 > MAX_TRIGGER_GAP:
            break
        between = tokens[prev.end_token + 1 : group[-1].name.first]
        if not all(t.key in GROUP_GAP for t in between) or "\n" in parsed.text[prev.name.end : group[-1].name.start]:
            break
        group.append(prev)
    return group


def _author_keys(author: str | None) -> set[str]:
    if not author:
        return set()
    parts = [author, *_AUTHOR_SPLIT.split(author)]
    # "Tin, ảnh: Hoàng Lan" -> "Hoàng Lan"
    return {name_key(part.rsplit(":", 1)[-1]) for part in parts if part.strip()}


def _merge(mentions: list[Mention], parsed: _Parsed, excluded: set[str]) -> list[Official]:
    """One Official per person named in an official capacity, titles de-duplicated in first-seen order, each
    with the most telling status its mentions give it."""
    official_keys = {name_key(m.name.text) for m in mentions if m.official} - NEVER_OFFICIALS
    name_ends = {name.last for name in parsed.names_at.values()}
    people: dict[str, Official] = {}
    seen_titles: dict[str, dict[str, str]] = {}  # person -> title key -> the title as first written
    for mention in mentions:
        key = name_key(mention.name.text)
        if key not in official_keys or key in excluded:
            continue
        person = people.setdefault(key, Official(name=unglued(mention.name.text)))  # "TônThị B" is "Tôn Thị B"
        if person.name.isupper() and not mention.name.text.isupper():
            person.name = mention.name.text  # "PHAN VĂN B" in a list, "Phan Văn B" in the prose
        known = seen_titles.setdefault(key, {})
        retired = status_after(parsed.tokens, mention.end_token) if mention.titles else None
        for span in sorted(mention.titles, key=lambda s: s.start):
            if title_key(span.text) not in known:
                known[title_key(span.text)] = span.text
                person.titles.append(span.text)
            title = known[title_key(span.text)]
            anchor = parsed.listed_with.get(span.first, span)
            status = stronger(retired, status_before(parsed.tokens, anchor, name_ends))
            status = stronger(person.title_status.get(title), status)
            if status is not TitleStatus.CURRENT:
                person.title_status[title] = status
        person.evidence.append(_evidence(mention, parsed.text))
    for person in people.values():
        _drop_subsumed(person)
    return list(people.values())


def _drop_subsumed(person: Official) -> None:
    for title in subsumed_titles(person.titles):
        person.titles.remove(title)
        person.title_status.pop(title, None)


def _evidence(mention: Mention, text: str) -> Evidence:
    """Offsets of the name; the snippet runs from the first to the last of this mention's titles."""
    start = min([mention.name.start, *(s.start for s in mention.titles)])
    end = max([mention.name.end, *(s.end for s in mention.titles)])
    return Evidence(mention.name.start, mention.name.end, " ".join(text[start:end].split()))


__all__ = ["find_officials"]
