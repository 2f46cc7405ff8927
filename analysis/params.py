"""Notebook parameters: defaults, validation with messages a user can act on, and the few
helpers the notebooks call (load the tables, keep a date window, show a figure).

Why here and not in the notebooks: the runner validates every notebook's parameters *before*
it starts a kernel (a typo costs nothing), and a notebook run by hand (JupyterLab, papermill
on the command line) validates the same way in the cell after its parameters cell.

Relative paths in parameters are relative to the repository's ``notebooks/`` folder (where
the defaults ``../seeds`` and ``../figures`` point at the right places, and where Jupyter
starts a notebook's kernel), whatever the kernel's working directory; outside a checkout
they are relative to the working directory.  The runner always passes absolute paths.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

#: the chart notebooks, in the order the runner runs them; each writes `<name>.<lang>.<ext>`.
CHART_NOTEBOOKS = ("attack_counts", "troop_levels", "events_timeline")
#: the interactive notebook: reads tables, shows them, writes nothing.
EXPLORE = "explore"

LANGS = ("ar", "en")
DIGITS = ("western", "arabic")
MONTHS = ("levant", "egypt")
FORMATS = ("png", "svg", "pdf")
CLAIM_KINDS = ("attacks", "troops", "foreign_troops", "strikes", "targets", "rockets", "drones",
               "injured", "killed", "fighters", "other")
DPI_RANGE = (50, 1200)

_COMMON: dict[str, Any] = {
    "corpus": ["../seeds"],
    "catalog": None,
    "tables_dir": None,
    "lang": "ar",
    "digits": "western",
    "months": "levant",
    "date_from": None,
    "date_to": None,
}
_CHART: dict[str, Any] = {**_COMMON, "formats": ["png", "svg", "pdf"], "dpi": 200, "out_dir": "../figures"}
_EXPLORE: dict[str, Any] = {**_COMMON, "kinds": None, "contains": None}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def defaults(name: str) -> dict[str, Any]:
    """The parameters cell of notebook *name* as a dict (a fresh copy).

    Any notebook other than ``explore`` is a chart notebook and takes the chart parameters."""
    spec = _EXPLORE if name == EXPLORE else _CHART
    return {key: list(value) if isinstance(value, list) else value for key, value in spec.items()}


def repo_root() -> Path | None:
    """The checkout this package lives in (the folder holding ``analysis/`` and
    ``notebooks/``), or None for an installed copy."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "notebooks").is_dir() else None


def base_dir() -> Path:
    """Folder that relative paths in notebook parameters are relative to (see module doc)."""
    root = repo_root()
    return root / "notebooks" if root is not None else Path.cwd()


def _bad(name: str, key: str, value: object, allowed: object) -> ValueError:
    if isinstance(allowed, (tuple, list)):
        allowed = "use one of " + ", ".join(map(str, allowed))
    return ValueError(f"{name}: {key}={value!r} is not supported; {allowed}")


def _path(name: str, key: str, value: object, base: Path) -> str:
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        raise _bad(name, key, value, "give a file or folder path (a string)")
    path = Path(os.path.expanduser(os.fspath(value)))
    return str((path if path.is_absolute() else base / path).resolve())


def _choice(name: str, key: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise _bad(name, key, value, allowed)
    return value


def _date(name: str, key: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)) and not pd.isna(value):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise _bad(name, key, value, "use None or a date written YYYY-MM-DD, e.g. '2024-01-31'")


def date_range(name: str, date_from: object, date_to: object) -> tuple[str | None, str | None]:
    """A time window as YYYY-MM-DD (either end may be None); a bad or reversed one is a ValueError
    that names *name* (the notebook or command) and the fix."""
    start, end = _date(name, "date_from", date_from), _date(name, "date_to", date_to)
    if start and end and start > end:
        raise ValueError(f"{name}: date_from={start!r} is after date_to={end!r}; swap them or drop one")
    return start, end


def _names(name: str, key: str, value: object, allowed: tuple[str, ...], *, empty_ok: bool) -> list[str]:
    """A list of names from allowed (a comma-separated string is accepted), order kept."""
    items = [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or (not items and not empty_ok):
        raise _bad(name, key, value, f"give a list of some of {', '.join(allowed)}")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            raise ValueError(f"{name}: {key}={value!r}: {item!r} is not supported; use some of "
                             f"{', '.join(allowed)}")
        if item not in out:
            out.append(item)
    return out


def validate_params(name: str, params: Mapping[str, Any], base: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Checked, normalised parameters of notebook *name*; missing ones take their defaults.

    Raises ValueError naming the notebook, the parameter, the bad value and what is allowed,
    e.g. ``attack_counts: lang='fr' is not supported; use one of ar, en``.  Paths come back
    absolute (relative ones resolved against *base*, default `base_dir()`); the corpus and
    catalog must exist unless ``tables_dir`` is given (then they are not read).
    """
    spec = defaults(name)
    unknown = sorted(set(params) - set(spec))
    if unknown:
        raise ValueError(f"{name}: unknown parameter(s) {', '.join(unknown)}; "
                         f"the parameters are {', '.join(spec)}")
    p = {**spec, **params}
    root = Path(base) if base is not None else base_dir()
    out: dict[str, Any] = {}

    corpus = p["corpus"]
    if isinstance(corpus, (str, os.PathLike)):
        corpus = [corpus]
    if not isinstance(corpus, (list, tuple)) or not corpus:
        raise _bad(name, "corpus", p["corpus"], "give a list of files or folders with articles")
    out["corpus"] = [_path(name, "corpus", c, root) for c in corpus]
    out["catalog"] = None if p["catalog"] is None else _path(name, "catalog", p["catalog"], root)
    out["tables_dir"] = None if p["tables_dir"] is None else _path(name, "tables_dir", p["tables_dir"], root)
    if out["tables_dir"] is None:
        for given, path in zip(corpus, out["corpus"]):
            if not Path(path).exists():
                raise ValueError(f"{name}: corpus path {os.fspath(given)!r} does not exist ({path}); "
                                 f"give existing files or folders")
        if out["catalog"] is not None and not Path(out["catalog"]).is_file():
            raise ValueError(f"{name}: catalog={os.fspath(p['catalog'])!r} is not a file ({out['catalog']}); "
                             f"give a catalog.csv or None")

    out["lang"] = _choice(name, "lang", p["lang"], LANGS)
    out["digits"] = _choice(name, "digits", p["digits"], DIGITS)
    out["months"] = _choice(name, "months", p["months"], MONTHS)
    out["date_from"], out["date_to"] = date_range(name, p["date_from"], p["date_to"])

    if name == EXPLORE:
        out["kinds"] = None if p["kinds"] is None else _names(name, "kinds", p["kinds"], CLAIM_KINDS,
                                                              empty_ok=False)
        if p["contains"] is not None and not isinstance(p["contains"], str):
            raise _bad(name, "contains", p["contains"], "use None or a piece of text to look for")
        out["contains"] = p["contains"] or None
        return out

    out["formats"] = _names(name, "formats", p["formats"], FORMATS, empty_ok=False)
    dpi = p["dpi"]
    if isinstance(dpi, float) and dpi.is_integer():
        dpi = int(dpi)
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise _bad(name, "dpi", p["dpi"], f"use a whole number from {DPI_RANGE[0]} to {DPI_RANGE[1]}")
    out["dpi"] = dpi
    out["out_dir"] = _path(name, "out_dir", p["out_dir"], root)
    return out


# ----------------------------------------------------------------------------- notebook helpers
def load_tables(params: Mapping[str, Any]):
    """The tables a notebook works on: loaded from ``tables_dir`` when given (the runner
    extracts once for all notebooks), else extracted from ``corpus`` (+ ``catalog``)."""
    from .tables import Tables, build_tables

    if params.get("tables_dir"):
        return Tables.load(params["tables_dir"])
    return build_tables(params["corpus"], catalog=params.get("catalog"))


def date_window(frame: pd.DataFrame, column: str, date_from: str | None = None,
                date_to: str | None = None) -> pd.DataFrame:
    """Rows of *frame* whose *column* lies in [date_from, date_to] (both inclusive, either
    None for open); rows without a date are dropped only when a bound is given."""
    if frame.empty or (date_from is None and date_to is None):
        return frame
    when = pd.to_datetime(frame[column])
    keep = when.notna()
    if date_from is not None:
        keep &= when >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= when < pd.Timestamp(date_to) + pd.Timedelta(days=1)
    return frame.loc[keep].reset_index(drop=True)


class FigurePNG:
    """A figure shown in a notebook as PNG (works without pyplot or an inline backend)."""

    def __init__(self, fig, lang: str = "ar", dpi: int = 110) -> None:
        self.fig, self.lang, self.dpi = fig, lang, dpi

    def _repr_png_(self) -> bytes:
        from .typography import rc_context

        buffer = io.BytesIO()
        with rc_context(self.lang):
            self.fig.savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue()


def show(fig, lang: str = "ar", dpi: int = 110) -> FigurePNG:
    """Wrap a chart for display: make it the last expression of a notebook cell."""
    return FigurePNG(fig, lang, dpi)


def select_claims(tables, kinds=None, contains: str | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> pd.DataFrame:
    """Claims with their article's outlet and publication date, for reading: of the given
    *kinds* (None: all), whose sentence or quoted number contains *contains*, dated (as_of, else
    the publication date) within the window.  Sorted by date; the sentence is kept last."""
    claims = tables.claims.merge(tables.articles[["article_id", "outlet", "published"]],
                                 on="article_id", how="left")
    claims.insert(0, "date", claims["as_of"].fillna(claims["published"]))
    if kinds is not None:
        claims = claims[claims["kind"].isin(list(kinds))]
    if contains:
        hit = (claims["sentence"].str.contains(contains, regex=False, na=False)
               | claims["number_text"].str.contains(contains, regex=False, na=False))
        claims = claims[hit]
    claims = date_window(claims, "date", date_from, date_to)
    columns = ["date", "kind", "measure", "value", "qualifier", "scope", "number_text", "outlet",
               "article_id", "claim_id", "sentence"]
    return claims.sort_values(["date", "article_id", "char_start"], kind="mergesort",
                              na_position="last")[columns].reset_index(drop=True)


def rtl_view(frame: pd.DataFrame, columns=("sentence", "number_text", "title", "date_text")):
    """A Styler showing Arabic text columns right-to-left and right-aligned, for notebooks."""
    subset = [c for c in columns if c in frame.columns]
    styler = frame.style
    if subset:
        styler = styler.set_properties(subset=subset, **{"direction": "rtl", "text-align": "right",
                                                         "unicode-bidi": "plaintext"})
    return styler
