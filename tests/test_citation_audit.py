"""The recall audit reports citation-like spans that no extracted document covers, and only those."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks are scripts run from the checkout, not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.citation_audit import CODE, WORD_NUMBER, uncovered_citations  # noqa: E402

ARTICLE = ROOT / "tests" / "fixtures" / "real_corpus" / "audit-article.txt"


def test_spans_no_document_covers_are_reported() -> None:
    found = uncovered_citations("audit-article.txt", ARTICLE.read_text(encoding="utf-8"), (CODE, WORD_NUMBER))
    # a standard's code and a court judgment: what the contract leaves out, for the reader to tell apart
    assert [miss.span for miss in found] == ["2029/BXD", "12/2029/HS-ST"]
    assert all(miss.source == "audit-article.txt" and miss.span in miss.context for miss in found)


def test_extracted_documents_are_not_reported() -> None:
    found = uncovered_citations("audit-article.txt", ARTICLE.read_text(encoding="utf-8"), (CODE, WORD_NUMBER))
    spans = " ".join(miss.span for miss in found)
    assert "418" not in spans and "45" not in spans
