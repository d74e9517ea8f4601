"""A map over worker processes, in chunks and in order; in this process for small inputs."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 20  # fewer tasks than this are not worth starting processes for


def default_jobs() -> int:
    """The machine's cores."""
    return os.cpu_count() or 1


def _start_method() -> multiprocessing.context.BaseContext:
    """fork (cheap: the workers have the loaded word lists) from a process with one thread;
    beside other threads (`timeline serve`'s server) a fresh process: forkserver, or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ordered_map(fn: Callable[[T], R], tasks: Sequence[T], jobs: int) -> Iterator[R]:
    """`fn` over `tasks`, results in task order: over up to `jobs` processes, each taking
    chunks of tasks, or in this process when `jobs` is 1 or the tasks are few. `fn` must be
    a module-level function and the tasks and results picklable.

    Only a few chunks per process are out at a time: results the caller has not taken yet
    wait in memory, so workers faster than the caller must not run ahead of it."""
    jobs = max(1, min(jobs, len(tasks) // (MIN_PARALLEL // 2) or 1))
    if jobs == 1 or len(tasks) < MIN_PARALLEL:
        yield from map(fn, tasks)
        return
    size = max(1, min(32, len(tasks) // (jobs * 4)))
    chunks = (tasks[i:i + size] for i in range(0, len(tasks), size))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_start_method())
    try:
        out: deque[Future[list[R]]] = deque(
            pool.submit(_chunk, fn, c) for c in itertools.islice(chunks, jobs * AHEAD))
        while out:
            done = out.popleft().result()
            for c in itertools.islice(chunks, 1):
                out.append(pool.submit(_chunk, fn, c))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


AHEAD = 3  # chunks out per process: enough to keep it busy while the caller reads


def _chunk(fn: Callable[[T], R], tasks: Sequence[T]) -> list[R]:
    return [fn(t) for t in tasks]
