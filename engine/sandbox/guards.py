"""Size guards: each costly operation checks what it would build before Python builds it.

The bounds are per value, not per process: a text or a list of at most `MAX_ITEMS`
characters or items, an integer of at most `MAX_INT_BITS` bits, and at most `MAX_WORK`
steps for a comparison, sort or conversion that Python runs in C (where the time budget
of `budget.py` cannot look in). What they refuse raises `LimitExceeded`.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from typing import Any

MAX_ITEMS = 1_000_000
MAX_INT_BITS = 100_000
MAX_WORK = 5_000_000


class LimitExceeded(BaseException):
    """Diagram code went past a bound. A BaseException, so no `except Exception` swallows it."""


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


TOO_LONG = f"hasilnya melebihi {_number(MAX_ITEMS)} karakter atau butir"
TOO_BIG = f"bilangan hasilnya melebihi {_number(MAX_INT_BITS)} bit"
TOO_HEAVY = f"data sebesar ini terlalu berat untuk dibandingkan atau diolah (batas {_number(MAX_WORK)} langkah)"

_TEXT = (str, bytes, bytearray)
_CONTAINERS = (list, tuple, set, frozenset, dict)
_SIZED = (*_TEXT, *_CONTAINERS, range)


def fits(items: int) -> None:
    if items > MAX_ITEMS:
        raise LimitExceeded(TOO_LONG)


def weight(value: Any, _memo: dict[int, int] | None = None) -> int:
    """Items and characters a C-level walk of `value` visits (a shared part counts each time)."""
    if isinstance(value, _TEXT):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    memo = {} if _memo is None else _memo
    if id(value) in memo:
        return memo[id(value)]
    memo[id(value)] = MAX_WORK + 1  # a container inside itself is never walked to the end
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    total = len(items) if isinstance(items, list) else len(value)
    kinds = set(map(type, items))
    if not any(issubclass(kind, _SIZED) for kind in kinds):
        memo[id(value)] = total
        return total
    if all(issubclass(kind, _TEXT) for kind in kinds):  # texts only: one C-speed sum
        memo[id(value)] = total + sum(map(len, items))
        return memo[id(value)]
    counts = Counter(map(id, items))  # C speed: each distinct child is weighed once
    distinct = dict(zip(map(id, items), items, strict=True))
    for key, count in counts.items():
        total += count * weight(distinct[key], memo)
        if total > MAX_WORK:
            break
    memo[id(value)] = total
    return total


def heavy(*values: Any) -> None:
    """Refuse a C-level walk of `values` that would take more than `MAX_WORK` steps."""
    if sum(weight(v) for v in values if isinstance(v, (*_CONTAINERS, *_TEXT))) > MAX_WORK:
        raise LimitExceeded(TOO_HEAVY)


def _bits(n: Any) -> int:
    return abs(n).bit_length() if isinstance(n, int) else 0


def check_pow(base: Any, exp: Any, mod: Any = None) -> None:
    if not (isinstance(base, int) and isinstance(exp, int)) or exp < 0:
        return
    if mod is not None:
        if _bits(exp) * max(_bits(mod), 1) > MAX_WORK:
            raise LimitExceeded(TOO_BIG)
    elif abs(base) > 1 and _bits(base) * exp > MAX_INT_BITS:
        raise LimitExceeded(TOO_BIG)


def _check_repeat(seq: Any, times: Any) -> None:
    if isinstance(seq, (*_TEXT, list, tuple)) and isinstance(times, int) and times > 1:
        fits(weight(seq) * times)


def _check_mul(a: Any, b: Any) -> None:
    if isinstance(a, int) and isinstance(b, int):
        if _bits(a) + _bits(b) > MAX_INT_BITS:
            raise LimitExceeded(TOO_BIG)
        return
    _check_repeat(a, b)
    _check_repeat(b, a)


def _check_add(a: Any, b: Any) -> None:
    if isinstance(a, (*_TEXT, list, tuple)) and isinstance(b, (*_TEXT, list, tuple)):
        fits(len(a) + len(b))


def _check_shift(a: Any, b: Any) -> None:
    if isinstance(a, int) and isinstance(b, int) and b > 0 and a and _bits(a) + b > MAX_INT_BITS:
        raise LimitExceeded(TOO_BIG)


# printf-style widths and precisions ("%9999999d") and format-spec widths ("{x:9999999}").
_PRINTF_NUMBERS = re.compile(r"%[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC_NUMBERS = re.compile(r"\d+")


def _check_widths(numbers: list[str]) -> None:
    for number in numbers:
        if number == "*" or (number and len(number) > 7) or (number.isdigit() and int(number) > MAX_ITEMS):
            raise LimitExceeded(TOO_LONG)


def _check_mod(a: Any, b: Any) -> None:
    if isinstance(a, (str, bytes)):
        _check_widths([n for pair in _PRINTF_NUMBERS.findall(str(a)) for n in pair])
        heavy(b)


_CHECKS = {"**": check_pow, "*": _check_mul, "<<": _check_shift, "+": _check_add, "%": _check_mod}
_OPS = {"**": operator.pow, "*": operator.mul, "<<": operator.lshift, "+": operator.add,
        "%": operator.mod}


def binop(symbol: str, a: Any, b: Any) -> Any:
    """`a <symbol> b`, once the result is known to fit."""
    _CHECKS[symbol](a, b)
    return _OPS[symbol](a, b)


_INPLACE = {"+=": "+", "*=": "*", "**=": "**", "<<=": "<<", "%=": "%"}
_OTHER_INPLACE = {
    "-=": operator.sub, "/=": operator.truediv, "//=": operator.floordiv, ">>=": operator.rshift,
    "&=": operator.and_, "|=": operator.or_, "^=": operator.xor, "@=": operator.matmul,
}


def inplacevar(op: str, a: Any, b: Any) -> Any:
    """`a op= b` for a plain name (RestrictedPython's hook), guarded like the operator."""
    if op in _INPLACE:
        return binop(_INPLACE[op], a, b)
    return _OTHER_INPLACE[op](a, b)


_COMPARE = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge, "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b, "is": operator.is_, "is not": operator.is_not,
}


def compare(ops: tuple[str, ...], first: Any, *others: Any) -> bool:
    """A comparison (or a chain of them); containers are weighed first."""
    left, result = first, True
    for op, right in zip(ops, others, strict=True):
        if op not in ("is", "is not") and (
            isinstance(left, _CONTAINERS) or isinstance(right, _CONTAINERS)
        ):
            heavy(left, right)
        result = _COMPARE[op](left, right)
        if not result:
            return result
        left = right
    return result


_CONVERSIONS = {-1: None, 115: str, 114: repr, 97: ascii}


def format_value(value: Any, conversion: int, spec: str) -> str:
    """One `{value!c:spec}` of an f-string."""
    heavy(value)
    _check_widths(_SPEC_NUMBERS.findall(spec))
    convert = _CONVERSIONS[conversion]
    return format(convert(value) if convert else value, spec)
