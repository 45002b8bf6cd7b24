"""Letters as JSON: the content an issued letter was made from, stored with it."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from typing import Any

from .model import RekamJejakLetter, SkhpLetter

LETTERS: dict[str, type] = {"SKHP": SkhpLetter, "REKAM_JEJAK": RekamJejakLetter}


def to_json(letter: Any) -> dict[str, Any]:
    def encode(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list | tuple):
            return [encode(v) for v in value]
        if isinstance(value, dict):
            return {k: encode(v) for k, v in value.items()}
        return value

    return encode(dataclasses.asdict(letter))


def from_json(jenis: str, data: dict[str, Any]) -> Any:
    return _build(LETTERS[jenis], data)


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    values = {f.name: _value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**values)


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return [_value(args[0], v) for v in value]
    if args and type(None) in args:  # Optional[X]
        return _value(next(a for a in args if a is not type(None)), value)
    if hint is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    return value
