"""An ordered parallel map over worker processes that an interrupt stops at once, always.

multiprocessing.Pool shares one task queue and one result pipe between its workers, each guarded
by a lock.  After Ctrl-C its terminate() has to take those locks, and a worker stopped while it
held one (waiting for a task, or half-way through sending a result) left the run hanging for ever.
Here each worker has a pipe of its own that only the parent reads and writes, and a run that ends
early kills its workers instead of asking them: there is no lock to wait for.  A worker that dies
(out of memory, killed) is an error that says so, where Pool.imap would wait for ever.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import multiprocessing
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# fork starts a worker in milliseconds (the work is pure functions); elsewhere the platform's default
_CONTEXT = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
AHEAD = 2  # chunks sent to a worker before its first result comes back: it never waits for the next
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class WorkerDied(OSError):
    """A worker process ended without returning its chunk (killed, out of memory, a crash)."""


class _Failure:
    """An exception raised in a worker, sent back as text (it may not pickle)."""

    def __init__(self, error: BaseException) -> None:
        self.text = "".join(traceback.format_exception(error))


def ordered_map(function: Callable[[Item], Result], items: Iterable[Item], processes: int,
                chunk_size: int = 64) -> Iterator[Result]:
    """`map(function, items)` over up to `processes` worker processes (no more than there are
    chunks), in the order of `items`, which are read lazily, a few chunks ahead of the workers.
    `function` should catch its own errors; one it raises, or a result that cannot be sent back,
    stops the run with its traceback.  Closing the iterator early (an interrupt, a failed write)
    kills the workers."""
    if processes < 1:
        raise ValueError(f"processes={processes}: use 1 or more")
    iterator = iter(items)
    chunks: Iterator[list[Item]] = iter(lambda: list(itertools.islice(iterator, chunk_size)), [])
    first = list(itertools.islice(chunks, processes))  # a tiny input forks fewer workers
    if not first:
        return
    chunks = itertools.chain(first, chunks)
    workers: list[_Worker] = []
    finished = False
    try:
        with _stop_signals_held():  # a Ctrl-C while workers start is raised once they can be killed
            for _ in first:
                workers.append(_Worker(function, [end for worker in workers for end in (worker.tasks, worker.results)]))
        sent = received = 0
        results: dict[int, list[Result]] = {}
        while True:
            for worker in workers:
                while len(worker.pending) < AHEAD and (chunk := next(chunks, None)) is not None:
                    worker.send(sent, chunk)
                    sent += 1
            while received in results:
                yield from results.pop(received)
                received += 1
            if received == sent:  # every worker was given all it could take: the chunks are all done
                break
            busy = {worker.results: worker for worker in workers if worker.pending}
            for connection in wait(list(busy)):
                number, chunk_results = busy[connection].receive()
                results[number] = chunk_results
        finished = True
    finally:
        for worker in workers:
            worker.stop(kill=not finished)


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Block SIGINT and SIGTERM while workers are forked: a worker would otherwise get Ctrl-C before
    it could ignore it (a traceback), and the parent could lose it in a fork hook.  The workers
    inherit the block and lift it once their handlers are set; here a pending signal is raised when
    the block is lifted."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


class _Worker:
    """One process with a task pipe and a result pipe of its own."""

    def __init__(self, function: Callable[[Any], Any], parent_ends: list[Connection]) -> None:
        """`parent_ends`: the other workers' pipe ends held by the parent, which a forked worker
        inherits and closes, so that a worker's pipes report the end of the other side (EOF) when
        that side closes it or dies."""
        task_reader, self.tasks = _CONTEXT.Pipe(duplex=False)
        self.results, result_writer = _CONTEXT.Pipe(duplex=False)
        self.pending: collections.deque[int] = collections.deque()
        self.process = _CONTEXT.Process(target=_serve, daemon=True, args=(
            function, task_reader, result_writer, [*parent_ends, self.tasks, self.results]))
        self.process.start()
        task_reader.close()
        result_writer.close()

    def send(self, number: int, chunk: list[Any]) -> None:
        self.pending.append(number)
        with contextlib.suppress(BrokenPipeError):  # a dead worker: receive() reads what it sent, then says so
            self.tasks.send(chunk)

    def receive(self) -> tuple[int, list[Any]]:
        try:
            answer = self.results.recv()
        except (EOFError, OSError):  # OSError: it died half-way through sending
            self.process.join()
            code = self.process.exitcode or 0
            how = f"was killed by signal {-code}" if code < 0 else f"ended (exit status {code})"
            raise WorkerDied(f"a worker process {how} before returning its articles; if the machine ran out of "
                             "memory, use fewer processes (--jobs N)") from None
        if isinstance(answer, _Failure):
            raise RuntimeError(f"a worker process failed:\n{answer.text}")
        return self.pending.popleft(), answer

    def stop(self, kill: bool) -> None:
        """Let the worker finish, or kill it, and wait for it to end.  It is told to finish, not
        only sent EOF: a process forked meanwhile elsewhere may hold this pipe too."""
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError):
                self.tasks.send(None)
        self.tasks.close()
        self.process.join()
        self.results.close()


def _serve(function: Callable[[Any], Any], tasks: Connection, results: Connection,
           parent_ends: list[Connection]) -> None:
    """A worker's loop.  Ctrl-C reaches every process of the terminal's group: the parent decides
    (and kills the workers), so a worker ignores it; SIGTERM ends a worker at once, not through a
    Python handler inherited from the CLI (which would print a traceback).  Tasks are read by a
    thread, so that a worker sending a large result never waits on a parent sending it a large
    chunk, and the reverse."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # held by the parent while forking
    for end in parent_ends:
        end.close()
    inbox: queue.SimpleQueue[list[Any] | _Failure | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(tasks, inbox), daemon=True).start()
    while (chunk := inbox.get()) is not None:
        try:
            if isinstance(chunk, _Failure):
                answer = chunk
            else:
                answer = ForkingPickler.dumps([function(item) for item in chunk])  # may fail: a _Failure then
        except Exception as error:
            answer = _Failure(error)
        if isinstance(answer, _Failure):
            results.send(answer)
            return
        results.send_bytes(answer)  # what recv() unpickles


def _receive(tasks: Connection, inbox: queue.SimpleQueue) -> None:
    try:
        while True:
            inbox.put(tasks.recv())
    except (EOFError, OSError):
        inbox.put(None)  # the parent closed the pipe or died: no more work
    except BaseException as error:  # a chunk that cannot be read: say so rather than wait for ever
        inbox.put(_Failure(error))
