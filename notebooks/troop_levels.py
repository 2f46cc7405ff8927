# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Foreign troops in Iraq: reported numbers
#
# Troop levels as the articles report them (US and other foreign forces), one point per reported
# number; a step line through the middle reported value per date; planned levels dashed with
# open points.  Reported cuts ("خفض … بمقدار") are changes, not levels, and are left out.
#
# Writes `<out_dir>/troop_levels.<lang>.<ext>`.  Run all notebooks at once with
# `analysis figures` (or `make figures`).

# %% tags=["parameters"]
corpus = ["../seeds"]  # files or folders with articles (.txt .html .jsonl); relative to notebooks/
catalog = None  # optional catalog.csv (file, url, outlet, published)
tables_dir = None  # folder of saved tables: when set, load them instead of extracting the corpus
lang = "ar"  # "ar" or "en"
digits = "western"  # "western" (0-9) or "arabic" (٠-٩), Arabic charts only
months = "levant"  # Arabic month names: "levant" (كانون الثاني) or "egypt" (يناير)
date_from = None  # None or "YYYY-MM-DD"
date_to = None  # None or "YYYY-MM-DD"
formats = ["png", "svg", "pdf"]
dpi = 200  # PNG resolution
out_dir = "../figures"

# %%
from analysis.charts import save_figure, troop_levels_chart
from analysis.params import date_window, load_tables, show, validate_params
from analysis.series import troop_levels

p = validate_params("troop_levels", dict(
    corpus=corpus, catalog=catalog, tables_dir=tables_dir, lang=lang, digits=digits, months=months,
    date_from=date_from, date_to=date_to, formats=formats, dpi=dpi, out_dir=out_dir))

# %%
tables = load_tables(p)
series = troop_levels(tables)  # all of it: the chart says in its caption how many fall outside the window
date_window(series, "as_of", p["date_from"], p["date_to"])

# %%
fig = troop_levels_chart(series, lang=p["lang"], digits=p["digits"], months=p["months"],
                          start=p["date_from"], end=p["date_to"])
written = save_figure(fig, p["out_dir"], "troop_levels", p["lang"], formats=p["formats"], dpi=p["dpi"])
[str(path) for path in written]

# %%
show(fig, p["lang"])
