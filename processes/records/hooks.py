"""What areas above records do once a new catpers is on file (its pencatatan approved).

Records cannot import the areas that care (letters, for one: a valid SKHP may need
reviewing), so they register here and `setujui_pencatatan` calls them, in its transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from engine import ServiceContext
from processes.records.models import Record

RecordedHook = Callable[[ServiceContext, Record], None]

_ON_RECORDED: list[RecordedHook] = []


def on_recorded(fn: RecordedHook) -> RecordedHook:
    """Register `fn(ctx, record)` to run when a record's pencatatan is approved."""
    if fn not in _ON_RECORDED:
        _ON_RECORDED.append(fn)
    return fn


def recorded(ctx: ServiceContext, record: Record) -> None:
    """A record's pencatatan was approved: run every registered hook."""
    for fn in _ON_RECORDED:
        fn(ctx, record)
