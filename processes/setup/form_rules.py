"""What makes a user-task form showable beyond a valid JSON Schema: every field named once,
labelled, in the order and known to its hints, and every pick list one the office keeps.

Validation of a version (`validation.form_problems`) and the form editor's preview hold a
form to the same rules, so what the preview shows is what a deployed task page can show.
"""

from __future__ import annotations

import json
import re
from typing import Any

from processes.reference.lists import PICK_LISTS

#: A field's name is the key its value is stored under: plain lower-case words.
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
WIDGETS = frozenset({"text", "textarea", "date", "number", "select", "radio", "file", "group"})


class DuplicateName(ValueError):
    """A JSON object that names one key twice (json.loads would keep only the last)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateName(key)
        seen[key] = value
    return seen


def parse_form(text: str) -> tuple[dict | None, str]:
    """A form from its JSON text, or None and why not, in words."""
    try:
        form = json.loads(text, object_pairs_hook=_once)
    except DuplicateName as err:
        return None, f"Nama isian '{err.name}' dipakai dua kali."
    except ValueError:
        return None, "Formulir bukan JSON yang sah."
    if not isinstance(form, dict):
        return None, "Formulir bukan JSON yang sah."
    return form, ""


def _order(props: dict, ui: dict) -> list[str]:
    order = ui.get("order", list(props))
    if not isinstance(order, list) or not all(isinstance(n, str) for n in order):
        return ["urutan isian (ui.order) harus berupa daftar nama isian"]
    problems = [f"isian '{n}' disebut dua kali dalam urutan"
                for n in sorted({n for n in order if order.count(n) > 1})]
    problems += [f"isian '{n}' ada dalam urutan tetapi tidak didefinisikan"
                 for n in order if n not in props]
    problems += [f"isian '{n}' tidak ada dalam urutan" for n in props if n not in order]
    return problems


def _field(name: str, prop: Any, hints: Any) -> list[str]:
    if not FIELD_NAME.match(name):
        return [(f"nama isian '{name}' tidak sah: pakai huruf kecil, angka dan garis bawah, "
                 "diawali huruf")]
    if not isinstance(prop, dict) or not isinstance(hints, dict):
        return [f"isian '{name}' harus berupa objek JSON"]
    problems = []
    if not str(prop.get("title") or "").strip():
        problems.append(f"isian '{name}' belum berlabel")
    widget = hints.get("widget")
    if widget is not None and widget not in WIDGETS:
        problems.append(f"jenis isian '{widget}' pada isian '{name}' tidak dikenal")
    source = hints.get("options")
    if source is not None and source not in PICK_LISTS:
        problems.append(f"daftar pilihan '{source}' pada isian '{name}' tidak dikenal")
    spec = hints.get("filter")
    if spec is not None and not (isinstance(spec, dict) and all(
            isinstance(v, str) for v in spec.values())):
        problems.append(f"saringan daftar pilihan pada isian '{name}' tidak sah")
    if widget == "group" and not isinstance(prop.get("items"), dict):
        problems.append(f"tabel berulang '{name}' harus mendefinisikan isian barisnya (items)")
    if widget in ("select", "radio") and not source and "enum" not in prop:
        problems.append(f"isian pilihan '{name}' belum mempunyai sumber daftar pilihan")
    return problems


def _named_in_rules(schema: dict) -> set[str]:
    """The fields the schema's conditional rules (allOf if/then) name."""
    names: set[str] = set()
    for rule in schema.get("allOf") or []:
        for part in (rule.get(k) for k in ("if", "then", "else") if isinstance(rule, dict)):
            if isinstance(part, dict):
                names |= set(part.get("properties") or {}) | set(part.get("required") or [])
    return names


def structure_problems(form: dict) -> list[str]:
    """Why a form (its schema already a valid JSON Schema object) cannot be shown as it is."""
    schema, ui = form["schema"], form.get("ui") or {}
    props = schema.get("properties") or {}
    hints = (ui.get("fields") or {}) if isinstance(ui, dict) else None
    if not isinstance(props, dict) or not isinstance(hints, dict):
        return ["bagian 'properties' dan 'ui.fields' harus berupa objek"]
    problems = [] if props else ["formulir belum mempunyai isian"]
    problems += _order(props, ui)
    for name, prop in props.items():
        problems += _field(name, prop, hints.get(name, {}))
    problems += [f"petunjuk tampilan untuk isian '{n}' yang tidak ada"
                 for n in hints if n not in props]
    problems += [f"isian wajib '{n}' tidak didefinisikan"
                 for n in schema.get("required") or [] if n not in props]
    problems += [f"aturan bersyarat menyebut isian '{n}' yang tidak ada"
                 for n in sorted(_named_in_rules(schema) - set(props))]
    return problems
