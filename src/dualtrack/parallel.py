"""Run one function over a stream on several cores (a process pool) or a Ray cluster, in order.

Why in order: results come back in the order of the input whatever the number of workers or the
engine, so a parallel run writes exactly what one worker would. Why bounded: at most a few items
per worker are in flight, so memory follows the number of workers, never the length of the
stream. Each worker receives the shared state (e.g. a loaded extractor) once, at start-up.

Starting workers costs seconds (a process pool: Python and the package imported afresh in each,
about 2-3 s; Ray: about 7 s for the runtime, then the same per actor), so short streams stay in
this process: a pool starts only once the stream has `pool_from` items (Ray: `ray_from`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any, Literal, TypeVar

from dualtrack.errors import DualtrackError

Engine = Literal["local", "ray"]
ENGINES = ("local", "ray")
S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


class EngineError(DualtrackError, ValueError):
    """A parallel engine that cannot run here (Ray not installed, bad worker count)."""


def default_workers() -> int:
    """The cores this process may use (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ray_runtime(workers: int | None) -> Any:
    """The `ray` module, started once per process (later calls reuse the running runtime)."""
    try:
        import ray
    except ImportError:
        raise EngineError(
            "--engine ray needs Ray, which is not installed: pip install 'dualtrack[ray]'"
        ) from None
    if not ray.is_initialized():
        ray.init(include_dashboard=False, num_cpus=workers, log_to_driver=False)
    return ray


WORKER_DIED = (
    "a worker process ended abruptly (killed, or out of memory: try fewer --workers); "
    "what was committed before it is kept"
)
_STATE: Any = None  # the worker's shared state (set once per worker process)


def _init(state: Any) -> None:
    global _STATE
    _STATE = state
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: Any) -> None:
    """End this worker when the process that started it ends. Why: a pool's workers hold both
    ends of its task queue, so when the parent is killed outright (kill -9, the OOM killer) they
    never see it close and would idle forever, each holding a loaded extractor's memory and the
    parent's stdout."""
    parent.join()
    os._exit(1)


def _call(fn: Callable[[Any, Any], Any], item: Any) -> Any:
    return fn(_STATE, item)


def ordered_map(
    fn: Callable[[S, T], R],
    state: S,
    items: Iterable[T],
    *,
    workers: int = 1,
    engine: Engine = "local",
    skip: Callable[[T], bool] | None = None,
    pool_from: int = 4,
    ray_from: int = 40,
) -> Iterator[tuple[T, R | None]]:
    """Yield `(item, fn(state, item))` for each item, in input order; `(item, None)` for an
    item `skip` accepts (checked in this process just before the item would be sent).

    `fn` must be a module-level function (workers import it by name).
    """
    if engine not in ENGINES:
        raise EngineError(f"--engine must be 'local' or 'ray', not {engine!r}")
    if workers < 1:
        raise EngineError(f"--workers must be at least 1, not {workers}")
    stream = iter(items)
    least = ray_from if engine == "ray" else pool_from
    head = list(islice(stream, least))
    items = chain(head, stream)
    if len(head) < least or (workers == 1 and engine == "local"):
        for item in items:
            yield item, None if skip and skip(item) else fn(state, item)
        return
    run = _ray_submit if engine == "ray" else _pool_submit
    yield from run(fn, state, items, workers, skip)


def _drain(
    pending: deque[tuple[Any, Any]], depth: int, get: Callable[[Any], Any]
) -> Iterator[tuple[Any, Any]]:
    while len(pending) > depth:
        item, handle = pending.popleft()
        yield item, None if handle is None else get(handle)


def _pool_submit(
    fn: Callable[[Any, Any], Any],
    state: Any,
    items: Iterable[Any],
    workers: int,
    skip: Callable[[Any], bool] | None,
) -> Iterator[tuple[Any, Any]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the parent holds threads (DuckDB's) that a forked child must not inherit
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(state,)) as pool:
        pending: deque[tuple[Any, Any]] = deque()
        try:
            for item in items:
                sent = None if skip and skip(item) else pool.submit(_call, fn, item)
                pending.append((item, sent))
                yield from _drain(pending, 2 * workers, lambda f: f.result())
            yield from _drain(pending, 0, lambda f: f.result())
        except BrokenProcessPool:
            raise EngineError(WORKER_DIED) from None


def _ray_submit(
    fn: Callable[[Any, Any], Any],
    state: Any,
    items: Iterable[Any],
    workers: int,
    skip: Callable[[Any], bool] | None,
) -> Iterator[tuple[Any, Any]]:
    ray = ray_runtime(workers)
    holder = ray.remote(_Holder)
    shared = ray.put(state)
    actors = [holder.remote(shared) for _ in range(workers)]
    pending: deque[tuple[Any, Any]] = deque()
    try:
        for n, item in enumerate(items):
            ref = None if skip and skip(item) else actors[n % workers].call.remote(fn, item)
            pending.append((item, ref))
            yield from _drain(pending, 2 * workers, ray.get)
        yield from _drain(pending, 0, ray.get)
    except ray.exceptions.RayActorError:
        raise EngineError(WORKER_DIED) from None
    finally:
        for actor in actors:
            ray.kill(actor)


class _Holder:
    """A Ray actor keeping the shared state for the calls sent to it."""

    def __init__(self, state: Any) -> None:
        self.state = state

    def call(self, fn: Callable[[Any, Any], Any], item: Any) -> Any:
        return fn(self.state, item)
