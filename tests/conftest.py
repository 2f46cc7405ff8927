"""Shared fixtures: the seed and development-corpus tables are built once per test session."""

from pathlib import Path

import pytest

from analysis import build_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="session")
def seed_tables():
    return build_tables([SEEDS])


@pytest.fixture(scope="session")
def corpus_tables():
    return build_tables([CORPUS / "texts"], catalog=CORPUS / "catalog.csv")
