"""The real-text development corpus: rebuild its inputs from public repositories, score a split.

Third-party text is never committed: `tests/fixtures/real/locators.json` says where each article lives (repository,
commit, path, an optional `select` that cuts one article out of a dataset file) and the sha256 of the bytes to
rebuild. `rebuild` takes each file from a local git mirror of its repository when one is present
(`MIRROR_ROOT/OWNER+NAME/repo[/.git]`, as the `fetch` tool leaves them), else from raw.githubusercontent.com at
the pinned commit, checks the sha256 and writes `tests/fixtures/real/inputs/NAME.html|.txt` (git-ignored).
`score` runs `vnportal extract` over one split's inputs and the shared scorer against
`tests/fixtures/real/gold/SPLIT/`.

    .venv/bin/python benchmarks/real_corpus.py rebuild [--mirror-root /work/.mirror] [--out tests/fixtures/real/inputs]
    .venv/bin/python benchmarks/real_corpus.py score --split tune [--per-file] [--json]

Exit status: 0 when every article was rebuilt (or the scorer ran), 1 when some article failed, 2 on bad usage or
missing files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
LOCATORS = REAL / "locators.json"
DEFAULT_INPUTS = REAL / "inputs"
DEFAULT_GOLD = REAL / "gold"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
SPLITS = ("test", "tune")
KINDS = {"html": ".html", "txt": ".txt"}
DOWNLOAD_TIMEOUT_S = 30


class CorpusError(Exception):
    """A locator cannot be turned into its input (missing source, bad selection, checksum mismatch)."""


@dataclass(frozen=True)
class Locator:
    name: str
    kind: str
    split: str
    repo: str
    commit: str
    path: str
    sha256: str
    select: dict | None = None

    @property
    def filename(self) -> str:
        return self.name + KINDS[self.kind]


def load_locators(path: Path = LOCATORS) -> list[Locator]:
    """The locators of the corpus, validated enough that a typo fails here rather than mid-rebuild."""
    document = json.loads(path.read_text(encoding="utf-8"))
    fields = Locator.__dataclass_fields__
    locators = [
        Locator(**{key: value for key, value in entry.items() if key in fields}) for entry in document["articles"]
    ]
    for locator in locators:
        if locator.kind not in KINDS or locator.split not in SPLITS:
            raise CorpusError(f"{locator.name}: kind {locator.kind!r} / split {locator.split!r} not recognised")
    return locators


def mirror_git_dir(mirror_root: Path, repo: str) -> Path | None:
    """The git directory of a local snapshot of `repo` (bare or with a work tree), if there is one."""
    base = mirror_root / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "objects").is_dir():
            return candidate
    return None


def read_from_mirror(git_dir: Path, commit: str, path: str) -> bytes:
    result = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True, check=False
    )
    if result.returncode != 0:
        raise CorpusError(f"{commit}:{path} not in mirror {git_dir}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def download(repo: str, commit: str, path: str) -> bytes:
    url = RAW_URL.format(repo=repo, commit=commit, path=urllib.parse.quote(path))
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise CorpusError(
            f"no local mirror of {repo} and {url} could not be downloaded ({error}); "
            f"fetch the repository into the mirror root or go online"
        ) from error


def source_bytes(locator: Locator, mirror_root: Path, path: str | None = None) -> bytes:
    """The bytes of `path` (default: the locator's own path) at the locator's commit."""
    path = path or locator.path
    git_dir = mirror_git_dir(mirror_root, locator.repo)
    if git_dir is not None:
        return read_from_mirror(git_dir, locator.commit, path)
    return download(locator.repo, locator.commit, path)


def select_article(data: bytes, select: dict | None, listing: bytes | None = None) -> bytes:
    """Cut one article out of a dataset file; without `select` the whole file is the article.

    `{"row": N, "delimiter": "|", "columns": [3, 4, 5]}`: line N (1-based) of a delimited file, the listed
    columns (1-based) each on its own line.
    `{"sql_table": T, "key": K, "title": C1, "lead": C2, "body": C3}`: the record with first value K in the
    `INSERT INTO T` statements of a MySQL dump (a portal's own database), written as a minimal HTML page:
    the title as its headline, the lead as a paragraph, the body's stored HTML as it is.
    `{"csv_record": N, "columns": ["title", "content", "author"]}`: the N-th record (0-based, header excluded) of
    a CSV file with a header row, read by Python's csv module (so quoted fields may hold line breaks and
    delimiters), the named columns in the order given, each written as it is and ended by a line break; an
    empty cell writes nothing.
    `{"java_case": N, "listing": PATH}`: an article an app's source code keeps as Java string literals (batch
    15): the headline and lead are the title and subtitle of `new NewsModel(N, title, time, subtitle, image)` in
    the list screen at PATH (`listing`, read at the same commit), the body the items its detail screen (this
    file) adds in the `case N:` block of its data switch, each on its own line. Arguments that are not string
    literals (image URLs built on a base-URL variable) and literals that are URLs are left out: they are
    pictures, not text; the list's time is left out too (the app's placeholder, repeated across articles).
    `{"json_item": N, "title": F1, "lead": F2, "body": F3}`: the N-th object (0-based) of a file holding one JSON array
    (a portal's articles exported for its rebuild), written as the SQL record's minimal page is.
    `{"json_fields": ["title", "date", "content"]}`: a file holding one JSON object (a dataset's article record),
    the named string fields in the order given, each written as it is and ended by a line break; a missing, empty
    or blank field writes nothing.
    """
    if not select:
        return data
    if set(select) == {"row", "delimiter", "columns"}:
        return _delimited_row(data, select)
    if set(select) == {"sql_table", "key", "title", "lead", "body"}:
        return _sql_record_page(data, select)
    if set(select) == {"csv_record", "columns"}:
        return _csv_record(data, select)
    if set(select) == {"json_item", "title", "lead", "body"}:
        return _json_item_page(data, select)
    if set(select) == {"json_fields"}:
        return _json_fields(data, select["json_fields"])
    if set(select) == {"java_case", "listing"}:
        if listing is None:
            raise CorpusError(f"selection {select!r} needs the listing file's bytes")
        return _java_case_article(data, listing, select["java_case"])
    raise CorpusError(f"unknown selection {select!r}")


def _delimited_row(data: bytes, select: dict) -> bytes:
    lines = data.decode("utf-8").split("\n")
    if not 1 <= select["row"] <= len(lines):
        raise CorpusError(f"row {select['row']} is outside the file ({len(lines)} lines)")
    cells = lines[select["row"] - 1].split(select["delimiter"])
    if max(select["columns"]) > len(cells):
        raise CorpusError(f"row {select['row']} has {len(cells)} columns, not {max(select['columns'])}")
    return ("\n".join(cells[column - 1] for column in select["columns"]) + "\n").encode("utf-8")


def _csv_record(data: bytes, select: dict) -> bytes:
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(max(previous_limit, len(data)))  # one field may be most of the file
    try:
        records = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
        header = records.fieldnames or []
        missing = [column for column in select["columns"] if column not in header]
        if missing:
            raise CorpusError(f"columns {missing} not in the CSV header {header}")
        number = select["csv_record"]
        record = next((row for index, row in enumerate(records) if index == number), None)
    except csv.Error as error:
        raise CorpusError(f"unreadable CSV: {error}") from error
    finally:
        csv.field_size_limit(previous_limit)
    if record is None:
        raise CorpusError(f"csv_record {number} is outside the file")
    cells = [record[column] or "" for column in select["columns"]]
    return "".join(cell + "\n" for cell in cells if cell.strip()).encode("utf-8")


def _loaded_json(data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorpusError(f"unreadable JSON: {error}") from error


def _json_fields(data: bytes, fields: list[str]) -> bytes:
    record = _loaded_json(data)
    if not isinstance(record, dict):
        raise CorpusError("the JSON file holds no object")
    values = [record.get(name) for name in fields]
    if any(value is not None and not isinstance(value, str) for value in values):
        raise CorpusError(f"fields {fields} must be strings")
    return "".join(value + "\n" for value in values if value and value.strip()).encode("utf-8")


_INSERT = re.compile(r"INSERT INTO `(?P<table>\w+)` \((?P<columns>[^)]*)\) VALUES\s*", re.IGNORECASE)
_SQL_VALUE = re.compile(r"'((?:[^'\\]|\\.|'')*)'|(NULL)|(-?[\d.]+)", re.DOTALL)
_SQL_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "Z": "\x1a"}


def _sql_string(raw: str) -> str:
    return re.sub(
        r"\\(.)|''", lambda m: _SQL_ESCAPES.get(m.group(1), m.group(1)) if m.group(1) else "'", raw, flags=re.DOTALL
    )


def _sql_rows(text: str, table: str) -> list[dict[str, str | None]]:
    """Every record the dump's `INSERT INTO table` statements hold, as column -> value."""
    rows: list[dict[str, str | None]] = []
    for insert in _INSERT.finditer(text):
        if insert.group("table") != table:
            continue
        columns = [name.strip(" `") for name in insert.group("columns").split(",")]
        position = insert.end()
        while position < len(text) and text[position] == "(":
            values: list[str | None] = []
            position += 1
            while True:
                match = _SQL_VALUE.match(text, position)
                if match is None:
                    raise CorpusError(f"unreadable value in {table} at offset {position}")
                quoted, null, number = match.groups()
                values.append(_sql_string(quoted) if quoted is not None else None if null else number)
                position = match.end()
                while text[position] in " \n\r\t":
                    position += 1
                if text[position] == ")":
                    break
                position += 1  # the comma between values
                while text[position] in " \n\r\t":
                    position += 1
            rows.append(dict(zip(columns, values, strict=True)))
            position += 1
            while position < len(text) and text[position] in ",\n\r\t ":
                position += 1
    return rows


def _sql_record_page(data: bytes, select: dict) -> bytes:
    rows = _sql_rows(data.decode("utf-8"), select["sql_table"])
    key = str(select["key"])
    record = next((row for row in rows if next(iter(row.values())) == key), None)
    if record is None:
        raise CorpusError(f"no record {key} in table {select['sql_table']}")
    title, lead, body = (record.get(select[part]) or "" for part in ("title", "lead", "body"))
    return _minimal_page(title, lead, body)


def _minimal_page(title: str, lead: str, body: str) -> bytes:
    """A record's title as the headline, its lead in bold, its body's stored HTML as it is."""
    page = (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head>\n<body><article>\n<h1>{html.escape(title)}</h1>\n<p><strong>{html.escape(lead)}</strong></p>\n"
        f"{body}\n</article></body></html>\n"
    )
    return page.encode("utf-8")


def _json_item_page(data: bytes, select: dict) -> bytes:
    items = _loaded_json(data)
    number = select["json_item"]
    if not isinstance(items, list) or not 0 <= number < len(items) or not isinstance(items[number], dict):
        raise CorpusError(f"json_item {number} is outside the file's array")
    record = items[number]
    title, lead, body = (record.get(select[part]) or "" for part in ("title", "lead", "body"))
    if not all(isinstance(value, str) for value in (title, lead, body)):
        raise CorpusError(f"json_item {number}: title, lead and body must be strings")
    # a portal stores its plain fields with their entities ("26&#x002F;12&#x002F;2025"): written once, not twice
    return _minimal_page(html.unescape(title), html.unescape(lead), body)


_JAVA_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "0": "\0", '"': '"', "'": "'", "\\": "\\"}
_JAVA_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_JAVA_CONCATENATION = re.compile(r'\s*"(?:[^"\\\n]|\\.)*"(?:\s*\+\s*"(?:[^"\\\n]|\\.)*")*\s*')


def _java_unescape(raw: str) -> str:
    return re.sub(
        r"\\u([0-9a-fA-F]{4})|\\(.)",
        lambda m: chr(int(m.group(1), 16)) if m.group(1) else _JAVA_ESCAPES.get(m.group(2), m.group(2)),
        raw,
    )


def _java_call_arguments(text: str, open_paren: int) -> list[str]:
    """The source of each argument of the call whose `(` is at `open_paren` (literals and nesting respected)."""
    arguments: list[str] = []
    depth, start, position = 0, open_paren + 1, open_paren
    while position < len(text):
        char = text[position]
        if char == '"':
            literal = _JAVA_LITERAL.match(text, position)
            if literal is None:
                raise CorpusError(f"unterminated Java string at offset {position}")
            position = literal.end()
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                arguments.append(text[start:position])
                return arguments
        elif char == "," and depth == 1:
            arguments.append(text[start:position])
            start = position + 1
        position += 1
    raise CorpusError(f"unbalanced call at offset {open_paren}")


def _java_string_value(expression: str) -> str | None:
    """The value of a string literal or a `+` chain of literals; None for any other expression."""
    if not _JAVA_CONCATENATION.fullmatch(expression):
        return None
    return "".join(_java_unescape(part) for part in _JAVA_LITERAL.findall(expression))


def _java_case_article(detail: bytes, listing: bytes, case: int) -> bytes:
    listing_text, detail_text = listing.decode("utf-8"), detail.decode("utf-8")
    model = re.search(rf"new\s+NewsModel\(\s*{case}\s*,", listing_text)
    if model is None:
        raise CorpusError(f"no NewsModel({case}, ...) in the listing")
    arguments = _java_call_arguments(listing_text, listing_text.index("(", model.start()))
    title, lead = (_java_string_value(arguments[index]) for index in (1, 3))
    if title is None or lead is None:
        raise CorpusError(f"the title or subtitle of NewsModel({case}, ...) is not a string literal")
    items: list[str] = []
    # The screen switches on the id twice (filling the lists, then showing one): the filling block has the adds.
    for block in re.finditer(rf"\bcase\s+{case}\s*:", detail_text):
        end = detail_text.find("break;", block.end())
        for call in re.finditer(r"\.add\(", detail_text[block.end() : end]):
            (argument,) = _java_call_arguments(detail_text, block.end() + call.end() - 1)
            value = _java_string_value(argument)
            if value is not None and not value.startswith(("http://", "https://")):
                items.append(value)
        if items:
            break
    if not items:
        raise CorpusError(f"no case {case} of the detail screen adds text")
    return ("\n".join([title, lead, *items]) + "\n").encode("utf-8")


def rebuild_one(locator: Locator, mirror_root: Path) -> bytes:
    listing_path = (locator.select or {}).get("listing")
    listing = source_bytes(locator, mirror_root, listing_path) if listing_path else None
    article = select_article(source_bytes(locator, mirror_root), locator.select, listing)
    digest = hashlib.sha256(article).hexdigest()
    if digest != locator.sha256:
        raise CorpusError(f"sha256 {digest} differs from the locator's {locator.sha256}")
    return article


def rebuild(locators: list[Locator], mirror_root: Path, out: Path) -> list[str]:
    """Write every input that checks out; return one message per article that failed."""
    out.mkdir(parents=True, exist_ok=True)
    failures = []
    for locator in locators:
        try:
            (out / locator.filename).write_bytes(rebuild_one(locator, mirror_root))
        except CorpusError as error:
            failures.append(f"{locator.name}: {error}")
    return failures


def vnportal_command() -> str:
    found = shutil.which("vnportal") or str(Path(sys.executable).with_name("vnportal"))
    if not Path(found).exists():
        raise CorpusError("the vnportal command is not installed (pip install -e .)")
    return found


def score(
    split: str, locators: list[Locator], inputs: Path, gold_root: Path, scorer: Path, scorer_flags: list[str]
) -> int:
    """Extract every input of the split, then print the shared scorer's report; the scorer's exit status."""
    gold = gold_root / split
    if not any(gold.glob("*.gold.json")):
        raise CorpusError(f"no gold files in {gold}")
    paths = [inputs / locator.filename for locator in locators if locator.split == split]
    missing = [path.name for path in paths if not path.exists()]
    if missing:
        raise CorpusError(f"{len(missing)} inputs missing in {inputs} (run rebuild first), e.g. {missing[0]}")
    with tempfile.TemporaryDirectory() as scratch:
        predictions = Path(scratch) / f"{split}.jsonl"
        with predictions.open("w", encoding="utf-8") as sink:
            subprocess.run([vnportal_command(), "extract", *map(str, paths)], stdout=sink, check=True)
        result = subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(predictions), *scorer_flags], check=False
        )
    return result.returncode


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locators", type=Path, default=LOCATORS, help="locator file (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    rebuild_cmd = commands.add_parser("rebuild", help="rebuild the inputs from mirrors or raw.githubusercontent.com")
    rebuild_cmd.add_argument(
        "--mirror-root",
        type=Path,
        default=DEFAULT_MIRROR_ROOT,
        help="directory of local git snapshots OWNER+NAME/repo (default: %(default)s)",
    )
    rebuild_cmd.add_argument("--out", type=Path, default=DEFAULT_INPUTS, help="output directory (default: %(default)s)")
    score_cmd = commands.add_parser("score", help="vnportal extract over a split, scored against its gold files")
    score_cmd.add_argument("--split", choices=SPLITS, required=True)
    score_cmd.add_argument("--inputs", type=Path, default=DEFAULT_INPUTS, help="rebuilt inputs (default: %(default)s)")
    score_cmd.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold root holding test/ and tune/")
    score_cmd.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score.py (default: %(default)s)")
    score_cmd.add_argument("--per-file", action="store_true", help="pass --per-file to the scorer")
    score_cmd.add_argument("--json", action="store_true", help="pass --json to the scorer")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        locators = load_locators(args.locators)
        if args.command == "rebuild":
            failures = rebuild(locators, args.mirror_root, args.out)
            for failure in failures:
                print(f"FAILED {failure}", file=sys.stderr)
            print(f"rebuilt {len(locators) - len(failures)} of {len(locators)} inputs into {args.out}")
            return 1 if failures else 0
        flags = [flag for flag, wanted in (("--per-file", args.per_file), ("--json", args.json)) if wanted]
        return score(args.split, locators, args.inputs, args.gold, args.scorer, flags)
    except (CorpusError, OSError, ValueError, KeyError, TypeError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
