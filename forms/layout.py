"""Turns a form definition, values and errors into sections of fields for a template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .validation import OptionsSource, option_filter


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
    prop: dict, hints: dict, options: OptionsSource, context: dict[str, Any]
) -> list[tuple[str, str]]:
    if hints.get("options"):
        return options(hints["options"], option_filter(hints, context))
    labels = hints.get("labels", {})
    return [(v, labels.get(v, v)) for v in prop.get("enum", [])]


def layout(
    form: dict,
    values: dict[str, Any],
    errors: dict[str, str],
    options: OptionsSource,
    context: dict[str, Any] | None = None,
) -> list[SectionView]:
    """Fields in the form's order, grouped by section (first appearance fixes a section's place)."""
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
        view.fields.append(
            FieldView(
                name=name,
                title=prop.get("title", name),
                widget=_widget(prop, hints),
                value=values.get(name, ""),
                error=errors.get(name),
                help=hints.get("help"),
                required=name in required,
                choices=_choices(prop, hints, options, context or {}),
                max_length=prop.get("maxLength"),
                check=bool(hints.get("check")),
            )
        )
    return list(sections.values())
