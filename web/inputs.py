"""Numbers in URLs: an id no row can have is "not found", before any query is made.

Row ids are 32-bit integers (SQLAlchemy's Integer); a larger one would overflow in the
database driver and fail the request. The `int` URL converter and `row_id` (for query
arguments) refuse anything outside 1 .. 2**31 - 1.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ROW_ID = 2**31 - 1


class RowIdConverter(IntegerConverter):
    """`<int:x>` in every route: an integer a row id can be (else the route does not match)."""

    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_ROW_ID, signed=False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def row_id(value: str) -> int:
    """For `request.args.get(name, type=row_id)`: the id, or ValueError (then the default)."""
    number = int(value)
    if not 1 <= number <= MAX_ROW_ID:
        raise ValueError(f"{value} bukan id yang mungkin")
    return number


def init_app(app: Flask) -> None:
    """Install the converter; must run before any blueprint adds its routes."""
    app.url_map.converters["int"] = RowIdConverter
