"""A small scorer for the quality gate: predictions (contract records) against gold files.

It follows the rules of shared/eval/README.md (reimplemented, not copied): both sides normalised (NFC, one
capital D, tone marks moved to the end of each syllable, dashes unified, zero-width characters dropped,
case folded, white space collapsed); officials matched by name, then (name, title) pairs whose word-overlap
F1 is at least 0.8, paired one to one; documents by (number as integer, type, issuer) plus `issued_on`
accuracy; terms by triples; dates as sets; boilerplate as shares of `must_keep` kept and `must_drop` dropped;
metadata as shares of exact matches. Counts are summed over files before P/R/F1 (micro-average). A repeated
predicted name, document key or term triple is a false positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

TITLE_MATCH_F1 = 0.8
METRIC_KEYS = (
    "officials_names",
    "officials_titles",
    "documents",
    "documents_issued_on",
    "terms",
    "dates",
    "boilerplate_keep",
    "boilerplate_drop",
    "title",
    "published_on",
    "author",
)
PRF_KEYS = ("officials_names", "officials_titles", "documents", "terms", "dates")
SHARE_KEYS = ("documents_issued_on", "boilerplate_keep", "boilerplate_drop", "title", "published_on", "author")

_CHAR_MAP = str.maketrans(
    {
        "\u00d0": "\u0110",
        "\u00f0": "\u0111",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        **{chr(c): "-" for c in range(0x2010, 0x2016)},
    }
)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE = re.compile(r"[^\W\d_]+")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def _tone_last(match: re.Match[str]) -> str:
    letters = unicodedata.normalize("NFD", match.group(0))
    tones = "".join(ch for ch in letters if ch in _TONE_MARKS)
    return "".join(ch for ch in letters if ch not in _TONE_MARKS) + tones


def normalize(text: str) -> str:
    """The comparison form of any string: see the module docstring."""
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = _SYLLABLE.sub(_tone_last, text)
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def normalize_label(text: str) -> str:
    """A name or title: normalised and stripped of surrounding punctuation."""
    return _EDGE_PUNCTUATION.sub("", normalize(text))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


@dataclass
class Share:
    ok: int = 0
    total: int = 0

    def add(self, ok: int, total: int) -> None:
        self.ok, self.total = self.ok + ok, self.total + total

    def value(self) -> float | None:
        return self.ok / self.total if self.total else None


@dataclass
class Tally:
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in PRF_KEYS})
    shares: dict[str, Share] = field(default_factory=lambda: {k: Share() for k in SHARE_KEYS})


def _multiset_counts(predicted: list[Any], gold: list[Any]) -> Counts:
    """Each gold item matches one predicted item at most; repeats in the prediction are false positives."""
    gold_left = Counter(gold)
    tp = 0
    for item in predicted:
        if gold_left[item] > 0:
            gold_left[item] -= 1
            tp += 1
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def title_words(title: str) -> list[str]:
    return [w for w in (normalize_label(t) for t in normalize(title).split()) if w]


def word_f1(left: str, right: str) -> float:
    a, b = Counter(title_words(left)), Counter(title_words(right))
    overlap = sum((a & b).values())
    total = sum(a.values()) + sum(b.values())
    return 2 * overlap / total if total else 0.0


def _max_pairing(predicted: list[str], gold: list[str]) -> int:
    """Size of the largest one-to-one pairing of titles with word-overlap F1 >= 0.8 (augmenting paths)."""
    edges = [[j for j, g in enumerate(gold) if word_f1(p, g) >= TITLE_MATCH_F1] for p in predicted]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(predicted)))


def _officials(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], tally: Tally) -> None:
    gold_by_name = {normalize_label(g["name"]): list(g.get("titles") or []) for g in gold}
    names = [normalize_label(str(p.get("name", ""))) for p in predicted]
    tally.counts["officials_names"].add(_multiset_counts(names, list(gold_by_name)))
    titles = Counts(fn=sum(len(t) for t in gold_by_name.values()))
    used: set[str] = set()
    for name, person in zip(names, predicted, strict=True):
        mine = [str(t) for t in person.get("titles") or []]
        theirs = gold_by_name.get(name) if name not in used else None
        used.add(name)
        paired = _max_pairing(mine, theirs) if theirs else 0
        titles.add(Counts(paired, len(mine) - paired, -paired))
    tally.counts["officials_titles"].add(titles)


@dataclass(frozen=True)
class DocumentKey:
    number: str
    type: str
    issuer: str


@dataclass(frozen=True)
class TermKey:
    ordinal: Any
    start_year: Any
    end_year: Any


def _code(value: Any) -> str:
    """Type or issuer compared without spaces ("BTC - BNN" = "BTC-BNN"); None is the empty code."""
    return normalize(str(value)).replace(" ", "") if value is not None else ""


def document_key(doc: dict[str, Any]) -> DocumentKey:
    number = "".join(normalize(str(doc.get("number") or "")).split())
    number = str(int(number)) if number.isdigit() else number
    return DocumentKey(number, _code(doc.get("type")), _code(doc.get("issuer")))


def _iso(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return value.strip()


def _documents(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], tally: Tally) -> None:
    """Counts on the keys; `issued_on` on gold and predicted documents paired in order, one to one, as the shared
    scorer pairs them: two decrees "19/2019/NĐ-CP" and "19/2011/NĐ-CP" share a key, and the second gold entry is
    judged on the second prediction of that key, not on the first again."""
    keys = [document_key(d) for d in predicted]
    tally.counts["documents"].add(_multiset_counts(keys, [document_key(g) for g in gold]))
    unpaired: dict[DocumentKey, list[dict[str, Any]]] = {}
    for key, doc in zip(keys, predicted, strict=True):
        unpaired.setdefault(key, []).append(doc)
    correct = judged = 0
    for doc in gold:
        candidates = unpaired.get(document_key(doc))
        if not candidates:
            continue
        paired = candidates.pop(0)
        if doc.get("issued_on"):
            judged += 1
            correct += _iso(paired.get("issued_on")) == _iso(doc["issued_on"])
    tally.shares["documents_issued_on"].add(correct, judged)


def _term_key(term: dict[str, Any]) -> TermKey:
    return TermKey(term.get("ordinal"), term.get("start_year"), term.get("end_year"))


def _boilerplate(text: str | None, gold: dict[str, Any], tally: Tally) -> None:
    """Shares of `must_keep` kept and `must_drop` dropped; with no prediction at all, nothing was dropped."""
    body = normalize(text or "")
    if "must_keep" in gold:
        keep = gold["must_keep"]
        tally.shares["boilerplate_keep"].add(sum(normalize(k) in body for k in keep), len(keep))
    if "must_drop" in gold:
        drop = gold["must_drop"]
        dropped = 0 if text is None else sum(normalize(d) not in body for d in drop)
        tally.shares["boilerplate_drop"].add(dropped, len(drop))


def _metadata(predicted: dict[str, Any], gold: dict[str, Any], tally: Tally) -> None:
    for key in ("title", "published_on", "author"):
        if gold.get(key) is None:
            continue
        mine = predicted.get(key)
        same = mine is not None and normalize_label(str(mine)) == normalize_label(str(gold[key]))
        tally.shares[key].add(int(same), 1)


def score_file(predicted: dict[str, Any] | None, gold: dict[str, Any], tally: Tally) -> None:
    """Add one file's counts to `tally`; a missing prediction fails every check the gold has."""
    missing = predicted is None
    predicted = predicted or {}
    if "officials" in gold:
        _officials(list(predicted.get("officials") or []), gold["officials"], tally)
    if "documents" in gold:
        _documents(list(predicted.get("documents") or []), gold["documents"], tally)
    if "terms" in gold:
        mine = [_term_key(t) for t in predicted.get("terms") or []]
        tally.counts["terms"].add(_multiset_counts(mine, [_term_key(t) for t in gold["terms"]]))
    if "dates" in gold:
        mine_dates, gold_dates = set(predicted.get("dates") or []), set(gold["dates"])
        tally.counts["dates"].add(
            Counts(len(mine_dates & gold_dates), len(mine_dates - gold_dates), len(gold_dates - mine_dates))
        )
    text = predicted.get("text")
    _boilerplate(None if missing else text if isinstance(text, str) else "", gold, tally)
    _metadata(predicted, gold, tally)


def report(tally: Tally) -> dict[str, float | None]:
    """F1 per category (None when there is nothing to count) and the shares."""
    result: dict[str, float | None] = {}
    for key in METRIC_KEYS:
        if key in tally.counts:
            counts = tally.counts[key]
            result[key] = counts.f1() if counts.tp + counts.fp + counts.fn else None
        else:
            result[key] = tally.shares[key].value()
    return result


def score_directory(gold_dir: Path, predictions: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    """Score predictions keyed by input file name ("NAME.txt") against every NAME.gold.json in gold_dir."""
    tally = Tally()
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score_file(predictions.get(gold["input"]), gold, tally)
    return report(tally)
