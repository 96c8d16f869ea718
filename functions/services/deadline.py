"""The time a request has left, so no call to a dependency starts that could outlast it (GQL-14).

The HTTP app sets a deadline when a request arrives; every attempt of every AWS call first asks
:func:`ensure_time_for` with the attempt's own worst case (its connect and read timeouts), and is not
sent when it could end after the deadline. So a stalled dependency makes the request fail fast with
:class:`DeadlineExceeded`, answered as ``TEMPORARILY_UNAVAILABLE`` before the gateway gives up, and no
write starts after the answer: a retry with the same idempotency key converges.

The deadline lives in a context variable: it follows the request into the worker thread its resolver
runs in, and is absent for in-process callers (queue consumers, jobs, the seed), which keep their
clients' own timeouts.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["DeadlineExceeded", "deadline_after", "ensure_time_for", "seconds_left"]

_DEADLINE: ContextVar[float | None] = ContextVar("shubbak_request_deadline", default=None)


class DeadlineExceeded(Exception):
    """Too little time left to start a call that could take longer; nothing was sent."""


@contextmanager
def deadline_after(seconds: float) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def seconds_left() -> float | None:
    """None when no deadline is set (in-process callers)."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def ensure_time_for(seconds: float) -> None:
    left = seconds_left()
    if left is not None and left < seconds:
        raise DeadlineExceeded(f"{max(left, 0.0):.1f} s left, a call may take {seconds:.1f} s")
