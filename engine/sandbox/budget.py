"""A time and depth budget for one run of diagram code, kept by a trace function.

`sys.settrace` acts on the calling thread only, so a budget works inside any worker
thread, where `signal.alarm` cannot. Every new frame and every line of diagram code
checks the clock; diagram code's own nested calls are counted. Work done inside one C
call (a `sum` over a list) is not seen here: `guards.py` bounds the size of such work.
"""

from __future__ import annotations

import sys
import time
from types import FrameType
from typing import Any, Self

from .guards import LimitExceeded

MAX_SECONDS = 1.0
MAX_DEPTH = 50

#: The file name diagram code is compiled under, so its frames can be told apart.
SOURCE_NAME = "<diagram>"


class Budget:
    """`with Budget():` runs its block under the time and depth limits."""

    def __init__(self, seconds: float = MAX_SECONDS, depth: int = MAX_DEPTH) -> None:
        self.seconds, self.max_depth = seconds, depth
        self.depth = 0

    def __enter__(self) -> Self:
        self._previous = sys.gettrace()
        self._deadline = time.monotonic() + self.seconds
        sys.settrace(self._on_call)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(self._previous)

    def _check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise LimitExceeded(f"melewati batas waktu {self.seconds:g} detik")

    def _on_call(self, frame: FrameType, event: str, _arg: Any):
        self._check_time()
        if frame.f_code.co_filename != SOURCE_NAME:
            return None  # library frames: only their calls are timed, not their lines
        self.depth += 1
        if self.depth > self.max_depth:
            self.depth -= 1
            raise LimitExceeded(f"pemanggilan fungsi bersarang lebih dari {self.max_depth} tingkat")
        return self._on_line

    def _on_line(self, _frame: FrameType, event: str, _arg: Any):
        if event == "return":  # also when the frame is left by an exception
            self.depth -= 1
        elif event == "line":
            self._check_time()
        return self._on_line
