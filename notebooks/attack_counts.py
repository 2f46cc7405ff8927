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
# # Attacks on US forces: reported counts
#
# Cumulative attack counts as the articles report them ("N attacks since 17 October"), one point
# per reported number, dated as of the report (or the article's publication date), with the
# best-supported estimate (highest reported lower bound so far) as a step line.
#
# Writes `<out_dir>/attack_counts.<lang>.<ext>`.  Run all notebooks at once with
# `analysis figures` (or `make figures`); run this one by hand in JupyterLab or with
# `papermill notebooks/attack_counts.ipynb out.ipynb -p lang en`.

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
from analysis.charts import attack_counts_chart, save_figure
from analysis.params import date_window, load_tables, show, validate_params
from analysis.series import attack_counts, best_estimate

p = validate_params("attack_counts", dict(
    corpus=corpus, catalog=catalog, tables_dir=tables_dir, lang=lang, digits=digits, months=months,
    date_from=date_from, date_to=date_to, formats=formats, dpi=dpi, out_dir=out_dir))

# %%
tables = load_tables(p)
series = attack_counts(tables)  # all of it: the chart says in its caption how many fall outside the window
shown = date_window(series, "as_of", p["date_from"], p["date_to"])
shown

# %%
best_estimate(shown)

# %%
fig = attack_counts_chart(series, lang=p["lang"], digits=p["digits"], months=p["months"],
                          start=p["date_from"], end=p["date_to"])
written = save_figure(fig, p["out_dir"], "attack_counts", p["lang"], formats=p["formats"], dpi=p["dpi"])
[str(path) for path in written]

# %%
show(fig, p["lang"])
