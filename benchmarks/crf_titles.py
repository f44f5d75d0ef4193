"""A learned sequence tagger for officials' titles, measured against the rules (issue 8).

The rules of `extractors.facts.titles` plateau on real text; this benchmark asks whether a CRF
(sklearn-crfsuite) trained on the real corpus's TUNE split tags title spans better. It is a measurement,
not production code: nothing in `extractors/` imports it.

Each article is read by the project's own page extraction (the text the facts extractor sees) and by the rules
(`extract_article_from_file`). Every gold official's titles are located in that text next to a mention of
the name and BIO-tagged, one sequence per sentence. Features: token form, folded form (no tone marks), case shape,
prefix/suffix, neighbours, membership in the title-head vocabulary and the abbreviation table, inside a person
name; the "stacked" model adds the rules' own title spans as a feature.

Variants of the officials' titles (names always come from the rules, so only titles differ):
`rules` (as extracted), `crf` (the tagger's spans, attached to the nearest name), `combined` (the tagger's
titles only for names the rules gave none), `union` (the rules' titles plus the tagger's new ones).

    .venv/bin/pip install -e ".[crf]"
    .venv/bin/python benchmarks/crf_titles.py train [--plain] --model MODEL.pkl
    .venv/bin/python benchmarks/crf_titles.py cv [--plain] [--folds 5]
    .venv/bin/python benchmarks/crf_titles.py predict --variant crf --model MODEL.pkl --out OUT.jsonl FILES...

`predict` writes `vnportal extract` JSON Lines, for `../shared/eval/score.py`. Exit status: 0 on success,
2 on bad usage, missing files or when sklearn-crfsuite is not installed.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from extractors.article import extract_article_from_file  # noqa: E402
from extractors.contract import article_record  # noqa: E402
from extractors.facts.person_names import Token, find_names, tokenize  # noqa: E402
from extractors.facts.titles import (  # noqa: E402
    ABBREVIATIONS,
    HEAD_WORDS,
    ORGAN_FIRST_WORDS,
    TITLE_LOWER_OK,
    field_end,
    head_length,
    title_key,
)
from extractors.normalize import fold_diacritics  # noqa: E402
from extractors.options import ExtractionOptions  # noqa: E402
from extractors.types import Article, Official  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real"
DEFAULT_INPUTS = REAL / "inputs"
DEFAULT_GOLD = REAL / "gold" / "tune"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
VARIANTS = ("rules", "crf", "combined", "union")
INSTALL_HINT = 'sklearn-crfsuite is not installed: pip install -e ".[crf]"'

OUTSIDE, BEGIN, INSIDE = "O", "B-TITLE", "I-TITLE"
MAX_NAME_GAP = 25  # tokens between a name and a title located for it (same sentence)
FUZZY_TITLE_F1 = 0.8  # the scorer's own threshold for a title that matches
NAME_BEFORE_GAP = 3  # "Chủ tịch UBND tỉnh, ông Nguyễn Văn A": tokens between a title and the name after it
NAME_AFTER_GAP = 2  # "Nguyễn Văn A, Bí thư Huyện ủy": tokens between a name (or its last title) and a title
NEAREST_NAME_GAP = 15
SENTENCE_MARKS = frozenset("!?;")
DASHES = frozenset("-–—‐‑")
CRF_PARAMS = {"algorithm": "lbfgs", "c1": 0.1, "c2": 0.05, "max_iterations": 150, "all_possible_transitions": True}


class MissingDependency(RuntimeError):
    """sklearn-crfsuite is an optional extra; the benchmark cannot train or tag without it."""


# --------------------------------------------------------------------------- the articles


@dataclass(frozen=True)
class Span:
    """Tokens `first`..`last` inclusive."""

    first: int
    last: int


@dataclass
class Document:
    """One article as the facts extractor sees it, with the rules' officials and (when known) the gold ones."""

    name: str
    article: Article
    tokens: list[Token]
    sentences: list[range]
    gold_officials: list[dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.content.text

    @property
    def rule_officials(self) -> list[Official]:
        return self.article.facts.officials


def split_sentences(tokens: list[Token], text: str) -> list[range]:
    """Token ranges of sentences: a line break or a closing mark ends one; a dot only after a real word."""
    sentences, start = [], 0
    for i, token in enumerate(tokens):
        line_break = i + 1 < len(tokens) and "\n" in text[token.end : tokens[i + 1].start]
        if line_break or token.text in SENTENCE_MARKS or _sentence_dot(tokens, i):
            sentences.append(range(start, i + 1))
            start = i + 1
    if start < len(tokens):
        sentences.append(range(start, len(tokens)))
    return sentences


def _sentence_dot(tokens: list[Token], i: int) -> bool:
    """A dot after an abbreviation ("TP. Hà Nội", "CT. UBND") does not end the sentence."""
    if tokens[i].text != "." or i == 0:
        return False
    before = tokens[i - 1]
    return not (before.is_abbr or len(before.text) <= 2)


def load_document(path: Path, gold: dict[str, Any] | None = None) -> Document:
    article = extract_article_from_file(path, ExtractionOptions())
    tokens = tokenize(article.content.text)
    officials = list(gold.get("officials", [])) if gold else []
    return Document(path.stem, article, tokens, split_sentences(tokens, article.content.text), officials)


def find_input(inputs: Path, stem: str) -> Path:
    for suffix in (".html", ".htm", ".txt"):
        candidate = inputs / f"{stem}{suffix}"
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no input for {stem} in {inputs}")


def load_gold_documents(gold_dir: Path, inputs: Path) -> list[Document]:
    """Every gold file of a directory with its input, in name order (the folds depend on it)."""
    documents = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        documents.append(load_document(find_input(inputs, Path(gold["input"]).stem), gold))
    return documents


# --------------------------------------------------------------------------- locating titles in the text


def match_keys(text_or_tokens: str | list[Token]) -> list[str]:
    """Comparable token keys: case, tone placement and dash kind ignored."""
    tokens = tokenize(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    return ["-" if token.text in DASHES else token.key for token in tokens]


def occurrences(keys: list[str], needle: list[str]) -> Iterator[Span]:
    if not needle:
        return
    size = len(needle)
    for i in range(len(keys) - size + 1):
        if keys[i] == needle[0] and keys[i : i + size] == needle:
            yield Span(i, i + size - 1)


def sentence_of(sentences: list[range], index: int) -> range:
    for sentence in sentences:
        if index in sentence:
            return sentence
    return range(0)


def gap(a: Span, b: Span) -> int:
    """Tokens between two disjoint spans (negative when they overlap)."""
    return max(a.first, b.first) - min(a.last, b.last) - 1


def word_overlap_f1(left: list[str], right: list[str]) -> float:
    common = sum((Counter(left) & Counter(right)).values())
    return 2 * common / (len(left) + len(right)) if common else 0.0


def _fuzzy_near(keys: list[str], title: list[str], name: Span, sentence: range) -> Span | None:
    """The window near a name most like a title the writer worded a little differently, if any is close."""
    best, best_f1 = None, FUZZY_TITLE_F1
    low, high = max(sentence.start, name.first - MAX_NAME_GAP), min(sentence.stop, name.last + MAX_NAME_GAP + 1)
    for first in range(low, high):
        for size in range(max(1, len(title) - 2), len(title) + 3):
            window = Span(first, first + size - 1)
            if window.last >= high or gap(window, name) < 0:
                continue
            f1 = word_overlap_f1(keys[window.first : window.last + 1], title)
            if f1 >= best_f1 and (best is None or f1 > best_f1):
                best, best_f1 = window, f1
    return best


def locate_titles(document: Document, name: str, titles: Iterable[str], keys: list[str] | None = None) -> list[Span]:
    """Spans of a person's titles next to each mention of the name, in the same sentence."""
    keys = keys if keys is not None else match_keys(document.tokens)
    found: set[Span] = set()
    for mention in occurrences(keys, match_keys(name)):
        sentence = sentence_of(document.sentences, mention.first)
        for title in titles:
            title_keys = match_keys(title)
            span = _exact_near(keys, title_keys, mention, sentence) or _fuzzy_near(keys, title_keys, mention, sentence)
            if span is not None:
                found.add(span)
    return sorted(found, key=lambda s: s.first)


def _exact_near(keys: list[str], title: list[str], name: Span, sentence: range) -> Span | None:
    """The title written as it is, closest to the name in its sentence."""
    spans = [
        Span(span.first + sentence.start, span.last + sentence.start)
        for span in occurrences(keys[sentence.start : sentence.stop], title)
    ]
    near = [span for span in spans if 0 <= gap(span, name) <= MAX_NAME_GAP]
    return min(near, key=lambda span: gap(span, name)) if near else None


def bio_tags(size: int, spans: Iterable[Span]) -> list[str]:
    """BIO tags of `size` tokens; a span overlapping one already tagged is left out."""
    tags = [OUTSIDE] * size
    for span in sorted(spans, key=lambda s: (s.first, -s.last)):
        if any(tag != OUTSIDE for tag in tags[span.first : span.last + 1]):
            continue
        tags[span.first] = BEGIN
        for i in range(span.first + 1, span.last + 1):
            tags[i] = INSIDE
    return tags


def gold_tags(document: Document) -> list[str]:
    keys = match_keys(document.tokens)
    spans = [
        span
        for person in document.gold_officials
        for span in locate_titles(document, person["name"], person.get("titles", []), keys)
    ]
    return bio_tags(len(document.tokens), spans)


def rule_tags(document: Document) -> list[str]:
    """The rules' own title spans, located the way gold titles are: the stacked model's extra feature."""
    keys = match_keys(document.tokens)
    spans = [
        span
        for official in document.rule_officials
        for span in locate_titles(document, official.name, official.titles, keys)
    ]
    return bio_tags(len(document.tokens), spans)


def name_tags(document: Document) -> list[bool]:
    """Tokens inside a person's name, as the project's name finder reads them (a title stops at a name)."""
    inside = [False] * len(document.tokens)
    for name in find_names(document.tokens, document.text):
        for i in range(name.first, name.last + 1):
            inside[i] = True
    return inside


# --------------------------------------------------------------------------- features


def shape(token: Token) -> str:
    if not token.is_word:
        return "digit" if token.text[0].isdigit() else "punct"
    if token.is_abbr:
        return "ABBR"
    return "Cap" if token.is_cap else "low"


@dataclass
class Marks:
    """Per-token marks computed once per article: the vocabulary's heads and organ fields, names, the rules' spans."""

    heads: list[str]  # BIO of title heads ("Phó Chủ tịch", "PBT") as the rules' vocabulary reads them
    fields: list[bool]  # inside a listed organ field ("Tài nguyên và Môi trường")
    in_name: list[bool]
    rules: list[str] | None = None  # BIO of the rules' title spans: the stacked model only


def head_marks(tokens: list[Token]) -> list[str]:
    spans = [Span(i, i + size - 1) for i in range(len(tokens)) if (size := head_length(tokens, i, lower_ok=True))]
    return bio_tags(len(tokens), spans)


def field_marks(tokens: list[Token]) -> list[bool]:
    inside = [False] * len(tokens)
    for i in range(len(tokens)):
        for k in range(i, field_end(tokens, i)):
            inside[k] = True
    return inside


def document_marks(document: Document, stacked: bool) -> Marks:
    tokens = document.tokens
    rules = rule_tags(document) if stacked else None
    return Marks(head_marks(tokens), field_marks(tokens), name_tags(document), rules)


def _own_features(tokens: list[Token], i: int, marks: Marks) -> dict[str, Any]:
    token, key = tokens[i], tokens[i].key
    return {
        "bias": 1.0,
        "form": key,
        "folded": fold_diacritics(key),
        "shape": shape(token),
        "prefix2": key[:2],
        "suffix2": key[-2:],
        "head": marks.heads[i],
        "head_word": key in HEAD_WORDS,
        "abbreviation": key in ABBREVIATIONS,
        "organ_first": key in ORGAN_FIRST_WORDS,
        "title_lower_ok": key in TITLE_LOWER_OK,
        "field": marks.fields[i],
        "in_name": marks.in_name[i],
    }


def _neighbour_features(tokens: list[Token], i: int, sentence: range, marks: Marks) -> dict[str, Any]:
    features: dict[str, Any] = {}
    for offset in (-3, -2, -1, 1, 2, 3):
        j = i + offset
        at = f"{offset:+d}"
        if j not in sentence:
            features[f"{at}:edge"] = True
            continue
        features[f"{at}:folded"] = fold_diacritics(tokens[j].key)
        if abs(offset) <= 2:
            features[f"{at}:form"] = tokens[j].key
            features[f"{at}:shape"] = shape(tokens[j])
            features[f"{at}:head"] = marks.heads[j]
            features[f"{at}:in_name"] = marks.in_name[j]
    if i - 1 in sentence:
        features["-1|0"] = f"{tokens[i - 1].key}|{tokens[i].key}"
    if i + 1 in sentence:
        features["0|+1"] = f"{tokens[i].key}|{tokens[i + 1].key}"
    return features


def _stacked_features(i: int, sentence: range, rules: list[str]) -> dict[str, Any]:
    return {
        "rule": rules[i],
        "-1:rule": rules[i - 1] if i - 1 in sentence else "edge",
        "+1:rule": rules[i + 1] if i + 1 in sentence else "edge",
    }


def token_features(tokens: list[Token], i: int, sentence: range, marks: Marks) -> dict[str, Any]:
    """Features of token `i`; the rules' spans only when `marks` has them (the stacked model)."""
    features = {**_own_features(tokens, i, marks), **_neighbour_features(tokens, i, sentence, marks)}
    if marks.rules is not None:
        features.update(_stacked_features(i, sentence, marks.rules))
    return features


def sentence_features(document: Document, stacked: bool) -> list[list[dict[str, Any]]]:
    marks = document_marks(document, stacked)
    return [[token_features(document.tokens, i, sentence, marks) for i in sentence] for sentence in document.sentences]


def sentence_labels(document: Document) -> list[list[str]]:
    tags = gold_tags(document)
    return [[tags[i] for i in sentence] for sentence in document.sentences]


# --------------------------------------------------------------------------- the model


@dataclass
class TitleTagger:
    """A trained CRF and whether it reads the rules' spans."""

    crf: Any
    stacked: bool

    def tag(self, document: Document) -> list[str]:
        predicted = self.crf.predict(sentence_features(document, self.stacked))
        return [tag for sentence in predicted for tag in sentence]


def new_crf() -> Any:
    try:
        import sklearn_crfsuite
    except ImportError as error:
        raise MissingDependency(INSTALL_HINT) from error
    return sklearn_crfsuite.CRF(**CRF_PARAMS)


def train(documents: list[Document], stacked: bool) -> TitleTagger:
    crf = new_crf()
    features, labels = [], []
    for document in documents:
        features += sentence_features(document, stacked)
        labels += sentence_labels(document)
    crf.fit(features, labels)
    return TitleTagger(crf, stacked)


def spans_of(tags: list[str]) -> list[Span]:
    """Spans of BIO tags; an I without its B opens a span too."""
    spans, first = [], None
    for i, tag in enumerate([*tags, OUTSIDE]):
        if first is not None and tag != INSIDE:
            spans.append(Span(first, i - 1))
            first = None
        if tag == BEGIN or (tag == INSIDE and first is None):
            first = i
    return spans


# --------------------------------------------------------------------------- titles to officials


def _name_spans(document: Document) -> list[tuple[Span, str]]:
    """Token spans of the rules' name mentions (their evidence) with the official's name."""
    starts = {token.start: i for i, token in enumerate(document.tokens)}
    ends = {token.end: i for i, token in enumerate(document.tokens)}
    return [
        (Span(starts[e.start], ends[e.end]), official.name)
        for official in document.rule_officials
        for e in official.evidence
        if e.start in starts and e.end in ends
    ]


def _owner(span: Span, names: list[tuple[Span, str]], previous: tuple[Span, str] | None) -> str | None:
    """Whose title a span is: the name right after it, else the name (or that name's title) right before it,
    else the nearest name in the sentence."""
    after = [(gap(span, n), who) for n, who in names if n.first > span.last and gap(span, n) <= NAME_BEFORE_GAP]
    if after:
        return min(after)[1]
    before = [(gap(n, span), who) for n, who in names if n.last < span.first and gap(n, span) <= NAME_AFTER_GAP]
    if previous is not None and 0 <= gap(previous[0], span) <= NAME_AFTER_GAP:
        before.append((gap(previous[0], span), previous[1]))
    if before:
        return min(before)[1]
    nearest = [(abs(gap(span, n)), who) for n, who in names if abs(gap(span, n)) <= NEAREST_NAME_GAP]
    return min(nearest)[1] if nearest else None


def attach_titles(document: Document, tags: list[str]) -> dict[str, list[str]]:
    """Tagged title spans given to the rules' officials, per name, in text order, without repeats."""
    names = _name_spans(document)
    titles: dict[str, list[str]] = {}
    for sentence in document.sentences:
        in_sentence = [(n, who) for n, who in names if n.first in sentence]
        previous = None
        for span in spans_of([tags[i] for i in sentence]):
            span = Span(span.first + sentence.start, span.last + sentence.start)
            owner = _owner(span, in_sentence, previous)
            if owner is None:
                continue
            previous = (span, owner)
            title = document.text[document.tokens[span.first].start : document.tokens[span.last].end]
            owned = titles.setdefault(owner, [])
            if title_key(title) not in {title_key(t) for t in owned}:
                owned.append(title)
    return titles


def _same_title(left: str, right: str) -> bool:
    return word_overlap_f1(match_keys(left), match_keys(right)) >= FUZZY_TITLE_F1


def variant_titles(variant: str, rules: list[str], tagged: list[str]) -> list[str]:
    """One official's titles under a variant."""
    if variant == "rules":
        return list(rules)
    if variant == "crf":
        return list(tagged)
    if variant == "combined":
        return list(rules) if rules else list(tagged)
    if variant == "union":
        return list(rules) + [t for t in tagged if not any(_same_title(t, r) for r in rules)]
    raise ValueError(f"unknown variant {variant!r}")


def variant_record(document: Document, source: str, variant: str, tags: list[str] | None) -> dict[str, Any]:
    """The `vnportal extract` record of an article with its officials' titles taken from a variant."""
    record = article_record(document.article, source)
    tagged = attach_titles(document, tags) if tags is not None else {}
    for official in record["officials"]:
        titles = variant_titles(variant, official["titles"], tagged.get(official["name"], []))
        official["titles"] = titles
        official["positions"] = [{"title": t, "status": "current"} for t in titles]
    return record


# --------------------------------------------------------------------------- scoring and the commands


def score(scorer: Path, gold_dir: Path, records: list[dict[str, Any]]) -> list[str]:
    """The scorer's officials lines for these records."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        write_jsonl(out.name, records)
    result = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold_dir), "--pred", out.name],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(out.name).unlink()
    return [line for line in result.stdout.splitlines() if line.lstrip().startswith("officials_")]


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def folds(documents: list[Document], count: int) -> list[list[Document]]:
    """Round-robin over name order: each source spreads over every fold."""
    return [documents[k::count] for k in range(count)]


def cross_validate(documents: list[Document], count: int, stacked: bool) -> dict[str, list[dict[str, Any]]]:
    """Out-of-fold records per variant: each article tagged by the model that did not train on it."""
    records: dict[str, list[dict[str, Any]]] = {variant: [] for variant in VARIANTS}
    parts = folds(documents, count)
    for k, held_out in enumerate(parts):
        tagger = train([d for j, part in enumerate(parts) if j != k for d in part], stacked)
        for document in held_out:
            tags = tagger.tag(document)
            for variant in VARIANTS:  # the scorer pairs a record with its gold file by the source's stem
                records[variant].append(variant_record(document, f"{document.name}.txt", variant, tags))
    return records


def run_train(args: argparse.Namespace) -> int:
    new_crf()  # fails early, with the install hint, when the extra is missing
    documents = load_gold_documents(args.gold, args.inputs)
    started = time.perf_counter()
    tagger = train(documents, stacked=not args.plain)
    elapsed = time.perf_counter() - started
    args.model.write_bytes(pickle.dumps(tagger))
    kind = "stacked" if tagger.stacked else "plain"
    print(f"trained {kind} on {len(documents)} articles in {elapsed:.1f} s -> {args.model}")
    return 0


def run_cv(args: argparse.Namespace) -> int:
    new_crf()
    documents = load_gold_documents(args.gold, args.inputs)
    started = time.perf_counter()
    records = cross_validate(documents, args.folds, stacked=not args.plain)
    kind = "stacked" if not args.plain else "plain"
    print(f"{args.folds}-fold CV ({kind}) on {len(documents)} articles: {time.perf_counter() - started:.1f} s")
    for variant in VARIANTS:
        for line in score(args.scorer, args.gold, records[variant]):
            print(f"{variant:9} {line.strip()}")
    return 0


def run_predict(args: argparse.Namespace) -> int:
    tagger: TitleTagger | None = None
    if args.variant != "rules":
        new_crf()  # fails early, with the install hint, when the extra is missing
        tagger = pickle.loads(args.model.read_bytes())
    records = []
    for path in args.files:
        document = load_document(path)
        tags = tagger.tag(document) if tagger is not None else None
        records.append(variant_record(document, str(path), args.variant, tags))
    write_jsonl(args.out, records)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("train", "cv"):
        command = commands.add_parser(name)
        command.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold directory (the TUNE split)")
        command.add_argument("--inputs", type=Path, default=DEFAULT_INPUTS)
        command.add_argument("--plain", action="store_true", help="without the rules' spans as a feature")
    commands.choices["train"].add_argument("--model", type=Path, required=True, help="where to save the model")
    commands.choices["cv"].add_argument("--folds", type=int, default=5)
    commands.choices["cv"].add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    predict = commands.add_parser("predict")
    predict.add_argument("--variant", choices=VARIANTS, required=True)
    predict.add_argument("--model", type=Path, help="a model saved by train (all variants but rules)")
    predict.add_argument("--out", type=Path, required=True)
    predict.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "predict" and args.variant != "rules" and args.model is None:
        parser.error(f"--variant {args.variant} needs --model")
    return args


COMMANDS = {"train": run_train, "cv": run_cv, "predict": run_predict}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except MissingDependency as error:
        print(f"crf_titles: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"crf_titles: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
