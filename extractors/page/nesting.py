"""Pages nested deeper than libxml2 will parse, flattened so that their text survives.

libxml2 stops at 256 nested elements and drops the rest of the page (a page of 300 nested `<div>`s gave
empty text). Such pages (a CMS that never closes a `<font>`, a generated page of nested boxes) are
rewritten in one linear pass over their tags. Below `WRAPPER_DEPTH` nothing changes; deeper, bare wrappers
(a tag with no attributes that holds only another tag) are left out, which keeps the article's own
elements and classes; deeper than `MAX_DEPTH` every tag is left out, a block tag leaving a `<br>` so that
its paragraphs stay lines. Text is always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WRAPPER_DEPTH = 100
MAX_DEPTH = 180
MAX_CLOSE_SEARCH = 64  # open elements a closing tag may implicitly close (unclosed <p>, <li>)
# Elements that never hold content (no closing tag to wait for).
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont frame isindex keygen".split()  # noqa: SIM905
)
BREAKING_TAGS = frozenset(
    "p div section article aside li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table tbody thead tfoot figure "  # noqa: SIM905
    "figcaption blockquote center pre header footer main nav form address caption td th".split()
)
# Text that is not markup even when it holds "<": copied whole.
RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "xmp")
# A tag holds no "<": each attempt stops at the next one, so the scan stays linear on broken markup.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)([^<>]*?)(/?)>|<!--|<!|<\?")
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in RAW_TEXT_TAGS}
_OPENS_NEXT = re.compile(r"\s*<[A-Za-z]")


@dataclass
class _Open:
    name: str
    kept: bool
    breaks: bool = False  # left out below MAX_DEPTH: its end is a line break


@dataclass
class _Flattener:
    text: str
    max_depth: int
    wrapper_depth: int
    pieces: list[str] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    depth: int = 0  # elements kept open

    def open(self, found: re.Match[str]) -> None:
        name, attributes = found.group(2).lower(), found.group(3).strip()
        if self.depth >= self.max_depth:
            entry = _Open(name, kept=False, breaks=name in BREAKING_TAGS)
        elif self.depth >= self.wrapper_depth and not attributes and _OPENS_NEXT.match(self.text, found.end()):
            entry = _Open(name, kept=False)
        else:
            entry = _Open(name, kept=True)
        self.stack.append(entry)
        self.depth += entry.kept
        self.pieces.append(found.group(0) if entry.kept else "<br>" if entry.breaks else "")

    def close(self, found: re.Match[str]) -> None:
        name = found.group(2).lower()
        for index in range(len(self.stack) - 1, max(len(self.stack) - MAX_CLOSE_SEARCH, 0) - 1, -1):
            if self.stack[index].name == name:
                break
        else:
            return  # a stray closing tag: libxml2 ignores it too
        for entry in reversed(self.stack[index:]):
            self.depth -= entry.kept
        entry = self.stack[index]
        del self.stack[index:]
        self.pieces.append(found.group(0) if entry.kept else "<br>" if entry.breaks else "")


def _skip_raw(text: str, tag: str, position: int) -> int:
    """Where the raw text of `<tag>` that starts at `position` ends (after its closing tag)."""
    closing = _RAW_END[tag].search(text, position)
    return closing.end() if closing else len(text)


def _skip_markup(text: str, found: re.Match[str]) -> int:
    """End of a comment, doctype or processing instruction."""
    opener = found.group(0)
    close = "-->" if opener == "<!--" else ">"
    end = text.find(close, found.end())
    return len(text) if end < 0 else end + len(close)


def flatten_nesting(text: str, max_depth: int = MAX_DEPTH, wrapper_depth: int = WRAPPER_DEPTH) -> str:
    """`text` with no element nested deeper than `max_depth` (see the module's docstring)."""
    out = _Flattener(text, max_depth, min(wrapper_depth, max_depth))
    position = 0
    while (found := _TAG.search(text, position)) is not None:
        out.pieces.append(text[position : found.start()])
        position = found.end()
        if found.group(2) is None:  # a comment, doctype or processing instruction
            position = _skip_markup(text, found)
            out.pieces.append(text[found.start() : position])
            continue
        name = found.group(2).lower()
        if found.group(1):
            out.close(found)
        elif name in VOID_TAGS or found.group(4):
            out.pieces.append(found.group(0))
        elif name in RAW_TEXT_TAGS:
            position = _skip_raw(text, name, position)
            out.pieces.append(text[found.start() : position])
        else:
            out.open(found)
    out.pieces.append(text[position:])
    return "".join(out.pieces)
