"""Plain-text page dumps (the browser's visible text, one block per line) to `PageContent`."""

from __future__ import annotations

import re
import unicodedata

from extractors.normalize import nfc, unescape_leftovers
from extractors.options import ExtractionOptions
from extractors.page.body import MAX_FURNITURE_LINES, Block, BodyParts, DumpLayout, select_body
from extractors.page.byline import Byline, parse_byline
from extractors.page.dump_header import DumpHeader, read_dump_header
from extractors.page.encoding import repair_text
from extractors.page.kind import NOT_AN_ARTICLE, PageSignals, Verdict, classify_page
from extractors.page.limits import cap_body, cap_page
from extractors.page.markdown_lines import hidden_blocks, markdown_text
from extractors.page.repeats import drop_repeats, visible
from extractors.page.teasers import drop_cell_tail, drop_closing_promo, drop_teasers
from extractors.page.vocab import LineKind, classify_line
from extractors.types import PageContent, PageKind

# A dump that joined a page's blocks without a separator glues a sentence's stop to the next block's first word
# ("… theo mô hình này.Hà Thư", "… được thu hồi…Trần Duy Hưng", "(chiếm 11,9%).THÚY HẢI"): a stop after a word
# in lower case, a closing bracket or a quote, then a capital, is two blocks' seam. An abbreviation's dot is not:
# it follows a capital or a short capitalised word ("TP.HCM", "H.Yên Minh", "Tp.HCM", "Th.Dương").
_STOP_BEFORE_WORD = re.compile(r"(?<=[^\s.!?…])[.!?…]+(?=[^\W\d_])")  # "này.Hà", "trường...Chiêu", "”?.Hồng"
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_CLOSERS = frozenset(')%”"')
MAX_ABBREVIATION_LETTERS = 2
MAX_WORD_LOOKBACK = 40  # a word is read back from each stop this far at most: linear in the line


def _abbreviation(word: str) -> bool:
    return word[:1].isupper() and (len(word) <= MAX_ABBREVIATION_LETTERS or word.isupper())


def unglued(line: str, blocks_apart: bool = False) -> str:
    """The line with a space put back at each seam where blocks were glued; `blocks_apart` for a layout that
    glues whole blocks (an aggregator's captions, subheads and writer), whose seams without a stop are line
    breaks, not spaces: a word glued inside a sentence ("ÔngTrần Văn Bình", "nhiệm kỳ2020") is the other kind."""

    def seam(found: re.Match[str]) -> str:
        before, after = line[found.start() - 1], line[found.end()]
        if not after.isupper():
            return found.group()
        if before in _CLOSERS:
            return found.group() + " "
        word = _WORD_BEFORE.search(line, max(0, found.start() - MAX_WORD_LOOKBACK), found.start())
        glued = before.islower() and not (word and _abbreviation(word.group()))
        return found.group() + " " if glued else found.group()

    return _case_seams(_STOP_BEFORE_WORD.sub(seam, line), "\n" if blocks_apart else " ")


def _letters(test: object) -> str:
    codes = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]  # Latin letters with Vietnamese marks
    return "".join(c for c in map(chr, codes) if c.isalpha() and test(c))  # type: ignore[operator]


_LOWER, _UPPER = _letters(str.islower), _letters(str.isupper)
# A block glued to the next without a stop leaves a capital inside a word: after a small letter ("Ảnh: Thanh
# HảiTại các điểm cầu", "Đại tá Lê Mạnh TuấnDự lễ", "Báo Công ThươngÔng Trần"), after a run of capitals that ends a
# credit or an abbreviation ("Ảnh: PHẠM KIM NGÂNThông qua", "Ảnh: T.LĐến nay", "Ảnh: ĐHPhó Chủ tịch"), and a
# small letter before a number ("Ảnh: Hoàng Long1. Lãnh đạo", "cuối năm9 tỉnh").
_CASE_SEAM = re.compile(rf"(?<=[{_LOWER}])(?=[{_UPPER}\d])|(?<=[{_UPPER}])(?=[{_UPPER}][{_LOWER}])")
_LETTERS_BEFORE = re.compile(rf"[{_LOWER}{_UPPER}]+$")
_WORD_AFTER = re.compile(rf"[{_UPPER}][{_LOWER}]*|\d+")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s")
# A Vietnamese syllable, its marks taken off: an onset, one to three vowels, a final consonant.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D")) if c.isascii())


def _case_seam(line: str, at: int) -> bool:
    """Whether the case change or the number at `at` is a seam, not a brand ("VnExpress", "KienLong"), an
    abbreviation ("TCty", "QĐ-TTg", "ThS"), a unit ("110kV", "600m2") or a code ("ATR72")."""
    before = _LETTERS_BEFORE.search(line, max(0, at - MAX_WORD_LOOKBACK), at)
    after = _WORD_AFTER.match(line, at)
    if not before or not after:
        return False
    left, right = before.group(), after.group()
    if right[0].isdigit():  # a number after a Vietnamese word, or a list's number ("1. ") after any word
        listed = len(left) > 2 and _LIST_NUMBER.match(line, at) is not None
        return left[-1].islower() and (not left.isascii() or listed)
    if not _SYLLABLE.fullmatch(_bare(right).lower()):
        return False
    if len(left) == 1:  # one capital: an initial of a credit ("Ảnh: T.LĐến"), not a typo's capital ("NGô")
        return left.isupper() and line[before.start() - 1 : before.start()] == "."
    return not (left + right).isascii() or left.islower() or left.isupper()


def _case_seams(line: str, apart: str) -> str:
    return _CASE_SEAM.sub(lambda found: apart if _case_seam(line, found.start()) else "", line)


def nfc_or_none(text: str | None) -> str | None:
    """Entities resolved by the parser can still bring decomposed marks: NFC every exported string."""
    return nfc(text) if text else None


def join_paragraphs(paragraphs: list[str], *, seams: bool = False) -> str:
    """Paragraphs apart by a blank line; with `seams`, a dump's glued blocks stay on lines of their own."""
    if seams:
        paragraphs = ["\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip()) for p in paragraphs]
        return nfc("\n\n".join(p for p in paragraphs if p))
    return nfc("\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip()))


def content_from_parts(
    parts: BodyParts, options: ExtractionOptions, warnings: list[str], verdict: Verdict, *, seams: bool = False
) -> PageContent:
    paragraphs = drop_repeats([visible(paragraph) for paragraph in parts.paragraphs])
    text = cap_body(join_paragraphs(paragraphs, seams=seams), options.max_body_chars, warnings)
    if verdict.kind is PageKind.NOT_AN_ARTICLE and NOT_AN_ARTICLE not in warnings:
        warnings.append(NOT_AN_ARTICLE)
    published_on = parts.date.day if parts.date else None
    return PageContent(
        text=text,
        title=nfc_or_none(visible(parts.title)) if parts.title else None,
        published_on=published_on,
        published_at=parts.date.at if parts.date else None,
        author=nfc_or_none(parts.byline.author if parts.byline else None),
        source_credit=nfc_or_none(parts.byline.source_credit if parts.byline else None),
        category=nfc_or_none(parts.category),
        canonical_url=options.url,
        warnings=warnings,
        kind=verdict.kind,
        rejected_as=verdict.reason,
    )


def _with_header(parts: BodyParts, header: DumpHeader) -> None:
    """What the dump's header states is the page's own metadata: its title and date win over what the body
    suggests; its author stands in only for a missing byline, and only a person's name (not "site.vn")."""
    parts.title = header.title or parts.title
    parts.date = header.published or parts.date
    if header.author and not (parts.byline and parts.byline.author):
        person = parse_byline(header.author)
        if person and person.author:
            credit = parts.byline.source_credit if parts.byline else None
            parts.byline = Byline(author=person.author, source_credit=credit)


def _closing_stamp_below(lines: list[str]) -> bool:
    """An aggregator's layout: a date stamp with only the page's furniture (category, tags, outlet) under it."""
    tail = [line for line in lines[-MAX_FURNITURE_LINES - 3 :] if line.strip()]
    return any(classify_line(line) is LineKind.DATESTAMP for line in tail[-MAX_FURNITURE_LINES - 1 :])


def extract_text_dump(text: str, options: ExtractionOptions) -> PageContent:
    capped: list[str] = []
    text = str(cap_page(text, options.max_page_bytes, capped, boundary="\n"))
    decoded = repair_text(unescape_leftovers(text.replace("\r\n", "\n").replace("\r", "\n")), "utf-8")
    lines = decoded.text.split("\n")
    header = read_dump_header(lines)
    body_lines = hidden_blocks(lines[header.body_start :])
    apart = _closing_stamp_below(body_lines)
    blocks = [
        Block(text=drop_closing_promo(drop_cell_tail(drop_teasers(unglued(markdown_text(line), apart)))))
        for line in body_lines
    ]
    layout = DumpLayout(article_only=True if header.fields else None, url=options.url or header.url)
    parts = select_body(blocks, find_title=header.title is None, markup=False, layout=layout)
    _with_header(parts, header)
    signals = PageSignals(
        blocks=blocks,
        paragraphs=parts.paragraphs,
        prose_chars=parts.prose_chars,
        title=parts.title,
        declared_article=header.declares_article,
    )
    return content_from_parts(parts, options, [*decoded.warnings, *capped], classify_page(signals), seams=True)
