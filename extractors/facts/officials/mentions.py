"""A name mention with its marker and titles, and lookups over the mentions in text order."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from extractors.facts.officials.context import Parsed, leader_after_title, term_end
from extractors.facts.officials.markers import LIST_MARKERS, OFFICIAL_MARKERS, deputy_word, marker_before
from extractors.facts.officials.title_lists import titles_after
from extractors.facts.person_names import ADDRESS_TERMS, NameSpan, Token, name_key, tokenize, words
from extractors.facts.titles import TitleSpan, head_length

# Titles in a business are not public roles ("Giám đốc Công ty TNHH ...", "Chủ nhiệm HTX ...", "Chủ tịch
# PVcomBank"): they make no one an official, but an official's business posts are among their titles. Party
# and state bodies for businesses ("Đảng ủy Khối Doanh nghiệp", "Liên minh Hợp tác xã") are public.
_BUSINESS_TITLE = re.compile(
    r"\b(?:công ty|cty|ctcp|cổ phần|doanh nghiệp|hợp tác xã|htx|tổ hợp tác|cửa hàng|tnhh|tập đoàn|hđqt"
    r"|hội đồng quản trị|giám đốc điều hành|ban kiểm soát"  # a joint-stock company's supervisory board
    r"|[a-z]*group"  # groups named by their brand ("Sun Group", "Vingroup"); the state's are "Tập đoàn …"
    # joint-stock banks named by their brand ("LienVietPostBank", "PVcomBank", "Eximbank"); not those the state
    # owns or controls (Agribank, Vietcombank, VietinBank), left undecided
    r"|(?!(?:agri|vietcom|vietin)bank\b)[a-z]+bank)\b",
    re.IGNORECASE,
)
# Public bodies whose posts carry business words: the Party's committees in firms, the cooperatives' alliance, and
# the United Nations' agencies, whose heads are "Giám đốc điều hành" ("Giám đốc điều hành UNICEF A").
_PUBLIC_BODY = re.compile(
    r"\b(?:đảng ủy|đảng bộ|liên minh|liên hợp quốc|quỹ nhi đồng|unicef|undp|unfpa|unesco|unaids|unhcr|wfp|fao)\b",
    re.IGNORECASE,
)
# "doanh nghiệp" as the field of a public organ ("Phòng Tài chính doanh nghiệp" of a department, "Trung tâm Hỗ trợ
# doanh nghiệp", "Cục Phát triển doanh nghiệp") names no business; nor does an association of businesses ("Hiệp hội
# Doanh nghiệp nhỏ và vừa tỉnh A", "Hội Doanh nghiệp trẻ"), whose elected officers the annotation counts as officials.
_PUBLIC_ORGAN_FIELD = re.compile(
    r"\b((?:phòng|trung tâm|cục|vụ|sở|ban|khối|viện|hiệp hội|hội(?!\s+đồng\b))\s+"
    r"(?:(?!của\b)[^\s,;()]+\s+){0,3})doanh nghiệp\b",
    re.IGNORECASE,
)
# The state's economic groups, named "Tập đoàn/Tổng công ty <field> Việt Nam" with no company form ("Tập đoàn Điện
# lực Việt Nam", "Tổng công ty Đường sắt Việt Nam"), or by their acronyms: their heads are public appointees.
# Fields of the state's groups, which the press also writes in lower case ("Tập đoàn dầu khí Việt Nam").
STATE_GROUP_FIELDS: tuple[str, ...] = ("dầu khí", "điện lực", "than", "bưu chính", "viễn thông", "hóa chất", "cao su")
_STATE_GROUP = re.compile(
    r"\b(?:[Tt]ập đoàn|[Tt]ổng [Cc]ông ty) (?:[A-ZĐÀ-Ỹ][\w-]*|(?:" + "|".join(STATE_GROUP_FIELDS) + r"))"
    r"(?: [\w-]+){0,5} ?Việt [Nn]am\b|\b(?:EVN|PVN|TKV|VNPT)\b"
    # a "Tổng công ty" is the state's general corporation (the 90/91 corporations and their successors) unless a
    # company form says it was equitised; the press names it alone once the article has named it ("Phó Tổng Giám
    # đốc Tổng công ty"), or by its city ("Tổng công ty Thương mại Hà Nội", "Tổng công ty Đường sắt VN")
    r"|\b[Tt]ổng [Cc]ông ty\b"
)
_COMPANY_FORM = re.compile(r"\b(?:cổ phần|ctcp|tnhh)\b", re.IGNORECASE)
# Posts that a firm has as well as the state, written without their body ("Chủ tịch", "Phó Tổng Giám đốc"): beside
# a business post of the same person ("Chủ tịch Kiều B" and "Chủ tịch HĐQT Sacombank") they are that firm's.
_BARE_BUSINESS_POST_WORDS: frozenset[str] = words("phó chủ tịch tổng giám đốc thường trực thành viên tgđ gđ pgđ ceo")


@dataclass
class Mention:
    """One occurrence of a name with what its context says about the person."""

    name: NameSpan
    marker: str = ""  # "comrade", "delegate", "address", "religious", "private", "rank" or ""
    titles: list[TitleSpan] = field(default_factory=list)
    end_token: int = 0
    led_firm: bool = False  # "Công ty A do ông B làm giám đốc": the bare post after the name is the firm's
    deputy: TitleSpan | None = None  # the bare "ĐB"/"đại biểu" before the name (or its list's), among `titles`
    constituency: bool = False  # a province in parentheses right after the name ("ĐB Lê Nam (Thanh Hóa)")
    replaced: bool = False  # named as replaced in a post ("thay ông A nghỉ hưu"): an official with no title

    @property
    def official(self) -> bool:
        if self.marker == "delegate" and self.name.last - self.name.first < 2:
            # "đại biểu Lương Sơn" is more often a district's delegation than a person; "ĐB Lê Nam (Thanh Hóa)",
            # with the deputy's province after it, is a person
            return self.constituency or any(_public(span) for span in self.titles if span is not self.deputy)
        if self.marker == "comrade" and self.titles and not any(_public(span) for span in self.titles):
            return False  # "đồng chí A - Chủ tịch HĐQT kiêm Tổng giám đốc Công ty": a business post, no public role
        if self.marker == "private" and all(_bare_lower_head(span) for span in self.titles):
            return False  # "chị A, ngụ quận B, giám đốc một công ty", "anh A (trưởng đoàn khách)": no body named
        return any(_public(span) for span in self.titles) or self.marker in OFFICIAL_MARKERS or self.replaced

    @property
    def business_post(self) -> bool:
        """Whether a title of this mention is a post in a business ("Chủ tịch HĐQT Sacombank")."""
        if self.led_firm and any(_bare_business_post(span) for span in self.titles):
            return True
        return any(not _public(span) for span in self.titles)

    @property
    def official_beside_business(self) -> bool:
        """`official` for a person whom another mention gives a business post: a bare post that firms have too
        ("Chủ tịch Kiều B") no longer makes them an official; a public body's post or a marker still does."""
        if not self.official:
            return False
        return self.marker in OFFICIAL_MARKERS or any(
            _public(span) and not _bare_business_post(span) for span in self.titles
        )


# The heads of a delegation, which no body names ("anh A, trưởng đoàn").
DELEGATION_HEADS: frozenset[str] = frozenset(["trưởng đoàn", "phó trưởng đoàn", "phó đoàn"])


def _bare_lower_head(span: TitleSpan) -> bool:
    """A post written in lower case with no body ("giám đốc", "trưởng đoàn")."""
    if not span.text[:1].islower():
        return False
    if span.text in DELEGATION_HEADS:
        return True
    tokens = tokenize(span.text)
    return head_length(tokens, 0, lower_ok=True) == len(tokens)


def _bare_business_post(span: TitleSpan) -> bool:
    return all(word in _BARE_BUSINESS_POST_WORDS for word in span.text.lower().split())


# How far back from "do" a firm's name may open its clause ("Công ty TNHH A (xã B, huyện C) do bà D làm giám đốc").
MAX_FIRM_CLAUSE_TOKENS = 30
CLAUSE_ENDS: frozenset[str] = frozenset([".", ";", ":", "!", "?"])


def mark_firm_leaders(parsed: Parsed, mentions: list[Mention]) -> None:
    """Names after "do" in a clause that opens on a firm ("ký hợp đồng với công ty CP A do ông B làm giám đốc"),
    and names whose bare post after them runs on to a firm ("ông B, Chủ tịch ngành hóa chất của Tập đoàn C", "bà
    B, Phó Tổng Giám đốc, Công ty cổ phần C"): the bare post is the firm's (`Mention.business_post`)."""
    tokens = parsed.tokens
    for mention in mentions:
        if any(_post_runs_on_to_firm(parsed, span) for span in mention.titles if span.first > mention.name.last):
            mention.led_firm = True
            continue
        k = mention.name.first - 1
        if k >= 0 and tokens[k].key in ADDRESS_TERMS:
            k -= 1
        if k < 1 or tokens[k].key != "do":
            continue
        start = k
        while start > 0 and k - start < MAX_FIRM_CLAUSE_TOKENS and tokens[start - 1].key not in CLAUSE_ENDS:
            start -= 1
        clause = parsed.text[tokens[start].start : tokens[k].start].rsplit("\n", 1)[-1]  # within its paragraph
        mention.led_firm = not _public_text(clause)


# How far past a bare post its firm may be named ("Phó Chủ tịch cấp cao A Energy kiêm Tổng giám đốc A Energy Việt
# Nam (Tập đoàn A)").
MAX_POST_TAIL_TOKENS = 14
# The first words of a firm's name after a comma ("…, Công ty cổ phần A", "…, Tập đoàn B").
FIRM_WORDS: frozenset[str] = words("công tập tổng ngân")


def _post_runs_on_to_firm(parsed: Parsed, span: TitleSpan) -> bool:
    """Whether the words after a bare post that firms have too, up to its clause's end, name a firm."""
    if not _bare_business_post(span):
        return False
    tokens = parsed.tokens
    j = span.last + 1
    if j + 1 < len(tokens) and tokens[j].key in (",", "-", "–") and tokens[j + 1].key in FIRM_WORDS:
        j += 1  # "Phó Tổng Giám đốc, Công ty cổ phần A"
    end = j
    while end < min(len(tokens), j + MAX_POST_TAIL_TOKENS) and tokens[end].key not in CLAUSE_ENDS | {",", ")"}:
        end += 1
    if end == j:
        return False
    tail = parsed.text[tokens[j].start : tokens[end - 1].end]
    return "\n" not in tail and not _public_text(tail)


def _public(span: TitleSpan) -> bool:
    return _public_text(span.text)


def _public_text(text: str) -> bool:
    if _STATE_GROUP.search(text) and not _COMPANY_FORM.search(text):
        return True
    text = _PUBLIC_ORGAN_FIELD.sub(r"\1", text)
    return not _BUSINESS_TITLE.search(text) or bool(_PUBLIC_BODY.search(text))


def place_mention(mention: Mention, persons: frozenset[str] = frozenset()) -> bool:
    """A listed place name ("phường Lê Hồng Phong") is a person only after "đồng chí", or where a title or a form
    of address goes with it once another mention made it one (`persons`, by name key)."""
    if not mention.name.place_like or mention.marker == "comrade":
        return False
    return name_key(mention.name.text) not in persons or not (mention.titles or mention.marker)


def place_names_as_persons(parsed: Parsed, mentions: list[Mention]) -> frozenset[str]:
    """Keys of listed place names that the text makes persons: called "đồng chí", addressed as "ông"/"bà" with a
    title ("Ông Trần Quốc B - Phó Chủ tịch UBND TP"; a street takes no form of address), or a leader a street is
    named after, right after a title (`leader_after_title`)."""
    return frozenset(
        name_key(m.name.text)
        for m in mentions
        if m.name.place_like
        and (
            m.marker == "comrade"
            or (m.marker == "address" and m.titles)
            or any(leader_after_title(parsed.tokens, t, m.name) for t in m.titles)
        )
    )


def mention_of(parsed: Parsed, name: NameSpan, titles_before: list[TitleSpan]) -> Mention:
    tokens = parsed.tokens
    mention = Mention(name, marker_before(tokens, name.first), end_token=name.last)
    word = deputy_word(tokens, name.first) if not titles_before else None
    if word is not None and not mention.marker:
        mention.marker = "delegate"  # "nhiều đại biểu như A (T), B": a deputy, as "đại biểu A" is
    delegate = word is not None or mention.marker == "delegate"  # "Các đại biểu: A (Đà Nẵng), …" has no bare title
    mention.constituency = delegate and _constituency_after(tokens, name.last)
    if word is not None and not _delegation_after(tokens, name.last):
        start, end = tokens[word[0]].start, tokens[word[1]].end
        mention.deputy = TitleSpan(word[0], word[1], start, end, parsed.text[start:end])
        mention.titles.append(mention.deputy)
    mention.titles.extend(titles_before)
    if name.given_only and titles_before:
        return mention  # "ý kiến của Bộ trưởng Thể, Thủ tướng nêu rõ": a short mention's title stands before it
    after = titles_after(parsed, name.last + 1)
    if after and _topic_then_speaker(parsed, name, after[0]):
        after = []
    mention.titles.extend(after)
    if after:
        mention.end_token = after[-1].last
    return mention


# Openings of a sentence's fronted topic ("Đối với trường hợp của ông A, Tổng Bí thư nhấn mạnh …"): the person
# named in it is what the sentence speaks about, and the title after its comma is the subject's.
TOPIC_OPENERS: tuple[tuple[str, ...], ...] = (
    ("đối", "với"),
    ("về", "trường", "hợp"),
    ("với", "trường", "hợp"),
    ("riêng", "trường", "hợp"),
    ("riêng", "với"),
    ("liên", "quan", "đến"),
    ("liên", "quan", "tới"),
)
# Words that may stand between a topic's opening and the name ("trường hợp của ông", "việc của bà").
TOPIC_FILLERS: frozenset[str] = words("trường hợp của việc các") | ADDRESS_TERMS
SENTENCE_STOPS: frozenset[str] = frozenset([".", "!", "?", ":", ";"])


def _topic_start(tokens: list[Token], first: int) -> int | None:
    """Where a topic opening (`TOPIC_OPENERS`) starts that only fillers separate from the name at `first`."""
    k, found = first - 1, None
    while k >= 0:
        opener = next((o for o in TOPIC_OPENERS if tuple(t.key for t in tokens[k - len(o) + 1 : k + 1]) == o), None)
        if opener is not None and k - len(opener) + 1 != found:
            found = k - len(opener) + 1  # "Đối với trường hợp": "với trường hợp" is an opening too; the earliest
            k = found  # an opening may end on this one's first word ("đối với" on "với trường hợp")
        elif tokens[k].is_word and tokens[k].key in TOPIC_FILLERS:
            k -= 1
        else:
            break
    return found


def _topic_then_speaker(parsed: Parsed, name: NameSpan, title: TitleSpan) -> bool:
    """Whether `name` ends a sentence's fronted topic and `title`, after its comma, opens the main clause: a bare
    subject whose verb follows it with no closing comma ("Đối với trường hợp của ông A, Tổng Bí thư nhấn mạnh")."""
    tokens, text = parsed.tokens, parsed.text
    start = _topic_start(tokens, name.first)
    if start is None:
        return False
    opens_sentence = start == 0 or tokens[start - 1].key in SENTENCE_STOPS
    if not opens_sentence and "\n" not in text[tokens[start - 1].end : tokens[start].start]:
        return False
    if name.last + 1 >= len(tokens) or tokens[name.last + 1].key != ",":
        return False
    after = term_end(tokens, title.last + 1)
    return after < len(tokens) and tokens[after].is_lower_word and tokens[after].key not in ("và", "kiêm")


# How long a deputy's constituency in parentheses may be between two listed deputies ("(Đoàn Bà Rịa-Vũng Tàu)").
MAX_CONSTITUENCY_TOKENS = 10


# Words that may open a deputy's constituency in parentheses before its capitalised name ("(đoàn Bến Tre)").
CONSTITUENCY_OPENERS: frozenset[str] = words("đoàn tỉnh tp thành phố")
MAX_PLACE_WORDS = 5


def _constituency_after(tokens: list[Token], last: int) -> bool:
    """Whether a short parenthesis right after a name ending at `last` holds only a place ("(Thanh Hóa)", "(đoàn
    Bến Tre)", "(TP.HCM)"): a deputy's province."""
    if last + 2 >= len(tokens) or tokens[last + 1].key != "(":
        return False
    k = last + 2
    while k < len(tokens) and tokens[k].key in CONSTITUENCY_OPENERS and not tokens[k].is_cap:
        k += 1
    start = k
    while k < len(tokens) and k - start < MAX_PLACE_WORDS and (tokens[k].is_cap or tokens[k].key in ".-"):
        k += 1
    return start < k < len(tokens) and tokens[k].key == ")"


def _delegation_after(tokens: list[Token], last: int) -> bool:
    """Whether a parenthesis right after a name ending at `last` names the deputy's delegation in full ("đại biểu A
    (Đoàn đại biểu Quốc hội tỉnh B)", "(Đoàn ĐBQH tỉnh B)"): the fuller form of the post is given, so the bare word
    before the name is not listed (README, batch 8)."""
    if last + 3 >= len(tokens) or tokens[last + 1].key != "(":
        return False
    keys = [t.key for t in tokens[last + 2 : last + 2 + MAX_CONSTITUENCY_TOKENS]]
    keys = keys[: keys.index(")")] if ")" in keys else keys
    pairs = set(zip(keys, keys[1:], strict=False))
    return "đbqh" in keys or ("biểu", "quốc") in pairs or ("biểu", "hđnd") in pairs


def _after_constituency(gap: list[Token]) -> list[Token]:
    """`gap` without the parenthesis that opens it ("(Đoàn Thái Bình), B": the first deputy's province)."""
    if len(gap) < 3 or gap[0].key != "(":
        return gap
    for k, token in enumerate(gap[1 : MAX_CONSTITUENCY_TOKENS + 1], 1):
        if token.key == ")":
            return gap[k + 1 :]
        if token.key == "(":
            break
    return gap


def inherit_markers(parsed: Parsed, mentions: list[Mention]) -> None:
    """Unmarked names listed right after a marked one ("các đồng chí: A, T; B, T") share its marker; listed
    deputies share the bare "ĐB"/"đại biểu" before the first as their title ("các đại biểu A (Đoàn X), B")."""
    tokens = parsed.tokens
    prev: Mention | None = None
    for mention in mentions:
        # (a delegate listed after a colon has no bare title, "Các đại biểu: A (Đà Nẵng), B", and still a province)
        constituent = prev is not None and (prev.deputy is not None or prev.marker == "delegate")
        if prev is not None and constituent and _in_parenthesis_after(tokens, prev, mention):
            continue  # "các đại biểu A (Đoàn Hà Giang), B": the province, read as a name, is no list item
        if prev is not None and not mention.marker and prev.marker in LIST_MARKERS:
            gap = tokens[prev.end_token + 1 : mention.name.first]
            if gap and gap[0].key == ")" and prev.titles and prev.titles[-1].last == prev.end_token:
                gap = gap[1:]  # past the parenthesis of the item's own post: "A (Phó đoàn Thái Bình), B"
            if constituent:
                gap = _after_constituency(gap)
            if gap and all(t.key in (",", ";", "và") for t in gap):
                mention.marker = prev.marker
                mention.constituency = constituent and _constituency_after(tokens, mention.name.last)
                if prev.deputy is not None and not _delegation_after(tokens, mention.name.last):
                    mention.deputy = prev.deputy
                    mention.titles.insert(0, prev.deputy)
        prev = mention


def _in_parenthesis_after(tokens: list[Token], prev: Mention, mention: Mention) -> bool:
    """Whether `mention` stands in a parenthesis right after `prev` ends ("A (Đoàn Hà Giang)")."""
    gap = tokens[prev.end_token + 1 : mention.name.first]
    return bool(gap) and gap[0].key == "(" and ")" not in [t.key for t in gap] and len(gap) <= 2


# Lower-case unit nouns that name where a public employee works, in place of a title ("ông B, phòng Vật tư").
STAFF_UNIT_WORDS: frozenset[str] = words("phòng khoa ban tổ đội")
MAX_UNIT_TOKENS = 6
ITEM_SEPARATORS: frozenset[str] = frozenset([",", ";", "và"])


def _unit_end(tokens: list[Token], last: int) -> int | None:
    """The last token of ", <unit noun> <Unit name>" right after a name ending at `last` ("…, khoa Thận nhân
    tạo"), or None."""
    if last + 3 >= len(tokens) or tokens[last + 1].key != ",":
        return None
    noun, field_ = tokens[last + 2], tokens[last + 3]
    if not noun.is_lower_word or noun.key not in STAFF_UNIT_WORDS or not (field_.is_word and field_.is_cap):
        return None
    end = last + 3
    while end + 1 < min(len(tokens), last + 3 + MAX_UNIT_TOKENS):
        nxt = tokens[end + 1]
        if not nxt.is_word or nxt.key == "và" or nxt.key in ADDRESS_TERMS:
            break
        end += 1
    return end


def staff_by_unit(parsed: Parsed, mentions: list[Mention]) -> None:
    """People addressed "ông"/"bà" and named with their unit only, listed right after an official ("gồm: ông A,
    Giám đốc bệnh viện; ông B, phòng Vật tư và bà C, khoa Thận nhân tạo"), are public employees of the same body:
    officials without a title (a unit is not one)."""
    tokens = parsed.tokens
    prev_end: int | None = None  # where the list item before the current mention ends, while the list goes on
    for mention in mentions:
        first = mention.name.first
        unit_end = None
        if mention.marker == "address" and not mention.titles and not mention.name.given_only:
            unit_end = _unit_end(tokens, mention.name.last)
        gap = tokens[prev_end + 1 : first - 1] if prev_end is not None and first - 1 > prev_end else None
        listed = bool(gap) and all(t.key in ITEM_SEPARATORS for t in gap or [])
        if unit_end is not None and listed:
            mention.marker = "staff"
            prev_end = unit_end
        elif mention.marker == "address" and mention.titles and mention.official:
            prev_end = mention.end_token
        else:
            prev_end = None


class ByFirst(dict[int, Mention]):
    """Mentions by their name's first token, with those tokens in order (mentions come in text order)."""

    def __init__(self, mentions: list[Mention]) -> None:
        super().__init__((m.name.first, m) for m in mentions)
        self.firsts = [m.name.first for m in mentions]


class MentionEnds:
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
