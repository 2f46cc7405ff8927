"""The worker processes behind `--jobs`: order, errors, a dying worker, early stops, signals."""

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.workers import WorkerDied, ordered_map
from tests.conftest import ROOT


def _slow_square(number: int) -> int:
    time.sleep(random.random() / 500)  # the workers finish their chunks out of order
    return number * number


def test_results_come_back_in_input_order_with_items_read_lazily():
    read = []

    def items():
        for number in range(1000):
            read.append(number)
            yield number

    results = ordered_map(_slow_square, items(), processes=2, chunk_size=7)
    assert next(results) == 0
    assert len(read) < 100  # a few chunks ahead of the workers, not the whole input
    assert [0, *results] == [n * n for n in range(1000)]
    assert multiprocessing.active_children() == []


def _echo(text: str) -> str:
    return text[::-1]


def test_chunks_and_results_larger_than_a_pipe_buffer_do_not_block():
    texts = [str(n) * 200_000 for n in range(40)]  # chunks of a few MB each way
    assert list(ordered_map(_echo, texts, processes=2, chunk_size=3)) == [t[::-1] for t in texts]


def _fails_on_50(number: int) -> int:
    if number == 50:
        raise ValueError("item 50 is bad")
    return number


def test_an_error_raised_in_a_worker_stops_the_run_with_its_traceback():
    with pytest.raises(RuntimeError, match="(?s)a worker process failed.*ValueError: item 50 is bad"):
        list(ordered_map(_fails_on_50, range(200), processes=2, chunk_size=8))
    assert multiprocessing.active_children() == []


def _dies_on_50(number: int) -> int:
    if number == 50:
        os._exit(9)
    return number


def test_a_worker_that_dies_is_an_error_not_a_hang():
    """multiprocessing.Pool.imap waits for ever for the results of a killed worker."""
    with pytest.raises(WorkerDied, match=r"exit status 9\) before returning its articles"):
        list(ordered_map(_dies_on_50, range(200), processes=2, chunk_size=8))
    assert multiprocessing.active_children() == []


def _killed_on_50(number: int) -> int:
    if number == 50:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
    return number


def test_a_killed_worker_is_named_as_such_every_time():
    """A result sent to a worker that had just died raised BrokenPipeError (1 run in 10)."""
    for _ in range(20):
        with pytest.raises(WorkerDied, match=r"was killed by signal 9 before returning its articles"):
            list(ordered_map(_killed_on_50, range(200), processes=2, chunk_size=8))
    assert multiprocessing.active_children() == []


def _unpicklable(number: int) -> object:
    return (lambda: number) if number == 30 else number


def test_a_result_that_cannot_be_sent_back_is_an_error_with_its_traceback():
    """The worker died of it, and the run said it may have run out of memory."""
    with pytest.raises(RuntimeError, match="(?s)a worker process failed.*pickle"):
        list(ordered_map(_unpicklable, range(100), processes=2, chunk_size=8))


def test_two_maps_at_once_both_finish():
    """Each one's workers inherit the other's pipes: the end of a run is said, not left to EOF."""
    first, second = ordered_map(_slow_square, range(60), 2, 4), ordered_map(_slow_square, range(60), 2, 4)
    assert list(zip(first, second)) == [(n * n, n * n) for n in range(60)]
    assert next(second, None) is None  # zip stopped at the end of the first
    assert multiprocessing.active_children() == []


def _pid(_: object) -> int:
    return os.getpid()


def test_a_tiny_input_forks_no_more_workers_than_it_has_chunks():
    assert len(set(ordered_map(_pid, range(3), processes=8, chunk_size=1))) <= 3
    with pytest.raises(ValueError, match="processes=0: use 1 or more"):
        list(ordered_map(_pid, range(3), processes=0))


def test_stopping_early_kills_the_workers():
    results = ordered_map(_slow_square, range(100_000), processes=2, chunk_size=4)
    assert [next(results), next(results)] == [0, 1]
    results.close()
    assert multiprocessing.active_children() == []


def _signal_dispositions(_: object) -> tuple[object, object]:
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)


def test_workers_leave_ctrl_c_to_the_parent_and_die_of_sigterm():
    """Ctrl-C reaches every process of the terminal's group: the parent stops the run and kills the
    workers, which ignore it (no traceback from each).  The CLI's SIGTERM handler is not inherited:
    a worker dies of SIGTERM at once."""
    from analysis.cli import _sigterm_as_interrupt
    with _sigterm_as_interrupt():
        assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
        dispositions = set(ordered_map(_signal_dispositions, range(10), processes=2, chunk_size=1))
    assert dispositions == {(signal.SIG_IGN, signal.SIG_DFL)}


_ORPHANED = """
import os, signal, sys, time
from analysis.workers import ordered_map

def pid_of_worker(_):
    time.sleep(0.05)
    return os.getpid()

results = ordered_map(pid_of_worker, range(10_000), processes=2, chunk_size=1)
pids = {next(results) for _ in range(20)}
print(*pids, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # no clean-up at all
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_workers_end_when_the_parent_is_killed():
    """A killed parent closes its pipe ends: each worker sees the end of its tasks and leaves."""
    child = subprocess.run([sys.executable, "-c", _ORPHANED], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    pids = [int(pid) for pid in child.stdout.split()]
    assert len(pids) == 2, child.stdout
    deadline = time.monotonic() + 20
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, pids)), f"workers {pids} outlived their parent"


def test_an_empty_input_gives_nothing_and_leaves_no_process():
    assert list(ordered_map(_pid, [], processes=4)) == []
    assert multiprocessing.active_children() == []
