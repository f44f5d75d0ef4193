"""Recall audit of document citations on unannotated real text: what looks like a citation but no document covers.

Rules fitted to annotated misses keep fitting those misses; a class of miss shows itself better as a count over
thousands of texts nobody annotated. This script samples press or portal texts from local git mirrors of public
repositories (in md5 order of their paths, so the sample is not the easy ones), leaves out every file the real corpus
already uses, extracts each with the library, and prints the citation-like spans that no extracted document covers:
codes ("12/QĐ-UBND", "35-NQ/TW") and a type word before a number ("nghị định 67", "Chỉ thị số 05"). Reading them
tells a class of miss (a citing word not known, a body not attached) from what the contract leaves out (court
judgments, licences, programmes named by a number). Third-party text is printed only, never written to the project.

    .venv/bin/python -m benchmarks.citation_audit magizbox/scraper:vn_news/data/ [--limit 700] [--skip 0]
        [--commit HEAD] [--mirror-root /work/.mirror] [--kind code|word|both]

Exit status: 0 after the report, 2 when a repository has no local mirror or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.real_corpus import load_locators, mirror_git_dir
from extractors.article import extract_article_from_text
from extractors.options import ExtractionOptions

DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
MAX_TEXT_CHARS = 15_000
CONTEXT = 70
_TYPE_WORDS = (
    r"Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Thông tư(?: liên tịch)?|Nghị định|Công văn|Văn bản|Thông báo"
    r"|Hướng dẫn|Quy định|Quy chế|Luật|Tờ trình|Công điện|Pháp lệnh"
)
CODE = re.compile(r"(?<![\w/.,-])(\d{1,5})(?:[./]\d{4})?[/-][A-ZĐ][A-ZĐa-zđ&]+(?:[-/][A-ZĐ0-9][A-ZĐa-zđ&0-9]*)*")
WORD_NUMBER = re.compile(rf"(?i:{_TYPE_WORDS})\s+(?:số\s*:?\s*)?(\d{{1,5}})\b(?![/.,]\d)")
# A sample worth auditing cites something and is about government, as the corpus's genre is.
CITES = re.compile(rf"(?i:{_TYPE_WORDS})\s+(?:số\s+)?\d|\d+(?:/\d{{4}})?/[A-ZĐ]{{2,}}|\d+-[A-ZĐ]{{2,}}/[A-ZĐ]")
GOVERNMENT = re.compile(r"UBND|HĐND|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Đảng ủy|Chủ tịch|Bí thư|Chính phủ|Bộ trưởng")
MIN_GOVERNMENT_WORDS = 2


@dataclass(frozen=True)
class Uncovered:
    """A citation-like span no extracted document covers, with its context."""

    source: str
    span: str
    context: str


@dataclass(frozen=True)
class Sample:
    """Which texts to audit: those under `prefix` at `commit`, `limit` of them after the first `skip`."""

    git_dir: Path
    commit: str
    prefix: str
    limit: int
    skip: int = 0


def sampled_texts(sample: Sample, used: set[str]) -> Iterator[tuple[str, str]]:
    """(path, text) of the sample's texts in the genre, in md5 order of their paths; files the corpus uses are left
    out."""
    git_dir, commit = sample.git_dir, sample.commit
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", commit, sample.prefix],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    paths = sorted((p for p in listing if p.endswith((".txt", ".html")) and p not in used), key=_md5)
    reader = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)  # fmt: skip
    assert reader.stdin is not None and reader.stdout is not None
    kept = 0
    try:
        for path in paths:
            reader.stdin.write(f"{commit}:{path}\n".encode())
            reader.stdin.flush()
            header = reader.stdout.readline().split()
            if len(header) < 3:
                continue
            data = reader.stdout.read(int(header[2]))
            reader.stdout.read(1)
            text = unicodedata.normalize("NFC", _decoded(data))
            if len(text) > MAX_TEXT_CHARS or not CITES.search(text):
                continue
            if len(GOVERNMENT.findall(text)) < MIN_GOVERNMENT_WORDS:
                continue
            kept += 1
            if kept > sample.skip:
                yield path, text
            if kept >= sample.skip + sample.limit:
                return
    finally:
        reader.kill()


def _md5(path: str) -> str:
    return hashlib.md5(path.encode()).hexdigest()


def _decoded(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")


def uncovered_citations(source: str, text: str, kinds: tuple[re.Pattern[str], ...]) -> list[Uncovered]:
    """The citation-like spans of one text's extracted body that no document's evidence covers and whose number no
    document carries."""
    article = extract_article_from_text(text, ExtractionOptions())
    body, documents = article.content.text, article.facts.documents
    numbers = {document.number.lstrip("0") for document in documents}
    spans = [(evidence.start, evidence.end) for document in documents for evidence in document.evidence]
    found = []
    for pattern in kinds:
        for match in pattern.finditer(body):
            covered = any(start < match.end() and match.start() < end for start, end in spans)
            if covered or match.group(1).lstrip("0") in numbers:
                continue
            context = body[max(0, match.start() - CONTEXT) : match.end() + CONTEXT].replace("\n", " | ")
            found.append(Uncovered(source, match.group(), context))
    return found


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="OWNER/NAME:PATH_PREFIX of a repository mirrored locally")
    parser.add_argument("--limit", type=int, default=700, help="texts to audit (default: 700)")
    parser.add_argument("--skip", type=int, default=0, help="texts of the md5 order to pass over first")
    parser.add_argument("--commit", default="HEAD", help="the snapshot's commit to read (default: HEAD)")
    parser.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    parser.add_argument("--kind", choices=("code", "word", "both"), default="both")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    repo, _, prefix = args.source.partition(":")
    git_dir = mirror_git_dir(args.mirror_root, repo)
    if git_dir is None:
        print(f"no local mirror of {repo} under {args.mirror_root}: fetch it first", file=sys.stderr)
        return 2
    used = {locator.path for locator in load_locators() if locator.repo == repo}
    kinds = {"code": (CODE,), "word": (WORD_NUMBER,), "both": (CODE, WORD_NUMBER)}[args.kind]
    audited = misses = 0
    sample = Sample(git_dir, args.commit, prefix, args.limit, args.skip)
    for path, text in sampled_texts(sample, used):
        audited += 1
        for miss in uncovered_citations(path, text, kinds):
            misses += 1
            print(f"{miss.source}\t{miss.span}\t{miss.context}")
    print(f"{audited} texts audited, {misses} citation-like spans uncovered", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
