"""Extraction on a dask cluster: the same pure per-article function, mapped over partitions.

dask is an optional extra (`pip install .[dask]`).  With no scheduler address a local cluster is
started for the run and closed after it; with one (e.g. "tcp://10.0.0.5:8786") the existing cluster
is used and left running.

Documents are read lazily and sent in partitions of PARTITION_SIZE, with only a few partitions per
worker thread in flight; results come back partition by partition in input order.  So the tables
equal the local engine's, and memory stays flat however large the corpus (computing one dask bag
of the whole corpus would hold every document and every result in this process at once).
"""

from __future__ import annotations

import itertools
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator

PARTITION_SIZE = 256  # documents per dask task
IN_FLIGHT = 3  # tasks submitted ahead per worker thread: enough to keep it busy, few enough to stay flat
CONNECT_SECONDS = 30  # to reach the scheduler at --scheduler and shake hands with it
WORKERS_SECONDS = 60  # for its first worker to join


class SchedulerError(ValueError):
    """The dask scheduler given cannot run the extraction (the message says why and what to do)."""


def extract_with_dask(documents: Iterable, extract_one: Callable, scheduler: str | None,
                      workers: int) -> Iterator:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("engine='dask' needs dask: pip install 'analysis[dask]' "
                         "(or use the default local engine)") from error
    partitions = _partitions(documents, PARTITION_SIZE)
    first = next(partitions, None)
    if first is None:
        return  # nothing to read: no cluster started
    # For debugging, distributed keeps the last low-level-log-length (1000) messages of each batched
    # stream, and our partitions travel in them: this process grew by 6 MB per 1,000 articles.
    with dask.config.set({"distributed.admin.low-level-log-length": 20}):
        # the dashboard on any free port: the default 8787 clashes (with a warning) with any other cluster
        cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                      processes=True, dashboard_address="127.0.0.1:0",
                                                      preload=[__name__])  # runs dask_setup below
        client = Client(cluster, set_as_default=False) if cluster is not None else _connect(Client, scheduler)
    try:
        if cluster is None:
            _wait_for_a_worker(client, scheduler)
        threads = sum(worker["nthreads"] for worker in client.scheduler_info()["workers"].values())
        ahead = IN_FLIGHT * max(1, threads)
        pending: deque = deque()
        for partition in itertools.chain([first], partitions):
            pending.append(client.submit(extract_partition, extract_one, partition, pure=False))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(client_class: type, address: str):
    """A client of the scheduler at `address`, or SchedulerError within CONNECT_SECONDS.  The
    connection is made on a thread of its own: distributed's handshake has no time limit, and a
    server that accepts the connection but never answers (the dashboard's port) would hang the run."""
    made: dict = {}
    decided = threading.Lock()

    def connect() -> None:
        try:
            client = client_class(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except Exception as error:  # noqa: BLE001 (an HTTP server's reply can even be a MemoryError)
            made["error"] = error
            return
        with decided:
            if made.get("given_up"):  # connected after the deadline: nobody will use or close it
                client.close()
            else:
                made["client"] = client

    thread = threading.Thread(target=connect, name="dask-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_SECONDS + 5)
    with decided:
        made["given_up"] = "client" not in made
    if "client" in made:
        return made["client"]
    why = (f"{type(made['error']).__name__}: {made['error']}" if "error" in made
           else f"no answer in {CONNECT_SECONDS + 5} s")
    raise SchedulerError(f"--scheduler {address}: cannot use it as a dask scheduler ({why}); check the address "
                         "(the scheduler's own port, e.g. tcp://host:8786, not its dashboard's 8787) and that "
                         "the scheduler is running, or leave --scheduler out to start a local cluster")


def _wait_for_a_worker(client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except TimeoutError as error:
        raise SchedulerError(f"--scheduler {address}: the scheduler has no workers (waited {WORKERS_SECONDS} s); "
                             f"start some with `dask worker {address}`") from error


def dask_setup(worker: object) -> None:
    """Run by each worker process of the local cluster once it has started (distributed's preload
    hook).  Ctrl-C reaches every process of the terminal's group: this run's own process stops the
    run and closes the cluster, so a worker ignores it (each printed a KeyboardInterrupt traceback).
    A Ctrl-C in the second or two while the workers start still gets theirs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_partition(extract_one: Callable, partition: list) -> list:
    """What one dask task does: the per-article function over one partition, in order."""
    return [extract_one(item) for item in partition]


def _partitions(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while partition := list(itertools.islice(iterator, size)):
        yield partition
