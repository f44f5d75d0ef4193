"""Names beyond the listed-family-name runs: cued names without a listed family name, their repeats, and
later mentions by the given name alone."""

from __future__ import annotations

from operator import attrgetter

from extractors.facts.officials.context import CLAUSE_END, MAX_ITEM_TOKENS, SENTENCE_START_MARKS, skip_address
from extractors.facts.officials.markers import STRONG_MARKERS, marker_before
from extractors.facts.officials.triggers import trigger_after
from extractors.facts.person_names import (
    ADDRESS_TERMS,
    NameScan,
    NameSpan,
    Token,
    joined,
    name_key,
    same_person_keys,
    span_of,
    words,
)
from extractors.facts.titles import comrade_length, ends_bare_head, starts_title
from extractors.facts.titles.vocabulary import SENTENCE_OPENERS

# Kinship before "ông"/"bà": "(vợ ông Toàn)", "(em ruột ông Toàn)" speak of the person, not as them.
KINSHIP_WORDS: frozenset[str] = words("vợ chồng con ruột cháu dâu rể bố mẹ cha")
ADDRESS_OR_COMRADE_TAIL: frozenset[str] = ADDRESS_TERMS | {"chí"}  # what stands right before an addressed name
# Named in almost every article ("tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "TP Hồ Chí Minh"), as a
# person only where the bare title he is remembered by stands right before the name (`remembered_leader`).
NEVER_OFFICIALS: frozenset[str] = frozenset(["hồ chí minh", "nguyễn ái quốc", "nguyễn tất thành"])
FIGURE_LAST_WORDS: frozenset[str] = frozenset(name.split()[-1] for name in NEVER_OFFICIALS)
REMEMBERED_TITLE = ("chủ", "tịch")
# Capitalised words that open a sentence before the remembered title ("Như Chủ tịch Hồ Chí Minh đã dạy", "Theo
# Chủ tịch Hồ Chí Minh, …"): unlike "Lăng" or "Bảo tàng", they name no place that the title would be part of.
LEADER_SENTENCE_OPENERS: frozenset[str] = SENTENCE_OPENERS | frozenset(["như"])


def never_official(tokens: list[Token], name: NameSpan) -> bool:
    """Whether `name` is one of `NEVER_OFFICIALS` and no `remembered_leader` mention of it."""
    return name_key(name.text) in NEVER_OFFICIALS and not remembered_leader(tokens, name)


def remembered_leader(tokens: list[Token], name: NameSpan) -> bool:
    """ "ngày sinh Chủ tịch Hồ Chí Minh", "…, Chủ tịch Hồ Chí Minh kính yêu": the President himself, named after
    his bare title. Not where the title is part of a place's name ("Lăng Chủ tịch Hồ Chí Minh"), whose
    capitalised word opens the run."""
    first = name.first
    if name_key(name.text) != "hồ chí minh" or first < 2:
        return False
    head, tail = tokens[first - 2], tokens[first - 1]
    if (head.key, tail.key) != REMEMBERED_TITLE or not head.is_cap:
        return False
    before = tokens[first - 3] if first >= 3 else None
    return before is None or not (before.is_word and before.is_cap) or _opens_sentence(tokens, first - 3)


def _opens_sentence(tokens: list[Token], k: int) -> bool:
    """Whether token `k` is a `LEADER_SENTENCE_OPENERS` word at the start of the text or of a sentence."""
    if tokens[k].key not in LEADER_SENTENCE_OPENERS or tokens[k].is_abbr:
        return False
    return k == 0 or tokens[k - 1].key in SENTENCE_START_MARKS or tokens[k - 1].key in ('"', "“")


def given_name_mentions(tokens: list[Token], names: list[NameSpan], text: str = "") -> list[NameSpan]:
    """Later mentions of a person by the given name alone after "ông"/"bà"/"đồng chí" ("Hiện ông Cường là …"
    after "ông Nguyễn Mạnh Cường"), a deputy's "ĐB"/"đại biểu" ("ĐB Hải nói") or a bare title head ("Thủ tướng
    May" after "Theresa May", "Bí thư Thăng"), when no other person named before has that given name. Each is a
    NameSpan over the given name that carries the full name as its text."""
    by_given: dict[str, NameSpan | None] = {}  # given name -> the one person with it so far (None: several)
    found: list[NameSpan] = []
    taken = {k for name in names for k in range(name.first, name.last + 1)}
    pending = iter(names)
    upcoming = next(pending, None)
    keys = list(map(attrgetter("key"), tokens))  # read once for the two passes below
    addressed = {k + 1 for k, key in enumerate(keys) if key in ADDRESS_OR_COMRADE_TAIL}
    # A capitalised given name of someone named in full may follow a bare head; whether one does is checked
    # only there (`ends_bare_head` looks back at up to four tokens).
    given_names = {tokens[name.last].key for name in names if name.last > name.first}
    maybe_after_head = {
        k for k, key in enumerate(keys) if key in given_names and k > 0 and tokens[k].is_cap and k not in taken
    }
    for k in sorted(addressed | maybe_after_head):
        if k >= len(tokens):
            break
        token = tokens[k]
        while upcoming is not None and upcoming.last < k:
            if upcoming.last > upcoming.first:
                given = tokens[upcoming.last].key
                earlier = by_given.get(given, upcoming)
                first_seen = earlier is upcoming  # the keys are compared only for a given name seen before
                same = first_seen or (
                    earlier is not None and same_person_keys(name_key(earlier.text), name_key(upcoming.text))
                )
                fuller = earlier if earlier is not None and len(earlier.text) > len(upcoming.text) else upcoming
                by_given[given] = fuller if same else None  # "Nguyễn Văn Chiến", then "Nguyễn Chiến": the full name
            upcoming = next(pending, None)
        if not token.is_cap or token.is_abbr or k in taken or by_given.get(token.key) is None:
            continue
        cued = tokens[k - 1].key in ADDRESS_TERMS or (k >= 2 and comrade_length(tokens, k - 2) == 2)
        # a deputy named back by the given name, as a minister is ("ĐB Hải nói", "đại biểu Lâm đề nghị"); a comma
        # after it opens what he said ("Theo đại biểu Thúy, Chánh án TAND Tối cao cũng là …"), not his post
        cued = cued or (marker_before(tokens, k) == "delegate" and not _comma_after(tokens, k))
        if not cued and (k not in maybe_after_head or not ends_bare_head(tokens, k, text)):
            continue
        if k >= 2 and tokens[k - 2].key in KINSHIP_WORDS:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.is_cap and nxt.is_word and joined(tokens, k, k + 1):
            continue
        full = by_given[token.key]
        found.append(NameSpan(k, k, token.start, token.end, full.text, full.place_like, given_only=True))
    return found


def _comma_after(tokens: list[Token], k: int) -> bool:
    return k + 1 < len(tokens) and tokens[k + 1].key == ","


def cued_names(tokens: list[Token], text: str, scan: NameScan) -> list[NameSpan]:
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
        elif _name_ends(tokens, last + 1, plural) and not starts_title(tokens, first):
            # a run opening with a title head is that title ("ông A, UV BCT, Bí thư Thành ủy …"), not a name
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


def _chain_before(tokens: list[Token], first: int, chains: dict[int, bool]) -> bool | None:
    """None when no strong cue stands before token `first`; else whether it opens a list ("các đồng chí")."""
    if first >= 2 and tokens[first - 1].key in (",", "và") and first - 2 in chains:
        return chains[first - 2]
    if first >= 2 and tokens[first - 1].key == ";" and _segment_start(tokens, first - 1) in chains:
        return False  # "các đồng chí: A, T; B, T": a member of a titled list still needs its title
    marker = marker_before(tokens, first)
    if marker == "delegate":
        return False  # "đại biểu A, T": a title must follow ("các đại biểu Hải Phòng, ..." are delegations)
    if marker not in STRONG_MARKERS:
        return None
    keys = [t.key for t in tokens[max(0, first - 4) : first]]
    return "các" in keys or keys[-1:] == [":"]


def _segment_start(tokens: list[Token], semicolon: int) -> int | None:
    """First token of the list item that ends at `semicolon` (the item opens after ";" or ":")."""
    for k in range(semicolon - 1, max(-1, semicolon - MAX_ITEM_TOKENS), -1):
        key = tokens[k].key
        if key in (";", ":"):
            return skip_address(tokens, k + 1)
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
    if trigger_after(tokens, j):
        return True
    return plural and key in (",", ";", ".", "và")


def given_names_alone(tokens: list[Token], text: str, taken: set[int]) -> list[NameSpan]:
    """A person called by the given name alone after "ông"/"bà" and set apart before a title, with no full name
    in the text ("do bà Lệ, nguyên Phó chủ tịch quận đưa ra"): one capitalised syllable, not part of a longer run."""
    found: list[NameSpan] = []
    for k in range(1, len(tokens) - 2):
        token, before = tokens[k], tokens[k - 1]
        if k in taken or before.key not in ADDRESS_TERMS or not (token.is_word and token.is_cap) or token.is_abbr:
            continue
        if k >= 2 and tokens[k - 2].key in KINSHIP_WORDS:
            continue  # "vợ ông Toàn, …" speaks of him through a relative
        if tokens[k + 1].key != "," or not starts_title(tokens, k + 2) or k - 1 in taken:
            continue
        if k >= 2 and tokens[k - 2].is_word and tokens[k - 2].is_cap and joined(tokens, k - 2, k - 1):
            continue
        found.append(span_of(tokens, text, range(k, k + 1)))
    return found
