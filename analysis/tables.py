"""The four tables (articles, claims, events, problems): schema, validation, build, save, load.

Column names and types are the package's API (see README).  Every table is validated against its
schema before it is returned or written, so a bad row fails loudly here, not in a chart later.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .atomic import make_public
from .corpus import (MAX_BYTES, SUFFIXES, Document, InputError, Problem, RawDocument, iter_documents,
                     read_catalog)
from .extract import ArticleRows, extract_document
from .workers import ordered_map

log = logging.getLogger(__name__)

# column -> pandas dtype; the order is the column order of the saved tables.
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string", "path": "string", "outlet": "string", "title": "string", "url": "string",
        "published": "datetime64[ns]", "published_precision": "string", "published_basis": "string",
        "n_chars": "Int64", "sha256": "string", "encoding": "string",
    },
    "claims": {
        "article_id": "string", "claim_id": "string", "kind": "string", "measure": "string",
        "value": "Int64", "low": "Int64", "high": "Int64", "qualifier": "string", "scope": "string",
        "period_start": "datetime64[ns]", "as_of": "datetime64[ns]", "as_of_precision": "string",
        "number_text": "string", "sentence": "string", "char_start": "Int64", "char_end": "Int64",
    },
    "events": {
        "article_id": "string", "event_id": "string", "type": "string", "date_start": "datetime64[ns]",
        "date_end": "datetime64[ns]", "date_precision": "string", "date_text": "string",
        "planned": "boolean", "sentence": "string", "char_start": "Int64", "char_end": "Int64",
    },
    "problems": {"path": "string", "stage": "string", "message": "string"},
}
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("articles", "published_precision"): {"day", "month", "year", "none"},
    ("articles", "published_basis"): {"catalog", "dateline", "url", "header", "inferred", "none"},
    ("claims", "kind"): {"attacks", "troops", "foreign_troops", "strikes", "targets", "rockets", "drones",
                         "injured", "killed", "fighters", "other"},
    ("claims", "measure"): {"level", "total", "change", "planned", "incident"},
    ("claims", "qualifier"): {"exact", "approx", "at_least", "more_than", "less_than"},
    ("claims", "scope"): {"iraq", "syria", "iraq+syria", "region"},
    ("claims", "as_of_precision"): {"day", "month", "year", "none"},
    ("events", "type"): {"visit", "meeting", "talks", "agreement", "deadline", "withdrawal", "attack",
                         "strike", "killing", "statement", "other"},
    ("events", "date_precision"): {"day", "month", "year"},
}
UNIQUE = {"articles": "article_id", "claims": "claim_id", "events": "event_id"}


class SchemaError(ValueError):
    """A table does not match its contract (the message names the table, column and rows)."""


def frame(name: str, rows: Iterable[dict]) -> pd.DataFrame:
    """A DataFrame with exactly the columns and dtypes of table `name`."""
    return conform(name, pd.DataFrame(list(rows), columns=list(SCHEMAS[name])))


def conform(name: str, data: pd.DataFrame) -> pd.DataFrame:
    """`data` with exactly the columns (in schema order; missing ones empty) and dtypes of table `name`,
    and rows numbered from 0 (a stored index is dropped)."""
    schema = SCHEMAS[name]
    data = data.reindex(columns=list(schema)).reset_index(drop=True)
    for column, dtype in schema.items():
        if dtype.startswith("datetime"):
            data[column] = pd.to_datetime(data[column]).astype(dtype)
        else:
            data[column] = data[column].astype(dtype)
    return data


def validate(name: str, data: pd.DataFrame) -> pd.DataFrame:
    """Check columns, dtypes, allowed values, unique ids, bounds and offsets; return the table."""
    schema = SCHEMAS[name]
    if list(data.columns) != list(schema):
        raise SchemaError(f"table {name}: columns {list(data.columns)} != expected {list(schema)}")
    for column, dtype in schema.items():
        if str(data[column].dtype) != dtype:
            raise SchemaError(f"table {name}: column {column} has dtype {data[column].dtype}, expected {dtype}")
    for (table, column), allowed in ALLOWED.items():
        if table == name:
            bad = data[column].dropna()
            bad = bad[~bad.isin(allowed)]
            if len(bad):
                raise SchemaError(f"table {name}: column {column} has values {sorted(set(bad))[:5]} "
                                  f"outside {sorted(allowed)}")
    key = UNIQUE.get(name)
    if key and data[key].duplicated().any():
        raise SchemaError(f"table {name}: duplicate {key} {data[key][data[key].duplicated()].tolist()[:5]}")
    if name == "claims":
        low_bad = data["low"].notna() & (data["low"] > data["value"])
        high_bad = data["high"].notna() & (data["high"] < data["value"])
        if (low_bad | high_bad).any():
            raise SchemaError(f"table claims: bounds outside value in rows {data.index[low_bad | high_bad].tolist()[:5]}")
    if "char_start" in schema and ((data["char_start"] > data["char_end"]) | (data["char_start"] < 0)).any():
        raise SchemaError(f"table {name}: char_start after char_end or negative")
    return data


@dataclass
class Tables:
    """The package's output: four tidy tables that trace every row to its sentence."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    problems: pd.DataFrame

    def __post_init__(self) -> None:
        for name in SCHEMAS:
            validate(name, getattr(self, name))

    def save(self, out_dir: str | os.PathLike[str]) -> list[Path]:
        """Write <name>.parquet and <name>.csv (UTF-8 with BOM, opens in Excel) atomically."""
        with TableWriter(out_dir) as writer:
            writer.write(self)
        return writer.paths

    @classmethod
    def load(cls, in_dir: str | os.PathLike[str]) -> "Tables":
        """Read tables saved by `save` (parquet), re-validated."""
        folder = Path(in_dir)
        missing = [n for n in SCHEMAS if not (folder / f"{n}.parquet").exists()]
        if missing:
            raise FileNotFoundError(f"{folder}: no {', '.join(m + '.parquet' for m in missing)}; "
                                    f"run `analysis extract PATH --out {folder}` first")
        return cls(**{name: conform(name, pd.read_parquet(folder / f"{name}.parquet")) for name in SCHEMAS})


class TableWriter:
    """Writes tables chunk by chunk, so a corpus of any size is saved in flat memory.

    Each table goes to a temporary parquet file (one row group per chunk) and CSV file; `close`
    renames them all into place, so readers only ever see complete outputs.
    """

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.out = Path(out_dir)
        if self.out.exists() and not self.out.is_dir():
            raise NotADirectoryError(f"{self.out} is a file; the tables need a folder (choose another --out)")
        self._created = [folder for folder in (self.out, *self.out.parents) if not folder.exists()]
        self.out.mkdir(parents=True, exist_ok=True)
        self.paths = [self.out / f"{name}.{ext}" for name in SCHEMAS for ext in ("parquet", "csv")]
        self._temp = {path: path.with_name(f".{path.name}.{os.getpid()}.tmp") for path in self.paths}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv = {name: open(self._temp[self.out / f"{name}.csv"], "w", encoding="utf-8-sig", newline="")
                     for name in SCHEMAS}
        self._started: set[str] = set()

    def write(self, tables: Tables) -> None:
        try:
            for name in SCHEMAS:
                data = getattr(tables, name)
                arrow = pa.Table.from_pandas(data, preserve_index=False)
                if name not in self._parquet:
                    self._parquet[name] = pq.ParquetWriter(self._temp[self.out / f"{name}.parquet"], arrow.schema)
                self._parquet[name].write_table(arrow.cast(self._parquet[name].schema))
                data.to_csv(self._csv[name], index=False, header=name not in self._started)
                self._started.add(name)
        except OSError as error:
            raise self._named(error) from error

    def close(self, keep: bool = True) -> None:
        """Rename every output into place (`keep`), or remove them all; if finishing them fails (a
        full disk), they are removed too."""
        if not keep:
            self._discard()
            return
        try:
            if len(self._parquet) < len(SCHEMAS):
                self.write(assemble([]))  # an empty run still gets its (empty) tables
            self._finish()
        except BaseException:
            self._discard()
            raise

    def _finish(self) -> None:
        try:
            for closer in [*self._parquet.values(), *self._csv.values()]:
                closer.close()
            for path, temp in self._temp.items():
                make_public(temp)
                os.replace(temp, path)
        except OSError as error:
            raise self._named(error) from error

    def _named(self, error: OSError) -> OSError:
        """pyarrow's "Error writing bytes to file" does not say which folder."""
        return OSError(error.errno, f"{self.out}: the tables could not be written ({error.strerror or error}); "
                                    "free some space or choose another --out")

    def _discard(self) -> None:
        """Close what is open, ignoring errors (the disk may be full), remove the temporary files,
        and the output folder if this run created it and it is still empty."""
        for closer in [*self._parquet.values(), *self._csv.values()]:
            with contextlib.suppress(Exception):
                closer.close()
        for temp in self._temp.values():
            temp.unlink(missing_ok=True)
        for folder in self._created:  # innermost first; stops at the first one that is not empty
            try:
                folder.rmdir()
            except OSError:
                break

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close(keep=error is None)


@dataclass
class StreamReport:
    counts: dict[str, int]
    problems: list[Problem]  # the first SHOWN_PROBLEMS of counts["problems"], for a run that saved nothing
    saved: bool


SHOWN_PROBLEMS = 50


def save_stream(results: Iterable[ArticleRows | Problem], out_dir: str | os.PathLike[str],
                chunk_size: int = 2000, require_articles: bool = True) -> StreamReport:
    """Assemble and save results `chunk_size` articles at a time.  With `require_articles`, a run
    that read no article leaves `out_dir` as it was (the previous outputs stay)."""
    counts = dict.fromkeys(SCHEMAS, 0)
    problems: list[Problem] = []
    writer = TableWriter(out_dir)
    try:
        chunk: list[ArticleRows | Problem] = []
        for item in itertools.chain(results, [None]):
            if item is not None:
                chunk.append(item)
            if chunk and (item is None or len(chunk) >= chunk_size):
                tables = assemble(chunk)
                writer.write(tables)
                for name in SCHEMAS:
                    counts[name] += len(getattr(tables, name))
                shown = tables.problems.head(SHOWN_PROBLEMS - len(problems))  # memory stays flat
                problems += [Problem(**row) for row in shown.to_dict("records")]
                chunk = []
    except BaseException:
        writer.close(keep=False)
        raise
    saved = counts["articles"] > 0 or not require_articles
    writer.close(keep=saved)
    return StreamReport(counts, problems, saved)


def assemble(results: Iterable[ArticleRows | Problem]) -> Tables:
    """Tables from per-article rows and reading problems, in input order."""
    articles, claims, events, problems = [], [], [], []
    for item in results:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles.append(item.article)
        claims.extend(item.claims)
        events.extend(item.events)
        problems.extend(item.problems)
    return Tables(
        frame("articles", articles), frame("claims", claims), frame("events", events),
        frame("problems", [{f.name: getattr(p, f.name) for f in fields(Problem)} for p in problems]),
    )


def describe(problem: Problem | pd.Series) -> str:
    """A problem as one line that names its file once (most messages already start with it)."""
    return problem.message if problem.message.startswith(problem.path) else f"{problem.path}: {problem.message}"


def ensure_articles(tables: Tables, paths: Iterable[object]) -> Tables:
    """Stop a run that read no article (an empty folder, only unreadable files) before it replaces
    good charts with empty ones; the error shows the first problem."""
    if tables.articles.empty:
        raise no_article_error(paths, len(tables.problems), tables.problems.iloc[0] if len(tables.problems) else None)
    return tables


def no_article_error(paths: Iterable[object], problems: int, first: Problem | pd.Series | None) -> InputError:
    found = f"{problems} problem(s); the first: {describe(first)}" if first is not None else \
        f"no {', '.join(SUFFIXES)} files there"
    return InputError(f"no article could be read from {', '.join(map(str, paths))} ({found})")


def _extract_one(item: Document | RawDocument | Problem) -> ArticleRows | Problem:
    """Clean (if not yet) and extract one document; one that fails is a problem, never the end
    of the run."""
    if isinstance(item, Problem):
        return item
    try:
        document = item.clean() if isinstance(item, RawDocument) else item
        return document if isinstance(document, Problem) else extract_document(document)
    except Exception as error:  # an extractor bug must not lose the other articles
        log.exception("extraction failed for %s", item.path)
        return Problem(item.path, "extract", f"extraction failed ({type(error).__name__}: {error}); "
                                             "please report this article")


ENGINES = ("local", "dask")


def extract_all(documents: Iterable[Document | RawDocument | Problem], jobs: int = 1, engine: str = "local",
                scheduler: str | None = None) -> Iterator[ArticleRows | Problem]:
    """Rows of every document, in input order; `jobs` > 1 spreads the work over processes, and
    engine="dask" over a dask cluster (the one at `scheduler`, or a local one started here)."""
    if engine == "dask":
        from .dask_engine import extract_with_dask
        yield from extract_with_dask(documents, _extract_one, scheduler, jobs)
        return
    if engine != "local":
        raise ValueError(f"engine={engine!r} is not known; use one of {', '.join(ENGINES)}")
    if jobs <= 1:
        yield from map(_extract_one, documents)
        return
    yield from ordered_map(_extract_one, documents, jobs)


def extract_paths(paths, catalog: str | os.PathLike[str] | None = None, max_bytes: int = MAX_BYTES,
                  jobs: int = 1, engine: str = "local", scheduler: str | None = None,
                  progress: Callable[[Iterable], Iterable] = iter) -> Iterator[ArticleRows | Problem]:
    """Catalog problems, then the rows (or problems) of every input, lazily and in input order.
    `progress` wraps the document stream (e.g. a tqdm bar).  A missing path or unreadable catalog
    raises here, before anything is read or written."""
    entries, catalog_problems = read_catalog(catalog) if catalog else ({}, [])
    documents = progress(iter_documents(paths, entries, max_bytes=max_bytes, clean=False))  # cleaned by workers
    return itertools.chain(catalog_problems, extract_all(documents, jobs, engine, scheduler))


def build_tables(paths, catalog: str | os.PathLike[str] | None = None, max_bytes: int = MAX_BYTES,
                 jobs: int = 1, engine: str = "local", scheduler: str | None = None) -> Tables:
    """Articles, claims, events and problems for the files and folders in `paths`."""
    return assemble(list(extract_paths(paths, catalog, max_bytes, jobs, engine, scheduler)))
