"""Shared fixtures: the seed and development-corpus tables are built once per test session."""

import signal
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


def default_sigint() -> None:
    """For a child process that tests Ctrl-C: a test run started in the background by a shell
    ignores SIGINT, and so would the child (Python then installs no KeyboardInterrupt handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
