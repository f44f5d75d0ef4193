"""Titles given by election and appointment phrases, handed to the people they speak of."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.facts.officials.context import Parsed, term_end
from extractors.facts.officials.holders import (
    copula_after,
    holder_after_copula,
    is_membership_post,
    replacing_subject,
)
from extractors.facts.officials.mentions import ByFirst, Mention, MentionEnds
from extractors.facts.officials.subjects import (
    addressees_after,
    co_recipient,
    group_before,
    linked_person,
    linked_title_owner,
    members_after_copula,
    recipient_after,
    record_owner,
    subject_after,
)
from extractors.facts.officials.title_lists import list_continues, title_list
from extractors.facts.officials.triggers import ADJACENT_TRIGGERS, nominated, trigger_before
from extractors.facts.person_names import Token
from extractors.facts.titles import TitleSpan

# A decision right before an election or appointment phrase is handed by the person before it, to someone else;
# so is a suspension ("A yêu cầu đình chỉ chức vụ T"), unless the person before suffers it ("A bị đình chỉ").
DECISION_WORDS: frozenset[tuple[str, str]] = frozenset(
    [("quyết", "định"), ("nghị", "quyết"), ("tờ", "trình"), ("đình", "chỉ")]
)

# Verbs of appointment between a decision and the phrase naming the post ("quyết định bổ nhiệm chức vụ T").
APPOINTING_VERBS: frozenset[tuple[str, str]] = frozenset(
    [("bổ", "nhiệm"), ("miễn", "nhiệm"), ("điều", "động"), ("phân", "công"), ("bãi", "nhiệm")]
)

# Forms of address before a listed name, and the marks that end a sentence before a list that opens one.
GROUP_ADDRESS: frozenset[str] = frozenset(["ông", "bà"])
SENTENCE_ENDS: frozenset[str] = frozenset([".", "!", "?"])

MAX_DECIDER_WORDS = 14  # "được Bộ GTVT quyết định", "được Chủ tịch UBND tỉnh Trần Văn B ký quyết định"


@dataclass(frozen=True)
class _Scene:
    """What every trigger of one parsed text reads: its tokens and titles, the people named and, as the triggers are
    read in order, which person each title given by "là"/"làm" went to (keyed by the title's last token, term
    included)."""

    parsed: Parsed
    mentions: list[Mention]
    by_first: ByFirst
    ends: MentionEnds
    linked: dict[int, Mention] = field(default_factory=dict)

    def give(self, person: Mention, titles: list[TitleSpan]) -> None:
        person.titles.extend(titles)
        self.linked[term_end(self.parsed.tokens, titles[-1].last + 1) - 1] = person


def apply_triggers(parsed: Parsed, mentions: list[Mention]) -> None:
    scene = _Scene(parsed, mentions, ByFirst(mentions), MentionEnds(mentions))
    for span in parsed.titles_at.values():
        size = trigger_before(parsed.tokens, span.first)
        if not size and span.next_name is None:
            _give_counted(parsed, scene.by_first, span)
        if not size or span.next_name is not None:
            continue
        start = span.first - size
        if nominated(parsed.tokens, start):
            continue
        titles = [span, *title_list(parsed, list_continues(parsed, span))]
        parsed.listed_with.update((title.first, span) for title in titles[1:])
        adjacent_only = tuple(t.key for t in parsed.tokens[start : span.first]) in ADJACENT_TRIGGERS
        if adjacent_only and parsed.tokens[start - 1].key != "đều":
            _give_after_copula(scene, start, titles)
        elif not _give_to_addressees(scene, titles) and not _give_to_recipient(scene, start, titles):
            _give_to_subject(scene, span, start, titles)


def _give_after_copula(scene: _Scene, start: int, titles: list[TitleSpan]) -> None:
    """ "A là T" is one person's ("ông B và ông A là Giám đốc …" is A's); "A và B đều là T" is both's."""
    parsed, ends = scene.parsed, scene.ends
    person = linked_person(parsed.tokens, start, ends, scene.linked) or _subject_of_a_time(
        parsed, scene.mentions, scene.by_first, ends, start, titles[-1]
    )
    if person is None:
        return
    person = replacing_subject(parsed, ends, person)  # "Bà A thay ông B làm T": A's
    for member in [*_comma_group(parsed, ends, person), *_co_appointed(parsed, ends, person, start), person]:
        member.titles.extend(titles)
    scene.linked[term_end(parsed.tokens, titles[-1].last + 1) - 1] = person


def _give_to_addressees(scene: _Scene, titles: list[TitleSpan]) -> bool:
    """The people the phrase names after the post ("bổ nhiệm T đối với ông A"), or the holder after a copula ("…
    giữ chức T là bà B": B's post); whether there were any."""
    parsed, by_first = scene.parsed, scene.by_first
    targets = [by_first[k] for k in addressees_after(parsed, titles[-1].last + 1) if k in by_first]
    holder = None if targets else holder_after_copula(parsed, by_first, titles[-1])
    targets = [holder] if holder is not None else targets
    if holder is not None and is_membership_post(parsed.tokens, titles[-1]):
        copula = copula_after(parsed.tokens, titles[-1])
        members = [by_first[k] for k in members_after_copula(parsed, copula) if k in by_first] if copula else []
        targets = members or targets
    for target in targets:
        target.titles.extend(titles)
    return bool(targets)


def _give_to_recipient(scene: _Scene, start: int, titles: list[TitleSpan]) -> bool:
    """The post of a decision or paper handed by the person before it to someone else, B when named after it;
    whether the phrase was such a decision (and so given to nobody before it)."""
    parsed = scene.parsed
    # "A trao quyết định phân công làm T (cho ông B)"; "tờ trình của A về việc miễn nhiệm chức vụ T": the post is
    # what the paper is about, not A's.
    handed = _decided_for_another(parsed, start) or _matter_of_a_paper(parsed, start)
    if not handed and not _decided_for_another(parsed, start, past_verb=True):
        return False
    recipient = recipient_after(parsed, scene.by_first, titles[-1])
    if recipient is not None:
        recipient.titles.extend(titles)
        second = co_recipient(parsed, scene.by_first, recipient)
        if second is not None:
            second.titles.extend(titles)
    # "A có quyết định bổ nhiệm giữ chức vụ T" with no one after it is A's: only a named recipient settles it
    return handed or recipient is not None


def _give_to_subject(scene: _Scene, span: TitleSpan, start: int, titles: list[TitleSpan]) -> None:
    """The post of the person (or listed people) the phrase is told of: the owner of a linked title, a passive
    subject, a record's owner, the pronoun's referent, the group before it or the subject after it."""
    parsed, ends = scene.parsed, scene.ends
    owner = linked_title_owner(parsed.tokens, start, scene.linked) or _passive_subject(parsed, ends, start)
    owner = owner or record_owner(parsed, ends, start)
    if owner is None and _pronoun_subject(parsed, start):
        # "… cùng các đồng chí: A, B, C, đồng chí được phân công là T": the pronoun's, not the list's; a career
        # listed after a colon is the person the pronoun stands for ("Đồng chí A …. Hơn 50 năm hoạt động,
        # đồng chí đã trải qua nhiều cương vị công tác, tiêu biểu là: T1; T2")
        pronoun = _pronoun_before(parsed.tokens, start)
        listed = parsed.tokens[span.first - 1].key == ":"
        referent = _pronoun_referent(parsed, scene.mentions, pronoun) if listed else None
        if referent is not None:
            referent.titles.extend(titles)
        return
    group = [owner] if owner is not None else group_before(parsed, ends, start)
    group = list({id(m): m for m in (replacing_subject(parsed, ends, member) for member in group)}.values())
    if not group:  # "Trong thời gian giữ chức T1, T2, bà A (bà) đã ký …"
        subject = subject_after(parsed, scene.mentions, scene.by_first, start, titles[-1])
        group = [subject] if subject is not None else []
    if not group and parsed.tokens[span.first - 1].key == ":":
        pronoun = _clause_pronoun(parsed.tokens, start)
        referent = _pronoun_referent(parsed, scene.mentions, pronoun) if pronoun is not None else None
        group = [referent] if referent is not None else []
    if len(group) == 1 and parsed.tokens[span.first - 1].key == "làm":
        group = [*_co_appointed(parsed, ends, group[0], span.first - 1), *group]
    for mention in group:
        scene.give(mention, titles)


MAX_GROUP = 6  # names listed before one "là"


def _comma_group(parsed: Parsed, ends: MentionEnds, last: Mention) -> list[Mention]:
    """The people listed with commas before `last` when the list opens its sentence and "là" follows it: "Ông A,
    ông B là Phó Cục trưởng …" gives the post to both. Only bare names, each perhaps addressed ("ông", "bà"); a
    list joined by "và" stays the last person's ("ông B và ông A là Giám đốc …")."""
    tokens, group, member = parsed.tokens, [], last
    while len(group) < MAX_GROUP:
        k = member.name.first - 1
        if k >= 0 and tokens[k].key in GROUP_ADDRESS:
            k -= 1
        if k < 0 or tokens[k].key in SENTENCE_ENDS or "\n" in parsed.text[tokens[k].end : member.name.start]:
            return group[::-1] if group else []
        earlier = ends.mention_ending_at(k - 1) if tokens[k].key == "," else None
        if earlier is None or earlier.titles or earlier.end_token != earlier.name.last:
            return []
        group.append(earlier)
        member = earlier
    return []


# Verbs of an election or appointment whose objects may be a list: "bầu ông A, T1, và ông B, T2, làm T".
ELECTING_VERBS: frozenset[tuple[str, ...]] = frozenset(
    [("bầu",), ("bổ", "nhiệm"), ("cử",), ("điều", "động"), ("phân", "công"), ("chuẩn", "y"), ("phê", "chuẩn")]
)
ADDRESS_BEFORE_NAME: frozenset[str] = frozenset(["ông", "bà", "chí"])  # "chí" of "đồng chí"


def _co_appointed(parsed: Parsed, ends: MentionEnds, person: Mention, made: int) -> list[Mention]:
    """The people listed before `person` with "và" as objects of one election or appointment that the "làm" at
    `made` ends: "bầu ông A, T1, và ông B, T2, làm T", "A và B được Thủ tướng bổ nhiệm làm T" give T to A too. A
    copula stays the last person's ("ông B và ông A là Giám đốc …"), as does a list no such verb governs."""
    tokens = parsed.tokens
    if tokens[made].key != "làm":
        return []
    group: list[Mention] = []
    member, joined = person, False
    while len(group) < MAX_GROUP:
        k = _mention_start(parsed, member) - 1
        if k > 0 and tokens[k].key == "và" and not joined:
            joined, k = True, k - 1
            k -= int(tokens[k].key == ",")
        elif not (joined and k > 0 and tokens[k].key == ","):
            break
        else:
            k -= 1
        earlier = ends.mention_ending_at(k)
        if earlier is None:
            break
        group.append(earlier)
        member = earlier
    if not group or not (
        _elected_before(tokens, _mention_start(parsed, member)) or _passive_between(tokens, person.end_token + 1, made)
    ):
        return []
    return group[::-1]


def _mention_start(parsed: Parsed, mention: Mention) -> int:
    """The first token of a mention: its rank or titles before the name and its form of address."""
    first = min([mention.name.first, *(t.first for t in mention.titles if t.last < mention.name.first)])
    while first > 0 and parsed.tokens[first - 1].key in ADDRESS_BEFORE_NAME:
        first -= 2 if parsed.tokens[first - 1].key == "chí" else 1
    return first


def _elected_before(tokens: list[Token], first: int) -> bool:
    return any(tuple(t.key for t in tokens[max(0, first - len(v)) : first]) == v for v in ELECTING_VERBS)


def _passive_between(tokens: list[Token], first: int, made: int) -> bool:
    """Whether the words between a list's last person and "làm" hold "được" ("… được Thủ tướng bổ nhiệm làm")."""
    gap = tokens[first:made]
    return len(gap) <= MAX_DECIDER_WORDS and any(t.key == "được" for t in gap) and all(t.is_word for t in gap)


# Words before "làm"/"là" that make it a time in someone's career ("trong thời gian làm T", "lúc làm T", "khi còn
# là T", "nhiều năm làm T"): the post is that of the clause's subject, named before or right after it.
TIME_WORDS: frozenset[str] = frozenset(["gian", "lúc", "khi", "năm", "còn"])


def _subject_of_a_time(
    parsed: Parsed, mentions: list[Mention], by_first: ByFirst, ends: MentionEnds, start: int, last: TitleSpan
) -> Mention | None:
    """The person a "làm"/"là" after a time word speaks of: the one closest before it in its clause ("bà A, T1,
    có sai phạm trong thời gian làm T2"), else the one named right after the titles ("Trước khi làm T, ông B")."""
    if start == 0 or parsed.tokens[start - 1].key not in TIME_WORDS:
        return None
    group = group_before(parsed, ends, start)
    if group:
        return group[0]
    return subject_after(parsed, mentions, by_first, start, last)


def _give_counted(parsed: Parsed, by_first: ByFirst, span: TitleSpan) -> None:
    """A counted post after an appointment phrase goes to the people "đối với" or "là" names after it: "bổ nhiệm
    2 Thẩm phán TAND tối cao đối với ông A và ông B", "bổ nhiệm 3 Thứ trưởng là A (…); B (…) và C (…)". Without
    them the count names no one ("bổ nhiệm 3 Phó Giám đốc")."""
    tokens, first = parsed.tokens, span.first
    if first < 2 or not tokens[first - 1].key.isdigit() or not trigger_before(tokens, first - 1):
        return
    listed = addressees_after(parsed, span.last + 1) or members_after_copula(parsed, span.last + 1)
    for k in listed:
        if k in by_first:
            by_first[k].titles.append(span)


def _decided_for_another(parsed: Parsed, start: int, past_verb: bool = False) -> bool:
    """Whether a decision or a suspension stands right before the election phrase at `start`, not suffered by
    the person before it ("bị đình chỉ chức vụ T" is that person's own post)."""
    if past_verb:  # "quyết định bổ nhiệm chức vụ T": the decision two words further back
        if start < 4 or (parsed.tokens[start - 2].key, parsed.tokens[start - 1].key) not in APPOINTING_VERBS:
            return False
        start -= 2
        start = _past_issuer(parsed.tokens, start)
    if start < 2 or (parsed.tokens[start - 2].key, parsed.tokens[start - 1].key) not in DECISION_WORDS:
        return False
    if start > 2 and parsed.tokens[start - 3].key == "bị":
        return False
    # "A được Bộ B quyết định giữ chức T": the post is A's, whoever decided it
    for k in range(start - 3, max(-1, start - 3 - MAX_DECIDER_WORDS), -1):
        if not parsed.tokens[k].is_word:
            break
        if parsed.tokens[k].key == "được":
            return False
    return True


MAX_ISSUER_WORDS = 6  # "Quyết định của Thủ tướng Chính phủ bổ nhiệm …"


def _past_issuer(tokens: list[Token], start: int) -> int:
    """Where a decision's issuer "của …" opens when one stands right before `start` (its appointing verb):
    "Quyết định của Chủ tịch nước bổ nhiệm chức vụ T" reads as "Quyết định bổ nhiệm chức vụ T"; else `start`."""
    for k in range(start - 1, max(1, start - 2 - MAX_ISSUER_WORDS), -1):
        if not tokens[k].is_word:
            return start
        if tokens[k].key == "của":
            return k if k < start - 1 else start
    return start


def _matter_of_a_paper(parsed: Parsed, start: int) -> bool:
    """Whether "về việc" (an appointing verb perhaps between) stands right before the phrase at `start`: a paper
    or a talk about a post ("tờ trình về việc miễn nhiệm chức vụ T"), unless the person before receives it or has
    it done to them ("A nhận quyết định về việc bổ nhiệm chức vụ T", "A được … về việc …")."""
    tokens = parsed.tokens
    if start >= 2 and (tokens[start - 2].key, tokens[start - 1].key) in APPOINTING_VERBS:
        start -= 2
    start = _past_matter_words(tokens, start)
    if start < 2 or (tokens[start - 2].key, tokens[start - 1].key) != ("về", "việc"):
        return False
    for k in range(start - 3, max(-1, start - 3 - MAX_DECIDER_WORDS), -1):
        if not tokens[k].is_word:
            break
        if tokens[k].key in RECEIVING_WORDS:
            return False
    return True


MAX_MATTER_WORDS = 4  # "về việc chỉ định nhân sự giữ chức T", "về việc điều động, chỉ định cán bộ giữ chức T"


def _past_matter_words(tokens: list[Token], start: int) -> int:
    """Where "về việc" ends when a few lower-case words of the matter stand between it and the phrase at `start`
    ("Quyết định … về việc chỉ định nhân sự giữ chức T": the post is the one the paper fills); else `start`."""
    for k in range(start - 1, max(0, start - 2 - MAX_MATTER_WORDS), -1):
        if (tokens[k - 1].key, tokens[k].key) == ("về", "việc"):
            return k + 1
        if not tokens[k].is_lower_word:
            break
    return start


# Words before a paper that make its matter the person's own ("A nhận quyết định về việc …", "A được …").
RECEIVING_WORDS: frozenset[str] = frozenset(["nhận", "được", "bị"])


def _passive_subject(parsed: Parsed, ends: MentionEnds, start: int) -> Mention | None:
    """The person before "được" when the one who decides is named between it and the phrase at `start` ("A được
    Chủ tịch UBND tỉnh B ký quyết định bổ nhiệm giữ chức T"): the post is A's, not B's."""
    tokens = parsed.tokens
    for k in range(start - 1, max(-1, start - 1 - MAX_DECIDER_WORDS), -1):
        if not tokens[k].is_word:
            return None
        if tokens[k].key == "được":
            earlier = ends.before(start)
            if not earlier or ends.at(earlier, -1).end_token < k:
                return None  # no one named between "được" and the phrase: the usual subject rules apply
            group = group_before(parsed, ends, k)
            return group[0] if group else None
    return None


# A person spoken of without a name: "đồng chí", "ông", "bà" right before an appointment phrase.
PRONOUNS: tuple[tuple[str, ...], ...] = (("đồng", "chí"), ("ông",), ("bà",))
PRONOUN_SKIP: frozenset[str] = frozenset(["được", "đã", "vừa", "cũng", "từng", "lại"])
MAX_PRONOUN_SKIP = 3


MAX_REFERENT_REACH = 120  # tokens back to the sentence that names the person a pronoun stands for


def _pronoun_before(tokens: list[Token], start: int) -> int:
    """The index after the pronoun that `_pronoun_subject` found before the phrase at `start`."""
    k = start
    while k > 0 and start - k < MAX_PRONOUN_SKIP and tokens[k - 1].key in PRONOUN_SKIP:
        k -= 1
    return k


MAX_CLAUSE_REACH = 20


def _clause_pronoun(tokens: list[Token], start: int) -> int | None:
    """The index after a bare pronoun that is the subject of the sentence the phrase at `start` ends ("Hơn 50 năm
    hoạt động, đồng chí đã trải qua nhiều cương vị công tác, tiêu biểu là:"), else None."""
    for m in range(start - 1, max(0, start - MAX_CLAUSE_REACH), -1):
        key = tokens[m].key
        if key in SENTENCE_ENDS:
            return None
        after = tokens[m + 1] if m + 1 < len(tokens) else None
        if after is None or not after.is_lower_word or not tokens[m].is_lower_word:
            continue
        if key in GROUP_ADDRESS or (key == "chí" and tokens[m - 1].key == "đồng"):
            return m + 1
    return None


def _pronoun_referent(parsed: Parsed, mentions: list[Mention], k: int) -> Mention | None:
    """The person a bare pronoun ending before token `k` stands for: the last person named before its sentence,
    in a sentence of their own and addressed by the same pronoun ("Đồng chí A được kết nạp …"), when the
    pronoun's sentence names no one."""
    tokens = parsed.tokens
    start = k
    reach = range(k - 1, max(-1, k - MAX_REFERENT_REACH), -1)
    sentence = next((m for m in reach if tokens[m].key in SENTENCE_ENDS), None)
    if sentence is None:
        return None
    before = [m for m in mentions if m.name.last < start]
    if not before or before[-1].name.last > sentence:
        return None  # the pronoun's own sentence names someone
    last = before[-1]
    first = last.name.first
    if start - first > MAX_REFERENT_REACH or first < 1 or tokens[first - 1].key != tokens[k - 1].key:
        return None
    address = first - (2 if tokens[first - 1].key == "chí" else 1)
    opener = tokens[address - 1] if address > 0 else None
    return last if opener is None or opener.key in SENTENCE_ENDS or opener.key == "\n" else None


def _pronoun_subject(parsed: Parsed, start: int) -> bool:
    """Whether a bare pronoun is the subject of the phrase at `start` ("đồng chí được phân công là T"): the
    person the article is about, not the people named just before it."""
    tokens = parsed.tokens
    k = start
    while k > 0 and start - k < MAX_PRONOUN_SKIP and tokens[k - 1].key in PRONOUN_SKIP:
        k -= 1
    keys = tuple(t.key for t in tokens[max(0, k - 2) : k])
    if not any(keys[-len(p) :] == p for p in PRONOUNS):
        return False
    before = k - (2 if keys[-2:] == ("đồng", "chí") else 1) - 1
    return before < 0 or not tokens[before].is_word or tokens[before].is_lower_word
