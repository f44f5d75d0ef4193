"""Size caps on one page (`ExtractionOptions.max_page_bytes` / `max_body_chars`), each cut recorded as a warning.

Every extractor is linear in its input, so a cap only bounds the work on pathological pages; the warning
says what was left unread ("page-truncated:8000000/16384000", "body-truncated:1000000/2412775").
"""

from __future__ import annotations

PAGE_TRUNCATED = "page-truncated"
BODY_TRUNCATED = "body-truncated"
MAX_CONTINUATION_BYTES = 3  # a UTF-8 character is at most four bytes


def cap_page(page: str | bytes, limit: int | None, warnings: list[str], boundary: str = "<") -> str | bytes:
    """The page cut before the `boundary` (a tag's "<", a text dump's line break) that comes last before
    `limit` (bytes, or characters of a str), never inside a UTF-8 character; markup after the cut is
    simply unread (the parser closes what is open)."""
    if limit is None or len(page) <= limit:
        return page
    cut = limit
    if isinstance(page, bytes):
        while cut > 0 and limit - cut < MAX_CONTINUATION_BYTES and 0x80 <= page[cut] < 0xC0:
            cut -= 1
        at = page.rfind(boundary.encode(), 0, cut)
    else:
        at = page.rfind(boundary, 0, cut)
    cut = at if at > 0 else cut
    warnings.append(f"{PAGE_TRUNCATED}:{cut}/{len(page)}")
    return page[:cut]


def cap_body(text: str, limit: int | None, warnings: list[str]) -> str:
    """The body cut at the last paragraph break before `limit` characters (at `limit` if there is none)."""
    if limit is None or len(text) <= limit:
        return text
    paragraph = text.rfind("\n\n", 0, limit + 1)
    cut = paragraph if paragraph > 0 else limit
    warnings.append(f"{BODY_TRUNCATED}:{cut}/{len(text)}")
    return text[:cut]
