"""The body as a reader sees it once: no invisible padding, no mark-only lines, no lead printed twice.

- Zero-width characters an editor leaves in a headline or a paragraph ("\u200bCăn hộ …") are not text.
- A paragraph without a letter or a digit ("./", "***", "…") is a closing or a divider mark, not prose.
- An opening paragraph (one of the first two) that a later paragraph repeats, or begins with, is the lead shown
  twice: a portal's sapo box copied from the body, a stored record's excerpt written above the body it was cut
  from ("Viện A triển khai kế hoạch …" then "Viện A triển khai kế hoạch tổ chức …"). The later, whole copy stays.
"""

from __future__ import annotations

from extractors.normalize import RareCharacters
from extractors.page.vocab import fold

ZERO_WIDTH = RareCharacters(dict.fromkeys("\u200b\u2060\ufeff", " "))
OPENING_PARAGRAPHS = 2  # where a lead stands
MIN_LEAD_WORDS = 8  # a shorter opening line (a heading, a place line) may well begin a later paragraph
_TEASER_END = " .…"
PREFIX_SLACK = 8  # folding may change a prefix's length a little (decomposed marks)


def visible(text: str) -> str:
    """The text without zero-width characters, white space collapsed."""
    return " ".join(ZERO_WIDTH.apply(text).split())


def has_words(paragraph: str) -> bool:
    return any(char.isalnum() for char in paragraph)


def _repeated_later(index: int, paragraphs: list[str]) -> bool:
    lead = paragraphs[index]
    head = fold(lead).rstrip(_TEASER_END)
    if len(head.split()) < MIN_LEAD_WORDS:
        return False
    # only as much of a later paragraph as the lead could cover is folded: the check stays linear in the body
    reach = len(lead) + PREFIX_SLACK
    return any(fold(later[:reach]).startswith(head) for later in paragraphs[index + 1 :])


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """The paragraphs without mark-only lines and without an opening lead that a later paragraph repeats."""
    kept = [paragraph for paragraph in paragraphs if has_words(paragraph)]
    leads = {index for index in range(min(OPENING_PARAGRAPHS, len(kept))) if _repeated_later(index, kept)}
    return [paragraph for index, paragraph in enumerate(kept) if index not in leads]
