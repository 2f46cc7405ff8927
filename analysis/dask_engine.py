"""Extraction on a dask cluster: the same pure per-article function, mapped over a dask bag.

dask is an optional extra (`pip install .[dask]`).  With no scheduler address a local cluster is
started for the run and closed after it; with one (e.g. "tcp://10.0.0.5:8786") the existing cluster
is used and left running.  Results come back in input order, so the tables equal the local engine's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

PARTITION_SIZE = 256  # documents per dask task


def extract_with_dask(documents: Iterable, extract_one: Callable, scheduler: str | None,
                      workers: int) -> Iterator:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("engine='dask' needs dask: pip install 'analysis[dask]' "
                         "(or use the default local engine)") from error
    items = list(documents)
    if not items:
        return
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(items, partition_size=PARTITION_SIZE).map(extract_one)
        yield from bag.compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
