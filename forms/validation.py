"""Server-side validation of submitted form data, with messages in Bahasa Indonesia.

Compiled validators are kept per process (`_validator`): keyed by the form's schema text and
the pick lists' allowed values, so a form version and a reference-list state each get their
own, and none is ever stale. A call builds nothing and copies nothing when both are known.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

#: options(list_name, where) -> [(value, label) or (value, label, attrs), ...]; `where`
#: narrows by item attributes (an item without the attribute fits every value).
OptionsSource = Callable[[str, dict[str, Any] | None], list[tuple]]

_FORMAT_CHECKER = FormatChecker()


def _plain(value: Any, prop: dict) -> Any:
    """Text stripped ("" for nothing); a whole number typed as text becomes a number."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if prop.get("type") == "integer" and value.isdigit() and len(value) < 10:
        return int(value)
    return value


def _rows(value: Any, prop: dict) -> Any:
    """A repeating group's rows, each cleaned like a form; rows left empty are dropped."""
    if not isinstance(value, list):
        return value
    props = prop.get("items", {}).get("properties", {})
    rows = []
    for row in value:
        if not isinstance(row, dict):
            rows.append(row)
            continue
        cells = {k: _plain(v, props.get(k, {})) for k, v in row.items()}
        cells = {k: v for k, v in cells.items() if v != "" and v is not None}
        if cells:
            rows.append(cells)
    return rows


def normalise(form: dict, data: dict[str, Any]) -> dict[str, Any]:
    """Strip text; an empty value (or a group with no filled row) counts as not given."""
    fields = form["schema"].get("properties", {})
    clean: dict[str, Any] = {}
    for name, value in data.items():
        if name not in fields:
            continue
        prop = fields[name]
        value = _rows(value, prop) if prop.get("type") == "array" else _plain(value, prop)
        if value == "" or value == []:
            continue
        clean[name] = value
    return clean


def group_fields(form: dict) -> dict[str, dict[str, dict]]:
    """Each repeating group's own fields' hints: {group: {field: hints}}."""
    return {name: hints.get("fields", {})
            for name, hints in form.get("ui", {}).get("fields", {}).items()
            if hints.get("widget") == "group"}


def lookup(context: dict[str, Any], path: str) -> Any:
    """`a.b` in `context`, or None."""
    value: Any = context
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def option_filter(hints: dict, context: dict[str, Any]) -> dict[str, Any] | None:
    """A field's `filter` hint ({attribute: path in the task data}) resolved to values.

    A path may name another field of the same form (pasal follows the jenis pelanggaran
    chosen above it): callers pass the submitted data merged over the task data.
    """
    spec = hints.get("filter")
    if not spec:
        return None
    return {attr: lookup(context, path) for attr, path in spec.items()}


def depends_on(form: dict, hints: dict) -> dict[str, str]:
    """The part of a field's filter that follows other fields of this form: {attr: field}."""
    own = form["schema"].get("properties", {})
    return {attr: path for attr, path in (hints.get("filter") or {}).items() if path in own}


def _allowed(
    form: dict, options: OptionsSource, context: dict[str, Any]
) -> tuple[tuple[str, tuple], ...]:
    """Each pick-list field's allowed values, in the form's order."""
    properties = form["schema"].get("properties", {})
    prefetch = getattr(options, "prefetch", None)
    if prefetch is not None:  # a source that can read all the form's lists at once
        prefetch([h["options"] for h in form.get("ui", {}).get("fields", {}).values()
                  if h.get("options")])
    picked = [(name, hints) for name, hints in form.get("ui", {}).get("fields", {}).items()
              if hints.get("options") and name in properties]
    # A group's pick lists are named "group.field"; their filters read the task data.
    picked += [(f"{group}.{name}", hints) for group, subs in group_fields(form).items()
               for name, hints in subs.items() if hints.get("options")]
    return tuple(
        (name, tuple(item[0] for item in options(hints["options"], option_filter(hints, context))))
        for name, hints in picked
    )


def _with_enums(schema: dict, allowed: tuple[tuple[str, tuple], ...]) -> dict:
    schema = copy.deepcopy(schema)
    for name, values in allowed:
        group, _, sub = name.partition(".")
        target = schema["properties"][group]
        if sub:
            target = target["items"]["properties"][sub]
        target["enum"] = list(values)
    return schema


@lru_cache(maxsize=256)
def _compiled(schema_text: str, allowed: tuple[tuple[str, tuple], ...]) -> Draft202012Validator:
    schema = _with_enums(json.loads(schema_text), allowed)
    return Draft202012Validator(schema, format_checker=_FORMAT_CHECKER)


def _validator(form: dict, options: OptionsSource, context: dict[str, Any]) -> Draft202012Validator:
    # The key is the schema's own text, not the dict's identity: equal forms of different
    # versions share one validator, and a changed form can never meet an old one.
    text = json.dumps(form["schema"], sort_keys=True, default=str)
    return _compiled(text, _allowed(form, options, context))


def validate(
    form: dict, data: dict[str, Any], options: OptionsSource, context: dict[str, Any] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return (clean data, {field: message}); the first problem of each field is kept.

    `context` is the data the task already holds (used by option filters).
    """
    clean = normalise(form, data)
    merged = {**(context or {}), **clean}
    validator = _validator(form, options, merged)
    errors: dict[str, str] = {}
    for error in sorted(validator.iter_errors(clean), key=lambda e: e.path):
        for field, message in _messages(form, error):
            errors.setdefault(field, message)
    _explain_mismatches(form, clean, errors, options, merged)
    return clean, errors


def _explain_mismatches(
    form: dict, clean: dict[str, Any], errors: dict[str, str], options: OptionsSource,
    merged: dict[str, Any],
) -> None:
    """A known choice that does not fit the fields it follows gets a message saying so."""
    for name, hints in form.get("ui", {}).get("fields", {}).items():
        follows = depends_on(form, hints)
        if name not in errors or not follows or name not in clean:
            continue
        others = {a: p for a, p in hints["filter"].items() if a not in follows}
        known = options(hints["options"], {a: lookup(merged, p) for a, p in others.items()})
        if clean[name] in {item[0] for item in known}:
            titles = " dan ".join(_title(form, field) for field in dict.fromkeys(follows.values()))
            errors[name] = f"{_title(form, name)} ini tidak berlaku untuk {titles} yang dipilih."


def _title(form: dict, field: str) -> str:
    return form["schema"].get("properties", {}).get(field, {}).get("title", field)


def _row_message(form: dict, error) -> list[tuple[str, str]]:
    """A message about one cell of a repeating group, on the group: "Hukuman baris 2: …"."""
    group = str(error.path[0])
    prop = form["schema"]["properties"].get(group, {})
    subs = prop.get("items", {}).get("properties", {})
    prefix = f"{prop.get('title', group)} baris {int(error.path[1]) + 1}: "
    if error.validator == "required":
        missing = [f for f in error.validator_value if f not in error.instance]
        return [(group, prefix + f"{subs.get(missing[0], {}).get('title', missing[0])} wajib diisi.")]
    sub = str(error.path[2]) if len(error.path) > 2 else ""
    title = subs.get(sub, {}).get("title", sub)
    kind, limit = error.validator, error.validator_value
    if kind == "enum":
        text = f"{title.lower()} ini tidak dikenal atau tidak berlaku untuk catatan ini."
    elif kind == "type" and limit == "integer":
        text = f"{title} harus berupa bilangan bulat."
    elif kind == "minimum":
        text = f"{title} minimal {limit}."
    elif kind == "maximum":
        text = f"{title} paling besar {limit}."
    elif kind == "format":
        text = f"{title} harus berupa tanggal yang benar."
    else:
        text = f"{title} tidak valid."
    return [(group, prefix + text)]


def _messages(form: dict, error) -> list[tuple[str, str]]:
    if len(error.path) >= 2 and form["schema"]["properties"].get(
            str(error.path[0]), {}).get("type") == "array":
        return _row_message(form, error)
    if error.validator == "required":
        missing = [f for f in error.validator_value if f not in error.instance]
        return [(f, f"{_title(form, f)} wajib diisi.") for f in missing]
    if not error.path:
        return []
    field = str(error.path[0])
    title = _title(form, field)
    hint = form.get("ui", {}).get("fields", {}).get(field, {}).get("help")
    kind, limit = error.validator, error.validator_value
    if kind == "minLength" and limit <= 1:
        text = f"{title} wajib diisi."
    elif kind == "minLength":
        text = f"{title} minimal {limit} karakter."
    elif kind == "maxLength":
        text = f"{title} paling banyak {limit} karakter."
    elif kind == "enum":
        text = f"Pilihan {title} tidak dikenal; pilih dari daftar."
    elif kind == "pattern":
        text = f"{title} tidak sesuai format" + (f" ({hint})." if hint else ".")
    elif kind == "format":
        text = f"{title} harus berupa tanggal yang benar."
    elif kind == "maxItems":
        text = f"{title} paling banyak {limit} baris."
    else:
        text = f"{title} tidak valid."
    return [(field, text)]
