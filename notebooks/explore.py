# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Explore the tables
#
# Interactive: load (or extract) the tables, see what was found per kind of number, filter the
# claims and read each one next to the sentence it came from, then the events and the input
# problems.  Writes nothing.  Change the parameters below and re-run (Run > Run All Cells).

# %% tags=["parameters"]
corpus = ["../seeds"]  # files or folders with articles (.txt .html .jsonl); relative to notebooks/
catalog = None  # optional catalog.csv (file, url, outlet, published)
tables_dir = None  # folder of saved tables (e.g. "../data"): when set, load them instead of extracting
lang = "ar"  # language of the charts at the end: "ar" or "en"
digits = "western"  # "western" (0-9) or "arabic" (٠-٩), Arabic charts only
months = "levant"  # Arabic month names: "levant" (كانون الثاني) or "egypt" (يناير)
date_from = None  # None or "YYYY-MM-DD"
date_to = None  # None or "YYYY-MM-DD"
kinds = None  # None (all) or a list, e.g. ["attacks", "troops"]
contains = None  # None or text the sentence must contain, e.g. "عين الأسد"

# %%
from analysis.charts import attack_counts_chart, events_timeline_chart, troop_levels_chart
from analysis.params import date_window, load_tables, rtl_view, select_claims, show, validate_params
from analysis.series import attack_counts, events_timeline, troop_levels

p = validate_params("explore", dict(
    corpus=corpus, catalog=catalog, tables_dir=tables_dir, lang=lang, digits=digits, months=months,
    date_from=date_from, date_to=date_to, kinds=kinds, contains=contains))
tables = load_tables(p)
{name: len(getattr(tables, name)) for name in ("articles", "claims", "events", "problems")}

# %% [markdown]
# ## Articles

# %%
rtl_view(tables.articles[["article_id", "outlet", "published", "published_precision", "published_basis",
                          "title", "n_chars"]])

# %% [markdown]
# ## Reported numbers per kind and measure

# %%
tables.claims.groupby(["kind", "measure"]).size().unstack(fill_value=0)

# %% [markdown]
# ## Claims with their sentences (filtered by `kinds`, `contains`, `date_from`, `date_to`)

# %%
claims = select_claims(tables, p["kinds"], p["contains"], p["date_from"], p["date_to"])
rtl_view(claims)

# %% [markdown]
# ## Events

# %%
events = date_window(events_timeline(tables), "date_start", p["date_from"], p["date_to"])
rtl_view(events[["date_start", "date_end", "date_precision", "type", "planned", "date_text", "outlet",
                 "sentence"]])

# %% [markdown]
# ## Problems (inputs that could not be read, or were read only in part)

# %%
tables.problems

# %% [markdown]
# ## Charts (shown here only; `analysis figures` writes the files)

# %%
style = dict(lang=p["lang"], digits=p["digits"], months=p["months"])
show(attack_counts_chart(date_window(attack_counts(tables), "as_of", p["date_from"], p["date_to"]), **style),
     p["lang"])

# %%
show(troop_levels_chart(date_window(troop_levels(tables), "as_of", p["date_from"], p["date_to"]), **style),
     p["lang"])

# %%
show(events_timeline_chart(events, **style), p["lang"])
