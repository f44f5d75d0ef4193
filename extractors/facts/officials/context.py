"""The parsed text the officials rules share, and small token helpers: forms of address, terms, parentheses,
clause ends, lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.facts.person_names import ADDRESS_TERMS, LEADER_ALIASES, NameSpan, Token, not_persons, words
from extractors.facts.titles import TitleSpan, comrade_length, skip_term

CLAUSE_END: frozenset[str] = frozenset(";.?!")
MAX_ITEM_TOKENS = 40


@dataclass
class Parsed:
    """The text, its tokens and the names and titles found in it, as every step of the rules reads them."""

    tokens: list[Token]
    text: str
    names_at: dict[int, NameSpan]
    titles_at: dict[int, TitleSpan]
    # A title listed after the first one an election or appointment phrase gives ("được bổ nhiệm các chức vụ:
    # T1, T2 rồi T3") -> that first title, whose words say the status of all of them.
    listed_with: dict[int, TitleSpan] = field(default_factory=dict)
    # First tokens of the titles a career summary dates to a closed past range ("Từ năm 1995 đến năm 2001: T"):
    # former posts, unless the text also gives them elsewhere.
    past_posts: set[int] = field(default_factory=set)


# Words before a post that speak of its holder, not of a person named after it: "Thừa ủy quyền của Chủ tịch UBND
# tỉnh, Bí thư Huyện ủy A trao …", "Thay mặt Chủ tịch nước, Phó Chủ tịch B …".
ON_BEHALF_OF: frozenset[tuple[str, ...]] = frozenset(
    [("của",), ("thay", "mặt"), ("ủy", "quyền"), ("thừa", "quyền"), ("thừa", "lệnh")]  # "Thừa quyền" as misspelt
)
# Prepositions that make a post the object of a clause whose subject is addressed after it: "Báo cáo với Bí thư
# Thành ủy, bà C cho biết …" (but "làm việc với Bí thư Tỉnh ủy D" names D's post).
ADDRESSED_TO: frozenset[str] = frozenset(["với", "gửi", "lên"])
# Verbs of receiving or meeting someone, whose object may open the sentence before its subject ("Tiếp Chủ tịch
# Tập đoàn X, Thủ tướng B …", "Khi gặp Bí thư Tỉnh ủy, Bộ trưởng C …", "Hội kiến Tổng thống Lào, …").
MEETING_VERBS: frozenset[str] = frozenset(["tiếp", "gặp", "đón", "kiến"])


def _preceded_by(tokens: list[Token], first: int, cue: tuple[str, ...]) -> bool:
    return tuple(t.key for t in tokens[max(0, first - len(cue)) : first]) == cue


def on_behalf_of(tokens: list[Token], first: int) -> bool:
    """Whether the title starting at token `first` follows an "on behalf of" phrase or "của"."""
    return any(_preceded_by(tokens, first, cue) for cue in ON_BEHALF_OF)


MAX_FRONTED_VERB = 3  # "Báo cáo với", "Trao đổi thêm với"


def fronted_addressee(tokens: list[Token], first: int, text: str) -> bool:
    """Whether the title at token `first` is the object of a phrase opening its sentence ("Báo cáo với Bí thư
    Thành ủy, Phó Giám đốc Sở B cho biết"): the subject comes after the comma, so the titles before it are
    someone else's ("Đoàn làm việc với Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh A" lists A's posts)."""
    if first < 1:
        return False
    if tokens[first - 1].key in MEETING_VERBS:  # "Tiếp Chủ tịch Tập đoàn X, Thủ tướng B đề nghị …"
        start = first - 1
    elif first >= 2 and tokens[first - 1].key in ADDRESSED_TO:
        start = first - 2
    else:
        return False
    for k in range(start, max(-1, start - MAX_FRONTED_VERB), -1):
        if not tokens[k].is_word:
            return False
        if opens_sentence(tokens, text, k, SENTENCE_START_MARKS | QUOTES):
            return True
    return False


# Marks after which a token opens its sentence; an opening quotation mark opens a quoted one.
SENTENCE_START_MARKS: frozenset[str] = CLAUSE_END | {":"}
QUOTES: frozenset[str] = frozenset(["“", '"'])


def opens_sentence(tokens: list[Token], text: str, k: int, marks: frozenset[str] = SENTENCE_START_MARKS) -> bool:
    """Whether token `k` opens its sentence or its line: the text's start, a line break or one of `marks` before."""
    if k == 0:
        return True
    before = tokens[k - 1]
    return before.key in marks or "\n" in text[before.end : tokens[k].start]


def post_of_another(tokens: list[Token], first: int) -> bool:
    """Whether the title starting at token `first` is governed by "của", a preposition or an "on behalf of"
    phrase, so that a person addressed after its comma is someone else."""
    return on_behalf_of(tokens, first) or (first > 0 and tokens[first - 1].key in ADDRESSED_TO)


# Words that make the title after them plural ("các Phó Chủ tịch", "hai ĐBQH", "3 phó trưởng ban"): the names
# right after it are each one of them.
PLURAL_WORDS: frozenset[str] = frozenset(
    ["các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
)


def plural_before(tokens: list[Token], first: int) -> bool:
    """Whether a plural word or a number stands right before token `first`."""
    key = tokens[first - 1].key if first > 0 else ""
    return key in PLURAL_WORDS or key.isdigit()


def alone_on_line(parsed: Parsed, first: int, last: int, cells: bool = False) -> bool:
    """Whether tokens `first`..`last` fill their line (a line break or the text's edge on either side) or,
    with `cells`, their cell of a table row flattened to "A | B"."""
    tokens, text = parsed.tokens, parsed.text

    def edge(k: int, gap: str) -> bool:
        return k < 0 or k >= len(tokens) or "\n" in gap or (cells and tokens[k].key == "|")

    before = text[tokens[first - 1].end : tokens[first].start] if first > 0 else "\n"
    after = text[tokens[last].end : tokens[last + 1].start] if last + 1 < len(tokens) else "\n"
    return edge(first - 1, before) and edge(last + 1, after)


def term_start(tokens: list[Token], last: int) -> int:
    """First token of a term ending at token `last` ("nhiệm kỳ 2015 - 2020", "khóa XIV"), else `last` + 1."""
    for size in (5, 3, 2):
        first = last - size + 1
        if first >= 0 and skip_term(tokens, first) == last + 1:
            return first
    return last + 1


def term_end(tokens: list[Token], j: int) -> int:
    """Index after the term of a title at `j` ("khóa IX", "nhiệm kỳ 2020 - 2025", "(2016 - 2021)"), else `j`."""
    j = skip_term(tokens, j)
    if j < len(tokens) and tokens[j].key == "(":  # "(2016 - 2021)", "(nhiệm kỳ 2016 - 2021)"
        k = skip_term(tokens, j + 1)
        while k < min(j + 6, len(tokens)) and (tokens[k].key.isdigit() or tokens[k].key == "-"):
            k += 1
        if k > j + 1 and k < len(tokens) and tokens[k].key == ")":
            return k + 1
    return j


def skip_address(tokens: list[Token], j: int) -> int:
    """Index after a form of address ("ông", "bà", "đồng chí") at `j`, else `j`; a card's label colon after it
    too ("Ông: Trần Văn A")."""
    comrade = comrade_length(tokens, j)
    end = j + comrade if comrade else j + 1 if j < len(tokens) and tokens[j].key in ADDRESS_TERMS else j
    if end > j and end + 1 < len(tokens) and tokens[end].key == ":" and tokens[end + 1].is_cap:
        return end + 1
    return end


def parenthesis_start(tokens: list[Token], close: int) -> int:
    """Index of the "(" that the ")" at `close` ends (a short one, within a clause), else `close` + 1."""
    for k in range(close - 1, max(-1, close - MAX_ITEM_TOKENS), -1):
        if tokens[k].key == "(":
            return k
        if ends_clause(tokens, k) or tokens[k].key == ")":
            break
    return close + 1


def skip_parenthesis(tokens: list[Token], j: int) -> int:
    """Index after a parenthesis opening at `j` (closed within a clause), else `j`."""
    if j >= len(tokens) or tokens[j].key != "(":
        return j
    for k in range(j + 1, min(j + MAX_ITEM_TOKENS, len(tokens))):
        if tokens[k].key == ")":
            return k + 1
        if ends_clause(tokens, k):
            break
    return j


def ends_clause(tokens: list[Token], k: int) -> bool:
    """A clause's end at token `k`; a full stop joined to the next word abbreviates ("TP.Quy Nhơn")."""
    if tokens[k].key not in CLAUSE_END:
        return False
    return tokens[k].key != "." or k + 1 >= len(tokens) or tokens[k + 1].start > tokens[k].end


# Words a title ends with when the listed name after it is a place, street or school named after a person
# ("UBND phường Lê Hồng Phong", "Huyện ủy Hoàng Su Phì", "Trường THPT B", "đường B").
NAMED_PLACE_WORDS: frozenset[str] = words(
    "xã phường quận huyện tỉnh thị trấn thành phố tp tx tt thôn bản ấp làng xóm buôn sóc khu tổ đường phố cầu chợ"
    " trường thcs thpt th ptcs ptdtbt ptdtnt học non đh cđ ủy ubnd hđnd"
)


def leader_after_title(tokens: list[Token], span: TitleSpan, name: NameSpan) -> bool:
    """Whether a listed street name right after title `span` is the leader it is named after: a leader's alias
    or a full name of three syllables, after a title with no place, street or school word ("Tổng Bí thư
    Trường Chinh", "Chủ nhiệm Tổng cục Chính trị Nguyễn Chí B"; not "Chủ tịch UBND phường Lê Hồng Phong",
    "Phó Hiệu trưởng Trường CĐ Sư phạm Trần Quốc C")."""
    if name.first != span.last + 1:
        return False
    if any(t.key in NAMED_PLACE_WORDS for t in tokens[span.first : span.last + 1]) and not _ends_on_named_place(
        tokens, span
    ):
        return False
    return name.last - name.first >= 2 or name.text.casefold() in LEADER_ALIASES


# Place levels and local bodies whose listed place may close a title ("UBND TP Hà Nội", "Tỉnh ủy Hà Tĩnh").
PLACE_LEVELS: frozenset[str] = words("tỉnh tp thành phố quận huyện thị xã tx ủy ubnd hđnd")


def _ends_on_named_place(tokens: list[Token], span: TitleSpan) -> bool:
    """Whether the title closes on its place's listed name after the place's level ("Phó Chủ tịch UBND TP Hà Nội"):
    the place is told, so a person named after a leader of old stands after it ("… TP Hà Nội Lê Quý B")."""
    for size in (3, 2):
        start = span.last - size + 1
        level = start - 1 > span.first and tokens[start - 1].key in PLACE_LEVELS
        if level and " ".join(t.key for t in tokens[start : span.last + 1]) in not_persons():
            return True
    return False
