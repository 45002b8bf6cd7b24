"""Turns a form definition, values and errors into sections of fields for a template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .validation import OptionsSource, depends_on, lookup, option_filter


@dataclass
class FieldView:
    name: str
    title: str
    widget: str
    value: Any
    error: str | None
    help: str | None
    required: bool
    choices: list[tuple[str, str]] = field(default_factory=list)
    max_length: int | None = None
    check: bool = False  # a CEK button that checks the value on the server
    #: {attribute: field} for a pick list that follows other fields of the form, and each
    #: choice's values of those attributes (the browser hides what does not fit).
    depends: dict[str, str] = field(default_factory=dict)
    choice_attrs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: A repeating group's rows, each a list of its fields (named "group-row-field").
    rows: list[list[FieldView]] = field(default_factory=list)
    #: A file field's file, by the name it was uploaded with (never its hash), and the token
    #: of a file kept from a failed try (sent back so the next try uses it).
    file_name: str = ""
    staged_token: str = ""


@dataclass
class SectionView:
    title: str | None
    fields: list[FieldView] = field(default_factory=list)


def file_fields(form: dict) -> list[str]:
    """The fields whose value is an uploaded file (its SHA-256)."""
    hints = form.get("ui", {}).get("fields", {})
    return [name for name, h in hints.items() if h.get("widget") == "file"]


def _widget(prop: dict, hints: dict) -> str:
    if "widget" in hints:
        return hints["widget"]
    if "enum" in prop:
        return "select"
    if prop.get("format") == "date":
        return "date"
    return "text"


def _choices(
    form: dict, prop: dict, hints: dict, options: OptionsSource, context: dict[str, Any]
) -> tuple[list[tuple[str, str]], dict[str, dict[str, Any]]]:
    """The choices and, for a list that follows other fields, each choice's attributes.

    Such a list is sent whole, narrowed only by the task data; the browser narrows it as
    the fields it follows change, and the server checks the pair on submission.
    """
    if not hints.get("options"):
        labels = hints.get("labels", {})
        return [(v, labels.get(v, v)) for v in prop.get("enum", [])], {}
    follows = depends_on(form, hints)
    if not follows:
        items = options(hints["options"], option_filter(hints, context))
        return [(item[0], item[1]) for item in items], {}
    fixed = {a: lookup(context, p) for a, p in hints["filter"].items() if a not in follows}
    items = options(hints["options"], fixed)
    attrs = {item[0]: {a: (item[2] if len(item) > 2 else {}).get(a) for a in follows} for item in items}
    return [(item[0], item[1]) for item in items], attrs


def group_rows(
    name: str, prop: dict, hints: dict, values: Any, options: OptionsSource,
    context: dict[str, Any],
) -> list[list[FieldView]]:
    """The rows a repeating group shows: those given (kept as typed) and empty ones up to
    `hints.rows`, one more to add, never above the schema's maxItems."""
    given = [row if isinstance(row, dict) else {} for row in values] if isinstance(values, list) else []
    limit = prop.get("maxItems", 10)
    count = min(limit, max(hints.get("rows", 3), len(given) + 1))
    items = prop.get("items", {})
    subs, required = items.get("properties", {}), set(items.get("required", []))
    rows = []
    for index in range(count):
        row = given[index] if index < len(given) else {}
        cells = []
        for sub, sub_prop in subs.items():
            sub_hints = hints.get("fields", {}).get(sub, {})
            choices = []
            if sub_hints.get("options"):
                choices = [(i[0], i[1]) for i in
                           options(sub_hints["options"], option_filter(sub_hints, context))]
            value = row.get(sub, "")
            cells.append(FieldView(
                name=f"{name}-{index}-{sub}", title=sub_prop.get("title", sub),
                widget=_widget(sub_prop, sub_hints), value="" if value is None else str(value),
                error=None, help=None, required=sub in required, choices=choices,
            ))
        rows.append(cells)
    return rows


def layout(
    form: dict,
    values: dict[str, Any],
    errors: dict[str, str],
    options: OptionsSource,
    context: dict[str, Any] | None = None,
    files: dict[str, tuple[str, str]] | None = None,
) -> list[SectionView]:
    """Fields in the form's order, grouped by section (first appearance fixes a section's place).

    `files` gives a file field its file's name and, for a staged file, its token.
    """
    schema = form["schema"]
    props = schema.get("properties", {})
    ui = form.get("ui", {})
    hints_by_field = ui.get("fields", {})
    required = set(schema.get("required", []))
    sections: dict[str | None, SectionView] = {}
    for name in ui.get("order", list(props)):
        prop, hints = props[name], hints_by_field.get(name, {})
        section = hints.get("section")
        view = sections.setdefault(section, SectionView(section))
        choices, choice_attrs = _choices(form, prop, hints, options, context or {})
        rows = (group_rows(name, prop, hints, values.get(name), options, context or {})
                if hints.get("widget") == "group" else [])
        view.fields.append(
            FieldView(
                name=name,
                title=prop.get("title", name),
                widget=_widget(prop, hints),
                value=values.get(name, ""),
                error=errors.get(name),
                help=hints.get("help"),
                required=name in required,
                choices=choices,
                max_length=prop.get("maxLength"),
                check=bool(hints.get("check")),
                depends=depends_on(form, hints),
                choice_attrs=choice_attrs,
                rows=rows,
                file_name=(files or {}).get(name, ("", ""))[0],
                staged_token=(files or {}).get(name, ("", ""))[1],
            )
        )
    return list(sections.values())
