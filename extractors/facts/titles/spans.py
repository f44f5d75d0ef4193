"""Title spans: `TitleSpan` and `parse_title`, the walk from a head to the end of its title."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.facts.person_names import NameSpan, Token
from extractors.facts.titles.continuation import _continues
from extractors.facts.titles.fields import _in_named_field
from extractors.facts.titles.heads import head_length, is_rank_head
from extractors.facts.titles.names import _dashed_subject, name_after
from extractors.facts.titles.tails import (
    _ends_title,
    _mission_in,
    _organ_tail_end,
    _post_place_at,
    _posted_abroad,
    _purpose_end,
    _serves_a_leader,
)
from extractors.facts.titles.units import _region_province
from extractors.facts.titles.vocabulary import MAX_TITLE_TOKENS, PLACE_LEVEL_WORDS


@dataclass(frozen=True)
class TitleSpan:
    """A title: token indexes `first`..`last` (inclusive), its text, and the name it stands before."""

    first: int
    last: int
    start: int
    end: int
    text: str
    next_name: NameSpan | None = None


def parse_title(
    tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan], lower_ok: bool = False
) -> TitleSpan | None:
    """The title whose head starts at token `i`, with the name right after it when there is one."""
    size = head_length(tokens, i, lower_ok)
    if not size:
        return None
    last = i + size - 1
    j = last + 1
    if is_rank_head(tokens, i):
        j = len(tokens)  # a rank is complete in itself
        last = _naval_branch_end(tokens, last)
    abroad = _posted_abroad(tokens, i, size)
    served = _leader_served_after_cua(tokens, i, size, text, names_at)
    if served is not None:
        span_text = " ".join(text[tokens[i].start : served.end].split())
        return TitleSpan(i, served.last, tokens[i].start, served.end, span_text)
    if j < len(tokens) and head_length(tokens, j) and tokens[last].key not in ("phòng", "đoàn"):
        served = parse_title(tokens, j, text, names_at) if _serves_a_leader(tokens, i, size) else None
        if served is not None:  # "Thư ký nguyên Phó Chủ tịch Quốc hội": the leader served is part of the post
            span_text = " ".join(text[tokens[i].start : served.end].split())
            return TitleSpan(i, served.last, tokens[i].start, served.end, span_text, served.next_name)
        # another head right after this one: two titles without a comma ("TUV Phó Chủ tịch …"); after "Chánh Văn
        # phòng" it names whose office it is ("Chánh Văn phòng Chủ tịch nước", "… Văn phòng Tổng thống"), after
        # "Phó đoàn" whose delegation ("Phó đoàn ĐBQH tỉnh B")
        j = len(tokens)
    while (
        j < len(tokens)
        and (j - i < MAX_TITLE_TOKENS or _in_named_field(tokens, j))  # a listed field is whole, however long
        and (j not in names_at or _region_province(tokens, j, names_at))
        and (
            _continues(tokens, j, text, names_at)
            or _post_place_at(tokens, j, abroad or _mission_in(tokens, i, j))
            or _delegation_seat(tokens, i, j)
        )
    ):
        last = j
        j += 1
    last = _organ_tail_end(tokens, text, i + size, last, names_at)
    last = _purpose_end(tokens, text, i, last, names_at)
    # nor on "của"/"thuộc" whose organ the length cap cut off ("… Thiếu niên và Nhi đồng của")
    while last > i + size - 1 and (tokens[last].key in ("và", "-", "của", "thuộc") or not _ends_title(tokens[last])):
        last -= 1
    first_tok, last_tok = tokens[i], tokens[last]
    span_text = " ".join(text[first_tok.start : last_tok.end].split())
    name = (
        name_after(tokens, last + 1, names_at)
        or _dashed_subject(tokens, i, last, names_at)
        or _appositive_closing(tokens, i, last, names_at)
    )
    if name is not None and "\n" in text[last_tok.end : name.start]:
        name = None  # the next line's person is not named by this title
    return TitleSpan(i, last, first_tok.start, last_tok.end, span_text, name)


def _naval_branch_end(tokens: list[Token], last: int) -> int:
    """Past "hải quân" after a naval flag rank ending at `last` ("Phó đô đốc hải quân A"): the rank names its
    branch before the name, and is whole with it."""
    after = tuple(t.key for t in tokens[last + 1 : last + 3])
    return last + 2 if tokens[last].key == "đốc" and after == ("hải", "quân") else last


# Heads of a team sent somewhere, whose post names the place it works in after "tại": "Trưởng đoàn Thanh tra đất
# đai tại xã Đồng Tâm", "Trưởng đoàn công tác tại tỉnh B".
TEAM_HEADS: frozenset[tuple[str, ...]] = frozenset([("trưởng", "đoàn"), ("phó", "trưởng", "đoàn")])


def _delegation_seat(tokens: list[Token], i: int, j: int) -> bool:
    """Whether token `j` is "tại" before a place level and its capitalised name ("tại xã Đồng Tâm") in the post
    of a team's head starting at token `i`."""
    if tokens[j].key != "tại" or j + 2 >= len(tokens) or not tokens[j + 2].is_cap:
        return False
    if tokens[j + 1].key not in PLACE_LEVEL_WORDS or not tokens[j + 1].is_lower_word:
        return False
    return any(tuple(t.key for t in tokens[i : i + len(head)]) == head for head in TEAM_HEADS)


# What may close a sentence right after a name set after its title by a comma ("… với Giám đốc Sở A, Lê Văn B.").
SENTENCE_CLOSERS: frozenset[str] = frozenset(".;?!")


def _appositive_closing(tokens: list[Token], i: int, last: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The name set after a title by a comma that closes its sentence ("VnExpress đặt ra với Giám đốc Sở Nội vụ Hà
    Nội, Lê Văn B."): the title names it, unless the title itself is set after another person's name ("ông A,
    Giám đốc Sở X, Lê Văn B.", a list)."""
    j = last + 1
    if j + 1 >= len(tokens) or tokens[j].key != "," or j + 1 not in names_at:
        return None
    name = names_at[j + 1]
    after = name.last + 1
    if name.place_like or (after < len(tokens) and tokens[after].key not in SENTENCE_CLOSERS):
        return None
    if i >= 2 and tokens[i - 1].key in (",", "-", "(") and any(n.last == i - 2 for n in names_at.values()):
        return None
    return name


def _leader_served_after_cua(
    tokens: list[Token], i: int, size: int, text: str, names_at: dict[int, NameSpan]
) -> TitleSpan | None:
    """The leader an aide or a spokesperson serves, named by post after "của" with no name of his own ("người phát
    ngôn của Thủ tướng", "Trợ lý của Chủ tịch nước"): part of the post. With a name after it ("Trợ lý của Thủ tướng
    A") the name is the leader's, so the post is left to end before "của"."""
    j = i + size
    if j + 1 >= len(tokens) or tokens[j].key != "của" or not _serves_a_leader(tokens, i, size):
        return None
    if not head_length(tokens, j + 1):
        return None
    served = parse_title(tokens, j + 1, text, names_at)
    return served if served is not None and served.next_name is None else None
