"""A press dump's first line that holds the headline glued to what follows it.

Some newspaper archives print an article's headline, its photo caption and its lead on one line with no mark
between them: "Thủ tướng ra quyết định kỷ luật 4 lãnh đạo tỉnh (NLĐ)- Thủ tướng Chính phủ vừa ký …", or with no
outlet code at all ("Các cựu chiến binh … về đến quê nhà Đúng 5 giờ sáng nay, …"). Read as one line it is either
a paragraph (no headline found) or a headline that swallowed the caption and the lead.

Where the headline stops is read from the article's own spelling. A Vietnamese headline is written in sentence
case, so a capitalised word inside it is a proper name or a title ("Đảng", "kênh Tẻ", "Chủ tịch") and the article
writes it capitalised in the middle of its sentences too; the word that opens the caption or the lead ("Bà",
"Các", "Đúng", "Con") is a common word the article otherwise writes in lower case. The first capitalised word of
that second kind, before any sentence has ended, starts what follows the headline. An outlet's dateline code
("(NLĐ)-") opens the lead for certain, and a photo credit ("Ảnh: T.Trang") closes a caption.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.facts.documents.patterns import TYPE_WORD
from extractors.facts.person_names import find_names, tokenize
from extractors.facts.titles import head_length, parse_title, starts_title
from extractors.page.vocab import UNFINISHED_ENDINGS, asks_or_exclaims, ends_sentence

# Outlets' dateline codes that open a lead ("(NLĐ)- Sáng 3-2, …", "(TTXVN) - …"), as the press prints them.
OUTLET_CODES = (
    "NLĐ",
    "NLĐO",
    "TN",
    "TT",
    "VnExpress",
    "TTXVN",
    "VNA",
    "SGGP",
    "SGGPO",
    "PL",
    "PLO",
    "QĐND",
    "HNM",
    "HNMO",
    "ND",
    "CAND",
    "GDTĐ",
    "LĐ",
    "TPO",
    "VOV",
    "VTC",
    "Dân trí",
    "Chinhphu.vn",
)
_CODE = re.compile(r"\((?:" + "|".join(re.escape(code) for code in OUTLET_CODES) + r")\)\s*[-–—]\s*")
# A photo credit that closes a caption: "Ảnh: T.Trang", "- Ảnh: B. TRUNG", "Ảnh: N. Hữu" (initials, one name).
_CREDIT = re.compile(r"(?:-\s*)?Ảnh\s*:\s*(?:[A-ZĐ]\.\s?){1,3}[A-ZĐ][^\s.,;]*\s+(?=[A-ZĐÀ-Ỹ\d\"“(])")

MIN_LINE_WORDS = 25  # a headline, lead and caption together; a headline alone is shorter
MIN_HEAD_WORDS = 3
MAX_HEAD_WORDS = 25  # a headline runs shorter; a first line that ran on longer is a lead
MIN_REST_WORDS = 8  # a lead (or a caption and its lead) after the headline
# Forms of address that open a caption or a lead before a name ("Bà Ngô Thị Huệ (thứ hai từ trái qua) …").
ADDRESS_FORMS = frozenset({"ông", "bà", "anh", "chị"})
# Words a headline does not end on: they want what follows ("… vừa có | Quyết định …", "… Sở Tài nguyên và").
OPEN_ENDINGS = UNFINISHED_ENDINGS | frozenset("có là ra về cho bị được do bởi mà thì".split())  # noqa: SIM905
# Words that open a lead's adverbial before its first comma ("Tại buổi lễ, …"), as a headline does not.
LEAD_OPENINGS = frozenset("tại theo trong sau trước từ khi vào nhân".split())  # noqa: SIM905
MAX_ADVERBIAL_WORDS = 8
_PHOTO = re.compile(r"\(ảnh|\(?Ảnh:")  # a caption's credit ("Ảnh: T.Trang", "(ảnh chụp sáng 2-3)")
# A day ("Ngày 26/4,", "Sáng 29.4,"): a lead's opening, never a headline's, except the day in parentheses that a
# headline dates "today" by ("Hôm nay (23-4), khai mạc …").
_DAY = re.compile(r"\b\d{1,2}[/.-]\d{1,2}\b")
_TODAY = frozenset({"nay"})
_EDGE = "\"“”'‘’()[]{}«»,.:;!?…"
_OPENERS = "\"“‘'([«-–—"
# A numbered paper's name, written capitalised as a title is ("… Trần Văn A ký Quyết định 557 xử phạt …").
_CITED_PAPER = re.compile(rf"(?:{TYPE_WORD})\s+(?:(?i:số)\s+)?\d")
_HOLDS_ON = (",", ":", ";", "-", "–", "—", "(")  # a word after these goes on with the headline ("Trà Vinh: Một …")


def _bare(word: str) -> str:
    return word.strip(_EDGE)


def _capitalised(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 1 and bare[0].isupper() and not bare.isupper() and bare[1:].replace("-", "").isalpha()


def _goes_on(following: str) -> bool:
    """The next word is in lower case or a number: a capitalised word before it is no name's syllable."""
    first = _bare(following)[:1]
    return first.islower() or first.isdigit()


def _mid_sentence(previous: str) -> bool:
    return not (ends_sentence(previous) or previous.endswith(":"))


class MidCapitals(Counter[str | tuple[str, str]]):
    """How often the text writes each word capitalised in mid-sentence before a word in lower case, counted alone
    and with the word after it ("Công ty" says nothing of "Công nhân")."""

    def elsewhere(self, bare: str, following: str, lower: set[str]) -> bool:
        """Whether the text writes `bare` capitalised in mid-sentence at another place: a name's word counted
        alone, a common word (one it also writes in lower case) counted with the word after it."""
        if bare.lower() in lower:
            return self[bare, following.lower()] > 1
        return self[bare] > 1


def _spelling(lines: list[str]) -> tuple[MidCapitals, set[str]]:
    """How often the text writes each word capitalised in mid-sentence before a word in lower case (a title: "Chủ
    tịch", "Quyết định"; "Nhà Bè" is another use of "Nhà"), and the words it writes in lower case. A word after
    a colon or an opening quote opens a sentence."""
    mid_capital = MidCapitals()
    lower: set[str] = set()
    for line in lines:
        words = line.split()
        for i, word in enumerate(words):
            bare = _bare(word)
            if not bare:
                continue
            if bare[0].islower():
                lower.add(bare)
            elif i == 0 or not _capitalised(word) or word[0] in _OPENERS:
                continue
            elif _mid_sentence(words[i - 1]) and i + 1 < len(words) and _goes_on(words[i + 1]):
                mid_capital[bare] += 1
                mid_capital[bare, _bare(words[i + 1]).lower()] += 1
    return mid_capital, lower


def _opens_sentence(words: list[str], i: int, mid_capital: MidCapitals, lower: set[str]) -> bool:
    """A capitalised word the text writes nowhere else in mid-sentence (its own place counted once) and writes
    in lower case: a common word that opens a sentence. Not a title's head, which a headline writes capitalised
    ("… thôi giữ chức Chủ tịch UBND tỉnh")."""
    word = words[i]
    if not _capitalised(word) or word[0] in _OPENERS or words[i - 1].endswith(_HOLDS_ON):
        return False  # a quotation in the headline ("Khai mạc chương trình “Du lịch …”") goes on with it
    bare = _bare(word)
    following = words[i + 1] if i + 1 < len(words) else ""
    if _bare(words[i - 1]).lower() in OPEN_ENDINGS:
        return False
    if word.endswith(",") and _capitalised(words[i - 1]):
        return False  # "… hai xã Bình Trị và Bình Định, huyện …": a name's last syllable, closed by its comma
    if not _goes_on(following):
        # a run of capitals is a name ("Vụ Tổ chức cán bộ", "Hồ Chí Minh"), unless a form of address opens it
        return bare.lower() in ADDRESS_FORMS
    if mid_capital.elsewhere(bare, _bare(following), lower) or head_length(tokenize(" ".join(words[i : i + 3])), 0):
        return False
    if bare.lower() in lower:
        return True
    # a word the text has no other use of: a common word when it stands between words in lower case
    # ("… về đến quê nhà Đúng 5 giờ sáng nay"); a name's syllables stand together ("Trường Sơn"). After an
    # acronym, which may open an organ's name ("UB Thường vụ Quốc hội"), only a lead's adverbial opens the lead
    # ("… trong quản lý ODA Trước những phản ứng …")
    previous = _bare(words[i - 1])
    acronym = len(previous) > 1 and previous.isalpha() and previous.isupper()
    return previous[:1].islower() or (acronym and bare.lower() in LEAD_OPENINGS)


def _tells_day(words: list[str], i: int) -> bool:
    """Whether word `i` tells a day, as a lead does; not a headline's "Hôm nay (23-4)"."""
    if not _DAY.search(words[i]):
        return False
    today = i > 1 and _bare(words[i - 1]).lower() in _TODAY and _bare(words[i - 2]).lower() == "hôm"
    return not (words[i].startswith("(") and today)  # "Sáng nay (2.5), …" opens a lead


MAX_SUBJECT_WORDS = 16  # a title, a name and the word after it
MAX_HEAD_TOKENS = 3  # a bare head opens in the last three tokens before the cut: "Bộ trưởng", "Phó Chủ tịch"


class _LeadSubjects:
    """The first line's headline words and a lead's first words, tokenized once with the names in them, for asking
    of each word whether a lead opens there on a titled subject (`opens_on_title`)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words[: MAX_HEAD_WORDS + MAX_SUBJECT_WORDS]  # the headline and the lead's subject, not the line
        self.text = " ".join(self.words)
        self.tokens = tokenize(self.text)
        found = find_names(self.tokens, self.text, starts_title)
        self.names_at = {name.first: name for name in found if not name.place_like}
        self.token_at = {token.start: t for t, token in enumerate(self.tokens)}

    def _token_of_word(self, i: int) -> int | None:
        return self.token_at.get(len(" ".join(self.words[:i])) + 1)

    def ends_on_bare_head(self, i: int) -> bool:
        """Whether the words before word `i` end on a post's head with nothing of its own ("Sáng nay (2.5), Bộ trưởng
        | Các vấn đề Nghị viện …"): what follows names its body or its holder, and goes on with the same sentence."""
        k = self._token_of_word(i)
        if k is None:
            return False
        sizes = ((h, head_length(self.tokens, h)) for h in range(max(0, k - MAX_HEAD_TOKENS), k))
        return any(size and h + size == k for h, size in sizes)

    def opens_on_title(self, i: int, coded: bool) -> bool:
        """Whether word `i` opens a lead whose subject is a titled person ("… Giám đốc Sở GD-ĐT Hà Tây | Phó Chủ tịch
        UBND tỉnh Hà Tây Đào Văn Bình vừa ký …"): a title's head right where the headline's own title has ended, that
        names a person who then acts (a word in lower case after the name). A headline names its people in one title
        each. Before an outlet's code, which tells a headline is there, a caption's subject may follow a headline with
        no title and may be the bare post ("… một nước công nghiệp | Chủ tịch Tổng LĐLĐVN tặng hoa … (NLĐO)- Sáng nay
        …")."""
        tokens = self.tokens
        k = self._token_of_word(i)
        if k is None or not head_length(tokens, k):
            return False
        subject = parse_title(tokens, k, self.text, self.names_at)
        if subject is None:
            return False
        earlier = next((h for h in range(k - 1, -1, -1) if head_length(tokens, h)), None)
        if coded and earlier is None:
            after = subject.next_name.last + 1 if subject.next_name is not None else subject.last + 1
            return after < len(tokens) and tokens[after].is_lower_word
        before = parse_title(tokens, earlier, self.text, self.names_at) if earlier is not None else None
        if before is None or before.last != k - 1 or before.next_name is not None:
            return False
        name = subject.next_name
        return name is not None and name.last + 1 < len(tokens) and tokens[name.last + 1].is_lower_word


def _headline_end(words: list[str], mid_capital: MidCapitals, lower: set[str], coded: bool = False) -> int | None:
    """Where the lead opens after the headline. A cited paper's capitalised word ("… ký Quyết định 612 xử phạt …")
    may stand inside the headline as well as open the lead: it ends the headline only when no word after it does."""
    cited = None
    subjects: _LeadSubjects | None = None  # built once, when the headline is long enough to end
    for i in range(1, min(len(words), MAX_HEAD_WORDS + 1)):
        if ends_sentence(words[i - 1]) or words[i - 1].endswith(";") or _tells_day(words, i - 1):
            return cited  # a sentence ended, or a day was told: a lead or a paragraph, no headline
        if _PHOTO.match(words[i - 1]):
            return cited  # a photo's credit: the caption has begun, and where is not told
        if i >= MIN_HEAD_WORDS:
            subjects = subjects or _LeadSubjects(words)
            if subjects.opens_on_title(i, coded):
                return i
        if i < MIN_HEAD_WORDS or not _opens_sentence(words, i, mid_capital, lower):
            continue
        if subjects is not None and subjects.ends_on_bare_head(i):
            continue
        if not _CITED_PAPER.match(" ".join(words[i : i + 4])):
            return i
        cited = cited if cited is not None else i
    return cited


def _exclaimed_headline_end(words: list[str], coded: bool) -> int | None:
    """Where a headline that exclaims or asks ends ("Quy hoạch kiểu “hỏi đâu chỉ đó”! Nhiều đại biểu … - Ảnh:
    B.Trung …"): its mark ends the first sentence, and a caption follows it, closed by a photo credit or by the
    outlet's code, or the line ends with no stop. A lead's first sentence that asks has none of these after it."""
    for i, word in enumerate(words[:MAX_HEAD_WORDS]):
        if word.endswith(";") or _tells_day(words, i) or _PHOTO.match(word):
            return None
        if not ends_sentence(word) or _trails_off(words, i):
            continue
        if i + 1 < MIN_HEAD_WORDS or not asks_or_exclaims(word):
            return None
        # what follows is a caption: closed by a photo credit, by the outlet's code, or left without a stop at the
        # line's end ("Cách nào phá vòng vây ô nhiễm? Theo kế hoạch …, nhà máy sẽ được di dời Cuối năm 2006, …")
        captioned = coded or _CREDIT.search(" ".join(words[i + 1 :]) + " ") or not ends_sentence(words[-1])
        return i + 1 if captioned else None
    return None


def _trails_off(words: list[str], i: int) -> bool:
    """Whether word `i` trails off into the next, written in lower case ("Kêu khổ rồi... xù!"): a pause, no end."""
    return words[i].endswith(("...", "…")) and i + 1 < len(words) and _bare(words[i + 1])[:1].islower()


def _caption_and_lead(rest: str) -> list[str]:
    """What follows the headline, cut after a photo credit and before an outlet's code."""
    pieces: list[str] = []
    code = _CODE.search(rest)
    if code and code.start() > 0:
        pieces.append(rest[: code.start()].strip())
        rest = rest[code.start() :]
    elif not code:
        credit = _CREDIT.search(rest)
        if credit:
            pieces.append(rest[: credit.end()].strip())
            rest = rest[credit.end() :]
    return [*pieces, rest.strip()]


def split_glued_headline(line: str, lines: list[str]) -> list[str]:
    """The first line of a press dump as its headline, caption and lead, each a line; `line` alone when it
    shows no headline glued to a lead. `lines` is the whole dump, whose spelling tells names from common words."""
    if len(line.split()) < MIN_LINE_WORDS or line.startswith("("):
        return [line]  # a headline alone, or a lead that opens on its outlet's code: no headline on the line
    code = _CODE.search(line)
    coded = code is not None and code.start() > 0
    before = line[: code.start()] if code and coded else line
    words = before.split()
    if _bare(words[0]).lower() in LEAD_OPENINGS and any(word.endswith(",") for word in words[:MAX_ADVERBIAL_WORDS]):
        return [line]  # a lead's opening adverbial ("Tại buổi lễ, …", "Theo tìm hiểu của …, …")
    end = _headline_end(words, *_spelling(lines), coded=coded)
    if end is None:
        end = _exclaimed_headline_end(words, coded)
    if end is None:
        # an outlet's code opens the lead: all before it is the headline, when a headline's length
        if not coded or not MIN_HEAD_WORDS <= len(words) <= MAX_HEAD_WORDS or any(map(ends_sentence, words)):
            return [line]
        told = any(_tells_day(words, i) for i in range(len(words)))
        if told or ";" in before or any(_PHOTO.match(word) for word in words):
            return [line]
        end = len(words)
    head = " ".join(words[:end])
    rest = " ".join(words[end:] + (line[code.start() :].split() if code and coded else []))
    if len(rest.split()) < MIN_REST_WORDS:
        return [line]
    return [head, *(piece for piece in _caption_and_lead(rest) if piece)]


def _first_line(lines: list[str], start: int) -> int | None:
    """Index of the first line from `start` that holds text."""
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def glued_headline(lines: list[str], start: int) -> tuple[list[str], str | None]:
    """The dump's lines with its first line's glued caption and lead apart, and the headline cut from it (None,
    and the lines unchanged, when the first line shows none)."""
    first = _first_line(lines, start)
    if first is None:
        return lines, None
    pieces = split_glued_headline(lines[first].strip(), lines)
    if len(pieces) == 1:
        return lines, None
    return [*lines[:first], *pieces[1:], *lines[first + 1 :]], pieces[0]


# A related-link mark the dump kept before its first line, written out or escaped ("&gt;&gt; Danh sách ủy viên …",
# decoded as ">> Danh sách …"): the headline is the text after it.
_LINK_MARKS = re.compile(r"\s*(?:>>|»)\s*(?=[^\W\d_])")


def headline_marks_dropped(lines: list[str], start: int) -> list[str]:
    """The dump's lines with the link marks before its first line's text dropped."""
    first = _first_line(lines, start)
    if first is None or (marks := _LINK_MARKS.match(lines[first])) is None:
        return lines
    return [*lines[:first], lines[first][marks.end() :], *lines[first + 1 :]]
