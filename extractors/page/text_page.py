"""Plain-text page dumps (the browser's visible text, one block per line) to `PageContent`."""

from __future__ import annotations

import re

from extractors.normalize import nfc, unescape_leftovers
from extractors.options import ExtractionOptions
from extractors.page.body import MAX_FURNITURE_LINES, Block, BodyParts, DumpLayout, select_body
from extractors.page.byline import Byline, looks_like_name, parse_byline
from extractors.page.closing_boxes import drop_closing_boxes, drop_lone_glued_boxes, drop_series_links
from extractors.page.dump_header import DumpHeader, read_dump_header
from extractors.page.encoding import repair_text
from extractors.page.glued_headline import glued_headline, headline_marks_dropped
from extractors.page.kind import NOT_AN_ARTICLE, PageSignals, Verdict, classify_page
from extractors.page.limits import cap_body, cap_page
from extractors.page.markdown_lines import hidden_blocks, link_line_text, markdown_text, without_tags
from extractors.page.repeats import drop_repeats, visible
from extractors.page.seams import CASE_SEAM, case_seam, numbered_items_apart, unglued
from extractors.page.site_notices import drop_inline_notices, drop_opening_notice, drop_related_lead
from extractors.page.teasers import drop_cell_tail, drop_closing_promo, drop_teasers
from extractors.page.text_nodes import expand_text_node_lines
from extractors.page.vocab import LineKind, classify_line
from extractors.types import PageContent, PageKind


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


# A digest's post title: its own tag in brackets, then the reprinted article's headline ("[Khánh Hòa] Sớm đưa …"),
# the tag marked with symbols as the digest ranks its trends ("🔥🔥 [Khánh Hòa] …").
_TAGGED_TITLE = re.compile(r"^[^\w\[]*\[[^\[\]]+\]\s*(\S.*)$")


def _untagged(title: str | None) -> str | None:
    """The headline after a digest's bracketed tag, else None."""
    tagged = _TAGGED_TITLE.match(title or "")
    return tagged.group(1) if tagged else None


def reprint_link_at(title: str | None, body_lines: list[str]) -> int | None:
    """Where a digest's post links the article it reprints (the index of its first filled line) when the post's
    title is the digest's tag and the same headline: that headline is the page's title, and its line no body text."""
    headline = _untagged(title)
    first = next((index for index, line in enumerate(body_lines) if line.strip()), None)
    linked = link_line_text(body_lines[first]) if headline and first is not None else None
    return first if linked is not None and without_tags(" ".join(linked.split())) == headline else None


def _with_header(parts: BodyParts, header: DumpHeader, reprint: bool) -> None:
    """What the dump's header states is the page's own metadata: its title and date win over what the body
    suggests (a digest's reprint: the headline without the digest's tag); its author stands in only for a missing
    byline, and only a person's name (not "site.vn")."""
    parts.title = (_untagged(header.title) if reprint else header.title) or parts.title
    parts.date = header.published or parts.date
    if header.author and not (parts.byline and parts.byline.author):
        person = parse_byline(header.author)
        if person and person.author:
            credit = parts.byline.source_credit if parts.byline else None
            parts.byline = Byline(author=person.author, source_credit=credit)


MAX_FURNITURE_CHARS = 300  # a category, a tag line or an outlet's name; an article's paragraph runs longer


def _closing_stamp_below(lines: list[str]) -> bool:
    """An aggregator's layout: a date stamp with only the page's furniture (category, tags, outlet) under it.
    A stamp with the article's text under it (a record's headline, timestamp and one-line body) opens the
    article: the body's line lies below it, and it is no furniture."""
    tail = [line for line in lines[-MAX_FURNITURE_LINES - 3 :] if line.strip()][-MAX_FURNITURE_LINES - 1 :]
    return any(
        classify_line(line) is LineKind.DATESTAMP and all(len(below) <= MAX_FURNITURE_CHARS for below in tail[i + 1 :])
        for i, line in enumerate(tail)
    )


def _without_furniture(line: str, apart: bool) -> str:
    """One dump line with its glued seams put back and the site's notices, teasers and promos cut."""
    line = numbered_items_apart(drop_related_lead(drop_inline_notices(drop_opening_notice(line))))
    return drop_closing_promo(drop_cell_tail(unglued(drop_teasers(markdown_text(line)), apart)))


MAX_RECORD_WRITER_WORDS = 4  # "Thiên Bình", "Nguyễn Thị An": a name alone, no job line or credit


def _record_writer(lines: list[str]) -> str | None:
    """The writer who signs a record of headline, date line and body (a VietNamNet dump: "Sao U22 …" / "Chủ Nhật,
    06/04/2025 - 21:39" / lead …) on its last line, a name alone. A live report's tabs, a standings widget ("Bảng
    A", "Dữ liệu đang được cập nhật!") or a fixtures table can stand between the last paragraph and the name, too
    far for the byline reader, which also took a widget's row ("Bảng A") for a writer there."""
    content = [line.strip() for line in lines if line.strip()]
    if len(content) < 4 or classify_line(content[1]) is not LineKind.DATESTAMP:
        return None
    if classify_line(content[0]) is not LineKind.PROSE:
        return None
    last = content[-1]
    if len(last.split()) > MAX_RECORD_WRITER_WORDS or any(ch.isdigit() for ch in last):
        return None
    found = parse_byline(last)
    return found.author if found and found.author and looks_like_name(found.author) else None


# A writer's name an outlet prints before the body, which the dump glued to the body's first word ("Hùng LêMột góc
# Nhà máy …", "Văn NamXe container …"): two or three capitalised words, then a capital glued on.
MIN_WRITTEN_BODY_CHARS = 500  # the body line of a press dump; a caption or a lead is shorter
MAX_GLUED_WRITER_CHARS = 30


def glued_writer(line: str) -> str | None:
    """The writer's name glued before a dump's body line, where the case seam after it is the first on the line
    and what precedes it reads as a person's name; else None."""
    if len(line) < MIN_WRITTEN_BODY_CHARS:
        return None
    seams = (found.start() for found in CASE_SEAM.finditer(line, 0, MAX_GLUED_WRITER_CHARS))
    seam = next((at for at in seams if case_seam(line, at)), None)
    if seam is None:
        return None
    name = line[:seam]
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(word[:1].isupper() and word[1:].islower() for word in words):
        return None
    return name if looks_like_name(name) else None


def extract_text_dump(text: str, options: ExtractionOptions) -> PageContent:
    capped: list[str] = []
    text = str(cap_page(text, options.max_page_bytes, capped, boundary="\n"))
    decoded = repair_text(unescape_leftovers(text.replace("\r\n", "\n").replace("\r", "\n")), "utf-8")
    lines = expand_text_node_lines(decoded.text.split("\n"))
    header = read_dump_header(lines)
    glued_title = None
    # A record whose header names no title field kept no headline (a dataset's "# doc_id / # url / # date" lines
    # above the lead): its first line is the lead, however a headline might seem glued to it.
    if header.title is None and not header.fields:
        lines, glued_title = glued_headline(headline_marks_dropped(lines, header.body_start), header.body_start)
    body_lines = lines[header.body_start :]
    link_at = reprint_link_at(header.title, body_lines)
    if link_at is not None:
        body_lines = body_lines[:link_at] + body_lines[link_at + 1 :]
    body_lines = drop_closing_boxes(drop_lone_glued_boxes(drop_series_links(hidden_blocks(body_lines))))
    writer_first = None
    for index, line in enumerate(body_lines):
        writer_first = glued_writer(line)
        if writer_first is not None:
            body_lines = [*body_lines[:index], line[len(writer_first) :], *body_lines[index + 1 :]]
            break
    apart = _closing_stamp_below(body_lines)
    blocks = [Block(text=_without_furniture(line, apart)) for line in body_lines]
    layout = DumpLayout(
        article_only=True if header.fields else None,
        url=options.url or header.url,
        headline_first=apart,
        body_from_top=glued_title is not None,
    )
    parts = select_body(blocks, find_title=header.title is None and glued_title is None, markup=False, layout=layout)
    parts.title = glued_title or parts.title
    _with_header(parts, header, reprint=link_at is not None)
    writer = _record_writer(lines[header.body_start :]) if not header.author else None
    if writer is None and writer_first is not None and not (parts.byline and parts.byline.author):
        writer = writer_first
    if writer is not None:
        parts.byline = Byline(author=writer, source_credit=parts.byline.source_credit if parts.byline else None)
    signals = PageSignals(
        blocks=blocks,
        paragraphs=parts.paragraphs,
        prose_chars=parts.prose_chars,
        title=parts.title,
        declared_article=header.declares_article,
    )
    return content_from_parts(parts, options, [*decoded.warnings, *capped], classify_page(signals), seams=True)
