"""Cold-start economy: what a Lambda instance builds while it starts, it keeps for its whole life.

Modules, classes, the GraphQL schema: made once, never freed. Python's cyclic garbage collector would
still walk all of them, again and again while they are being made (one full collection of this
process costs ~50 ms, a fifth of the app's own import). Work done under :func:`kept_for_life` runs
with the collector paused, and everything it made is then frozen (``gc.freeze``): later collections
skip it for the life of the process. Use it only for work done once per process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["kept_for_life"]


@contextmanager
def kept_for_life() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
