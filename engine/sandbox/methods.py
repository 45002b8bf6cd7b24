"""Attribute access for diagram code: RestrictedPython's rules, and guards on methods that
can build far more than they are given (`"a".ljust(10**10)`, `s.replace("a", s)`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from RestrictedPython.Guards import safer_getattr

from .guards import TOO_LONG, LimitExceeded, fits, heavy, weight

_TEXT = (str, bytes, bytearray)


def _join(sep: Any, iterable: Any) -> Any:
    items = list(iterable)
    fits(len(sep) * max(len(items) - 1, 0) + sum(weight(i) for i in items))
    return sep.join(items)


def _replace(text: Any, old: Any, new: Any, count: int = -1) -> Any:
    found = text.count(old) if old else len(text) + 1
    if count >= 0:
        found = min(found, count)
    fits(len(text) + found * max(len(new) - len(old), 0))
    return text.replace(old, new, count)


def _padded(method: str, text: Any, width: int, *args: Any) -> Any:
    fits(width)
    return getattr(text, method)(width, *args)


def _expandtabs(text: Any, tabsize: int = 8) -> Any:
    fits(len(text) * max(tabsize, 1))
    return text.expandtabs(tabsize)


def _extend(target: list, iterable: Any) -> None:
    items = list(iterable)
    fits(len(target) + len(items))
    target.extend(items)


def _walked(method: str, value: Any, *args: Any, **kwargs: Any) -> Any:
    heavy(value, *args)
    return getattr(value, method)(*args, **kwargs)


def _refused(*_args: Any, **_kwargs: Any) -> Any:
    raise LimitExceeded(TOO_LONG)


_TEXT_METHODS = {
    "join": _join, "replace": _replace, "expandtabs": _expandtabs,
    **{name: partial(_padded, name) for name in ("ljust", "rjust", "center", "zfill")},
    # A translation table can map one character to a long text: never needed in a diagram.
    "translate": _refused,
}
_LIST_METHODS = {
    "extend": _extend,
    **{name: partial(_walked, name) for name in ("sort", "index", "count", "remove")},
}
_TUPLE_METHODS = {name: partial(_walked, name) for name in ("index", "count")}


def guarded_getattr(obj: Any, name: str, default: Any = None) -> Any:
    """`obj.name`, with the growing methods of texts and lists bound to their guards."""
    value = safer_getattr(obj, name, default)
    if isinstance(obj, _TEXT):
        table = _TEXT_METHODS
    elif isinstance(obj, list):
        table = _LIST_METHODS
    elif isinstance(obj, tuple):
        table = _TUPLE_METHODS
    else:
        return value
    guard = table.get(name)
    return partial(guard, obj) if guard is not None and callable(value) else value



