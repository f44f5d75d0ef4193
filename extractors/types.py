"""Plain dataclasses shared by every extractor: the page, its body text and the facts found in it.

Offsets (`start`, `end`) are character offsets into `PageContent.text` (the cleaned article body, exactly
the string exported as `text`), so that every fact can be traced back to its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: offsets into the article body and the surrounding snippet. A fact read in the
    headline (a term the body does not repeat) has `field` "title": its offsets are into the headline."""

    start: int
    end: int
    snippet: str
    field: str = "text"


class TitleStatus(StrEnum):
    """What the text says of a person's hold on a title, so analysts can build a timeline of posts."""

    CURRENT = "current"  # held at the time of the article (the default: nothing else is stated)
    APPOINTED = "appointed"  # newly appointed, assigned or transferred to it ("được bổ nhiệm", "giữ chức")
    ELECTED = "elected"  # newly elected ("được bầu", "trúng cử")
    FORMER = "former"  # held before ("nguyên Chủ tịch …")
    RELIEVED = "relieved"  # taken away or left ("miễn nhiệm", "thôi giữ chức", "nghỉ hưu", "bãi nhiệm")


@dataclass
class Official:
    """A person named in a public role, with every title the article attaches to them."""

    name: str
    titles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # title -> what the text states of it; a title absent here is CURRENT
    title_status: dict[str, TitleStatus] = field(default_factory=dict)

    def status_of(self, title: str) -> TitleStatus:
        return self.title_status.get(title, TitleStatus.CURRENT)


@dataclass
class DocumentRef:
    """A numbered Party or state document cited in the article ("379-KH/TU", "30/2020/NĐ-CP")."""

    number: str
    type: str | None
    issuer: str | None
    year: int | None = None
    issued_on: date | None = None
    type_name: str | None = None
    issuing_body: str | None = None
    raw: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    # Cited without a code ("Chỉ thị 05 của Bộ Chính trị"): `issuer` is the code of the body named ("TW"), as the
    # contract's type is the code of the word; this is the body as the text names it ("Bộ Chính trị").
    issuer_named: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        number = str(int(self.number)) if self.number.isdigit() else self.number
        return (number, self.type, self.issuer)


@dataclass
class Term:
    """A congress or committee term: "lần thứ XVII, nhiệm kỳ 2025 - 2030" -> 17, 2025, 2030."""

    ordinal: int | None
    start_year: int | None
    end_year: int | None
    organisation: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[int | None, int | None, int | None]:
        return (self.ordinal, self.start_year, self.end_year)


@dataclass
class Sitting:
    """A plenum or session number ("Hội nghị lần thứ 22", "kỳ họp thứ 9"): kept apart from terms."""

    kind: str  # "plenum" | "session"
    number: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DatedMention:
    """A calendar day stated in the body; `year_inferred` when the text gave no year."""

    day: date
    year_inferred: bool = False
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Facts:
    officials: list[Official] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    sittings: list[Sitting] = field(default_factory=list)
    dates: list[DatedMention] = field(default_factory=list)


@dataclass(frozen=True)
class Attachment:
    """A file the article links to (a notice's PDF, a plan's annex)."""

    url: str
    label: str = ""


class PageKind(StrEnum):
    """What a page is: a news article, a notice whose body points to attached files, or not an article."""

    ARTICLE = "article"
    NOTICE = "notice"
    NOT_AN_ARTICLE = "not-an-article"


@dataclass
class PageContent:
    """What boilerplate removal and metadata extraction make of one page."""

    text: str
    title: str | None = None
    published_on: date | None = None
    published_at: datetime | None = None
    author: str | None = None
    source_credit: str | None = None
    category: str | None = None
    lead: str | None = None
    canonical_url: str | None = None
    cms: str | None = None
    warnings: list[str] = field(default_factory=list)
    kind: PageKind = PageKind.ARTICLE
    rejected_as: str | None = None  # why a page is not an article: listing, document-table, error-page, empty
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class Article:
    """A page's content with the facts extracted from its body."""

    content: PageContent
    facts: Facts
    url: str | None = None
