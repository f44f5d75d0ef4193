"""Officials named in an article body, each with every title the article gives them.

Pure rules over a token list (no tagger): names are capitalised runs starting with a family name
(`person_names`), titles start at head words (`titles`). A name mention counts when a title stands right
before it ("Bí thư Huyện ủy Nguyễn Văn A"), titles follow it (", Chủ tịch UBND huyện" / " – TUV, ..."),
an election phrase gives it one ("bầu đồng chí A giữ chức ...", even a clause later: "A, T1, tham gia ... và
giữ chức T2"), a title before a colon lists it ("các đồng chí Phó Bí thư: A, B"), or it is called "đồng chí"
(also as a member of "các đồng chí: A, B, C"), or "đại biểu" (a congress delegate, with no title: "Các đại
biểu A, B và C trình bày tham luận"; a deputy of an elected body, whose bare "ĐB"/"đại biểu" is his title as
written where no fuller form of it is given: "ĐB A (Hà Nội)", "các đại biểu A (Đoàn X), B"). A run with no
listed family name ("bà Thị Nhung", "ông Điểu Brêl", "Hòa thượng Thích Minh A") is a name only between a strong
cue (ông/bà, đồng chí, a rank, a religious rank, a list opened by one) and a title or election phrase; once so
established, its other mentions count too. Ranks ("Thượng úy") are kept as titles of their own; religious ranks
are not titles. A post someone is only nominated for ("giới thiệu ... để bầu giữ chức", "dự kiến giữ chức") is
not a title.
People named only as "ông"/"bà" without a title, private citizens ("anh", "gia đình ông"), the byline
author and related-article lines are left out. Mentions of one person are merged by `name_key`. "đ/c" and
"đc" (any case) count as "đồng chí"; names written in capitals ("1. PHAN VĂN B, Phó Chủ tịch UBND xã") count,
and keep the prose's spelling where the person is also named in normal case.

As real press and portal text writes them, also: short asides between a name and its titles ("A, sinh ngày …,
nguyên Giám đốc …"); "là"/"làm"/"từ" across linking words ("A từng là T1, nay là T2", "A từ T1 được bổ nhiệm làm
T2"); lists of titles after "chức vụ:" or joined by ";"/"rồi"; a post "đối với ông A (…) và ông B"; group titles
("3 Phó Chủ tịch gồm các ông: A, B và C", "Các phó trưởng ban A, B"); titles before the person they speak of
("Trong thời gian giữ chức T1, T2, bà B đã ký …"); a later mention by the given name alone ("ông Cường là …").
Business posts are listed for an official but make no one an official. Foreign officials' names, which no family
name opens, come from `foreign_names` ("Thủ tướng Lào Thongloun Sisoulith") and need a title as much as others.
"""

from __future__ import annotations

from extractors.facts.officials.appointments import apply_triggers
from extractors.facts.officials.biography import give_biography_titles
from extractors.facts.officials.breaks import mended
from extractors.facts.officials.candidates import cued_names, given_name_mentions, given_names_alone, never_official
from extractors.facts.officials.context import Parsed
from extractors.facts.officials.foreign_names import foreign_names, listed_with_foreign_tail, unlinked_foreign
from extractors.facts.officials.group_titles import apply_colon_titles, share_title_after_pair, share_title_over_and
from extractors.facts.officials.holders import mark_replaced
from extractors.facts.officials.links import (
    join_titles_over_of,
    link_heading_titles,
    link_titles_over_owning_organ,
    name_titles_before_address,
    outside_titles,
    unlink_elected_titles,
    unlink_given_names,
)
from extractors.facts.officials.mentions import (
    inherit_markers,
    mark_firm_leaders,
    mention_of,
    place_mention,
    place_names_as_persons,
    staff_by_unit,
)
from extractors.facts.officials.merge import ListingLines, author_keys, merge_mentions
from extractors.facts.officials.textwide import mark_addressed_places, without_swallowed_words
from extractors.facts.officials.title_context import title_spans
from extractors.facts.officials.title_lists import titles_standing_before
from extractors.facts.officials.untitled import (
    called_employee,
    delegation_member,
    listed_among_officials,
    members_listed_under_body,
)
from extractors.facts.person_names import scan_names, tokenize
from extractors.facts.titles import starts_title
from extractors.types import Official


def find_officials(text: str, author: str | None = None) -> list[Official]:
    """Every person named in a public role in `text`, with their titles and evidence offsets."""
    text = mended(text)  # same length: a sentence cut by a paragraph break, a lost drop capital
    tokens = tokenize(text)
    scan = scan_names(tokens, text, starts_title)
    # Dropped before titles are parsed: "Bí thư Đoàn TNCS Hồ Chí Minh huyện" runs through the name.
    listed = [name for name in scan.names if not never_official(tokens, name)]
    retold = listed_with_foreign_tail(tokens, text, listed)
    listed = mark_addressed_places(tokens, [retold.get(name.first, name) for name in listed])
    listed = without_swallowed_words(tokens, text, listed)
    cued = cued_names(tokens, text, scan)
    taken = {name.first for name in cued}
    foreign = [name for name in foreign_names(tokens, text, scan) if name.first not in taken]
    # a listed run inside a foreign name read whole ("Vô" of "Bun-nhăng Vô-la-chít") is no name of its own
    spanned = {k for name in foreign for k in range(name.first, name.last + 1)}
    listed = [name for name in listed if name.first not in spanned and name.last not in spanned]
    names = sorted([*listed, *cued, *foreign], key=lambda n: n.first)
    names = sorted([*names, *given_name_mentions(tokens, names, text)], key=lambda n: n.first)
    held = {k for name in names for k in range(name.first, name.last + 1)}
    names = sorted([*names, *given_names_alone(tokens, text, held)], key=lambda n: n.first)
    names_at = {name.first: name for name in names}
    parsed = Parsed(tokens, text, names_at, title_spans(tokens, text, names_at))
    unlinked = unlinked_foreign(tokens, foreign, list(parsed.titles_at.values()), names)
    if unlinked:
        names = [name for name in names if name.first not in unlinked]
        for first in unlinked:
            del names_at[first]
    link_heading_titles(parsed)
    join_titles_over_of(parsed)
    names = outside_titles(parsed, names)
    if name_titles_before_address(parsed, scan):
        names = sorted(names_at.values(), key=lambda n: n.first)
    link_titles_over_owning_organ(parsed)
    unlink_elected_titles(parsed)
    unlink_given_names(parsed)
    before = titles_standing_before(parsed)
    mentions = [mention_of(parsed, name, before.get(name.first, [])) for name in names]
    inherit_markers(parsed, mentions)
    apply_triggers(parsed, mentions)
    mark_firm_leaders(parsed, mentions)
    apply_colon_titles(parsed, mentions)
    share_title_over_and(parsed, mentions)
    share_title_after_pair(parsed, mentions)
    staff_by_unit(parsed, mentions)
    listed_among_officials(parsed, mentions)
    called_employee(parsed, mentions)
    delegation_member(parsed, mentions)
    members_listed_under_body(parsed, mentions)
    give_biography_titles(parsed, mentions)
    mark_replaced(parsed, mentions)
    listing = ListingLines(text)
    persons = place_names_as_persons(parsed, mentions)
    kept = [m for m in mentions if not place_mention(m, persons) and not listing.holds(m.name.start)]
    return merge_mentions(kept, parsed, author_keys(author))


__all__ = ["find_officials"]
