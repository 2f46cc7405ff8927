"""The notebooks: paired with their jupytext source, stored clean, parameterised like the
library expects, thin (only library calls); and `validate_params`, which they all call.

The chart notebooks are executed in tests/test_runner.py (through the runner); the explore
notebook is executed here, with papermill, as a user would run it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
import papermill
import pytest

from analysis import params as P
from analysis.runner import execute_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = [*P.CHART_NOTEBOOKS, P.EXPLORE]


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", NAMES)
def test_pair_in_sync_and_stored_without_outputs(name):
    ipynb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    text = jupytext.read(NOTEBOOKS / f"{name}.py")
    assert ipynb.metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert [(c.cell_type, c.source) for c in ipynb.cells] == [(c.cell_type, c.source) for c in text.cells], \
        f"notebooks/{name}.ipynb is out of date: run `jupytext --sync notebooks/{name}.py`"
    for cell in ipynb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}.ipynb holds outputs"


@pytest.mark.parametrize("name", NAMES)
def test_parameters_cell_matches_the_library_defaults(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"]
    inferred = papermill.inspect_notebook(str(NOTEBOOKS / f"{name}.ipynb"))
    assert {k: ast.literal_eval(v["default"]) for k, v in inferred.items()} == P.defaults(name)
    assert f'validate_params("{name}", dict(' in code[1].source  # validated in the next cell
    # every parameter reaches validate_params
    for key in P.defaults(name):
        assert f"{key}={key}" in code[1].source, key


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_only_call_the_library(name):
    source = "\n".join(_code(nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)))
    tree = ast.parse(source)
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.For, ast.While))]
    imports = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imports |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert all(m.startswith("analysis") for m in imports), imports
    if name == P.EXPLORE:
        assert "save_figure" not in source and ".save(" not in source and "to_csv" not in source
    else:
        assert f'save_figure(fig, p["out_dir"], "{name}", p["lang"]' in source


# ----------------------------------------------------------------------------- validate_params
def test_defaults_validate_and_resolve_against_notebooks_folder():
    p = P.validate_params("attack_counts", {})
    assert p["corpus"] == [str(ROOT / "seeds")] and p["out_dir"] == str(ROOT / "figures")
    assert p["formats"] == ["png", "svg", "pdf"] and p["dpi"] == 200 and p["lang"] == "ar"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("lang", "fr", "attack_counts: lang='fr' is not supported; use one of ar, en"),
    ("digits", "hindi", "attack_counts: digits='hindi' is not supported; use one of western, arabic"),
    ("months", "gulf", "attack_counts: months='gulf' is not supported; use one of levant, egypt"),
    ("formats", ["png", "gif"], "attack_counts: formats=['png', 'gif']: 'gif' is not supported; use some of png, svg, pdf"),
    ("formats", [], "attack_counts: formats=[] is not supported"),
    ("dpi", 5, "attack_counts: dpi=5 is not supported; use a whole number from 50 to 1200"),
    ("dpi", "200", "attack_counts: dpi='200' is not supported"),
    ("date_from", "15/01/2024", "attack_counts: date_from='15/01/2024' is not supported; use None or a date"),
    ("date_to", "2024-02-30", "attack_counts: date_to='2024-02-30' is not supported"),
    ("corpus", [], "attack_counts: corpus=[] is not supported"),
    ("corpus", ["/no/such/folder"], "attack_counts: corpus path '/no/such/folder' does not exist"),
    ("catalog", "/no/such.csv", "attack_counts: catalog='/no/such.csv' is not a file"),
    ("colour", "red", "attack_counts: unknown parameter(s) colour; the parameters are corpus, catalog"),
])
def test_bad_values_name_notebook_parameter_value_and_choices(key, value, message):
    with pytest.raises(ValueError) as error:
        P.validate_params("attack_counts", {key: value})
    assert str(error.value).startswith(message), str(error.value)


def test_date_order_and_explore_parameters():
    with pytest.raises(ValueError, match="date_from='2024-03-01' is after date_to='2024-01-01'"):
        P.validate_params("troop_levels", {"date_from": "2024-03-01", "date_to": "2024-01-01"})
    with pytest.raises(ValueError, match=r"explore: kinds=\['bombs'\]: 'bombs' is not supported"):
        P.validate_params("explore", {"kinds": ["bombs"]})
    with pytest.raises(ValueError, match="explore: unknown parameter"):
        P.validate_params("explore", {"out_dir": "x"})  # explore writes nothing
    p = P.validate_params("explore", {"kinds": "attacks,troops", "contains": "عين الأسد"})
    assert p["kinds"] == ["attacks", "troops"] and p["contains"] == "عين الأسد"


def test_tables_dir_skips_the_corpus_check(tmp_path):
    p = P.validate_params("events_timeline", {"corpus": ["missing"], "tables_dir": tmp_path,
                                               "formats": "svg,png,svg", "date_from": "2024-01-05"})
    assert p["tables_dir"] == str(tmp_path) and p["formats"] == ["svg", "png"]


def test_date_window_is_inclusive():
    import pandas as pd

    frame = pd.DataFrame({"d": pd.to_datetime(["2024-01-01", "2024-01-31T15:00", "2024-02-01", None], format="ISO8601")})
    assert len(P.date_window(frame, "d")) == 4
    assert len(P.date_window(frame, "d", "2024-01-01", "2024-01-31")) == 2
    assert len(P.date_window(frame, "d", date_from="2024-01-02")) == 2


# ----------------------------------------------------------------------------- explore, executed
def test_explore_notebook_runs_and_writes_nothing(tmp_path):
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    output = tmp_path / "explore.ipynb"
    execute_notebook(NOTEBOOKS / "explore.ipynb", output,
                     {"corpus": [str(ROOT / "seeds")], "kinds": ["attacks", "troops"], "lang": "en"})
    nb = nbformat.read(output, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3  # the three charts, shown inline
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explore.ipynb", "explore.kernel.log"]


def test_a_chart_notebook_with_a_window_counts_what_falls_outside_it(tmp_path):
    # the notebook gives the chart every point and the window, so that the caption can say how
    # many reported figures the window leaves out (it used to get only the points inside)
    from analysis.series import attack_counts
    from analysis.tables import build_tables

    corpus, catalog = ROOT / "data" / "corpus" / "texts", ROOT / "data" / "corpus" / "catalog.csv"
    points = attack_counts(build_tables([corpus], catalog=catalog))
    when, years = pd.to_datetime(points["as_of"]), points.attrs["imprecise_years"]  # + figures known to the year
    before = int((when < "2023-10-01").sum()) + sum(y is not None and y < 2023 for y in years)
    after = int((when > "2024-03-01").sum()) + sum(y is not None and y > 2024 for y in years)
    assert before and after  # the corpus reports attacks on both sides of the window
    execute_notebook(NOTEBOOKS / "attack_counts.py", tmp_path / "run.ipynb",
                     {"corpus": [str(corpus)], "catalog": str(catalog), "lang": "en", "formats": ["svg"],
                      "date_from": "2023-10-01", "date_to": "2024-03-01", "out_dir": str(tmp_path)})
    svg = (tmp_path / "attack_counts.en.svg").read_text(encoding="utf-8")
    caption = " ".join(re.findall(r"<!-- (.*?) -->", svg))  # matplotlib keeps each text line as a comment
    assert (f"Reported figures outside the period shown: {before} before 1 Oct 2023, "
            f"{after} after 1 Mar 2024.") in caption
