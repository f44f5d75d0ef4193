"""Titles of officials ("Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND xã Nậm Pồ", "TUV").

A title starts at a head word ("Bí thư", "Chủ tịch", "Ủy viên", "Trưởng Ban", "Tỉnh ủy viên", "TUV" ...) and
runs on through its organisation. It stops at punctuation, at a verb or preposition, before a term
qualifier ("khóa XXIV", "nhiệm kỳ ..."), and where a person's name begins (then it is that person's title).

One module per job, in import order (each imports only those above it):
vocabulary (word tables), staff_posts (heads of staff listings), heads (head recognition), fields (the
organ-field grammar), acronyms, units (numbered units and place names), tails (what trails an organ),
continuation (whether a title runs on, token by token), names (the person after a title), spans
(`TitleSpan`, `parse_title`), keys (comparing titles). Names with a leading underscore are shared between
these modules only; callers import the names re-exported here.
"""

from extractors.facts.titles.continuation import ends_bare_head
from extractors.facts.titles.fields import field_end
from extractors.facts.titles.heads import (
    GRADE_PREFIXES,
    head_length,
    is_rank_head,
    lower_deputy,
    starts_title,
    title_starts,
)
from extractors.facts.titles.keys import subsumed_titles, title_key
from extractors.facts.titles.names import comrade_length, name_after, skip_honorifics, skip_term
from extractors.facts.titles.spans import TitleSpan, parse_title
from extractors.facts.titles.vocabulary import (
    ABBREVIATIONS,
    HEAD_WORDS,
    ORGAN_FIRST_WORDS,
    PLACE_LEVEL_WORDS,
    RANK_HEADS,
    RANK_TAILS,
    TITLE_LOWER_OK,
    TITLE_STOP,
)

__all__ = [
    "ABBREVIATIONS",
    "GRADE_PREFIXES",
    "HEAD_WORDS",
    "ORGAN_FIRST_WORDS",
    "PLACE_LEVEL_WORDS",
    "RANK_HEADS",
    "RANK_TAILS",
    "TITLE_LOWER_OK",
    "TITLE_STOP",
    "TitleSpan",
    "comrade_length",
    "ends_bare_head",
    "field_end",
    "head_length",
    "is_rank_head",
    "lower_deputy",
    "name_after",
    "parse_title",
    "skip_honorifics",
    "skip_term",
    "starts_title",
    "subsumed_titles",
    "title_key",
    "title_starts",
]
