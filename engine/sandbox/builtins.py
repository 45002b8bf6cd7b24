"""The names diagram code sees: a short allow-list of builtins, some of them guarded.

Each guarded builtin is a plain Python function, so that even when C code calls it (a
`sorted` key, say) the time budget sees the call.
"""

from __future__ import annotations

import builtins as py
from datetime import date, datetime, timedelta
from typing import Any

from RestrictedPython.Guards import safe_builtins

from .guards import MAX_ITEMS, TOO_LONG, LimitExceeded, check_pow, heavy

_UNSAFE = {"setattr", "delattr", "__build_class__", "id", "_getattr_", "pow", "range", "repr",
           "str", "hash"}


def guarded_range(*args: int) -> range:
    values = py.range(*args)
    if len(values) > MAX_ITEMS:
        raise LimitExceeded(TOO_LONG)
    return values


def guarded_pow(base: Any, exp: Any, mod: Any = None) -> Any:
    check_pow(base, exp, mod)
    return py.pow(base, exp, mod)


def guarded_round(number: Any, ndigits: int | None = None) -> Any:
    if ndigits is not None and abs(ndigits) > 1000:
        raise LimitExceeded(TOO_LONG)
    return py.round(number, ndigits)


def guarded_sum(iterable: Any, start: Any = 0) -> Any:
    # Adding up lists or texts copies them again and again, in C: numbers only.
    if not isinstance(start, (int, float, complex)):
        raise TypeError("sum() hanya untuk bilangan")
    return py.sum(iterable, start)


def _walking(fn):
    """A builtin function that walks all of its argument in C: weigh the argument first."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        heavy(*args)
        return fn(*args, **kwargs)

    guarded.__name__ = fn.__name__
    return guarded


class _WalkingType(type):
    """A stand-in for a builtin type that walks its argument in C (`str(x)`, `set(x)`).

    Calling it weighs the argument first and returns a value of the real type;
    `isinstance(v, str)` still works.
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        heavy(*args)
        return cls._real(*args, **kwargs)

    def __instancecheck__(cls, value: Any) -> bool:
        return isinstance(value, cls._real)

    def __subclasscheck__(cls, other: type) -> bool:
        return issubclass(other, cls._real)


def _walking_type(real: type) -> type:
    return _WalkingType(real.__name__, (), {"_real": real})


BUILTINS: dict[str, Any] = {k: v for k, v in safe_builtins.items() if k not in _UNSAFE}
BUILTINS.update(
    {
        "list": list, "tuple": tuple, "any": any, "all": all, "enumerate": enumerate,
        "zip": zip, "range": guarded_range, "pow": guarded_pow, "round": guarded_round,
        "sum": guarded_sum,
        **{fn.__name__: _walking(fn) for fn in (min, max, sorted, repr, hash)},
        **{t.__name__: _walking_type(t) for t in (str, dict, set, frozenset)},
    }
)

#: Plain values every expression may use besides the builtins.
VALUES: dict[str, Any] = {"date": date, "datetime": datetime, "timedelta": timedelta}
