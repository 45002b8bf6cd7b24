"""The process owner's form editor: which forms an edit of a version may change, each as
the version holds it, and checking an edited form before it is previewed or deployed —
by the same rules validation holds every deployed form to."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.catalogue import VersionBundle
from processes.accounts.models import User
from processes.reference.lists import PICK_LISTS
from processes.setup.catalogue import office_forms, owner_only
from processes.setup.form_rules import parse_form
from processes.setup.validation import form_problems


@dataclass(frozen=True)
class CheckedForm:
    """An edited form as the editor sent it: the form when it can be shown, else why not."""

    form: dict | None
    message: str
    problems: list[str] = field(default_factory=list)


def editable_forms(bundle: VersionBundle) -> dict[str, dict]:
    """The forms an edit of `bundle` may change: the version's own (as deployed with it)
    first, then the office's others, which the diagram may come to name."""
    return {**bundle.forms, **{n: f for n, f in office_forms().items() if n not in bundle.forms}}


def pick_lists() -> list[dict[str, str]]:
    """The reference lists a field may take its choices from, by title."""
    return [{"name": n, "title": t} for n, t in sorted(PICK_LISTS.items(), key=lambda i: i[1])]


def check_form(user: User, text: str) -> CheckedForm:
    """An edited form's JSON text, held to the rules of a deployed form."""
    owner_only(user)
    form, why = parse_form(text)
    if form is None:
        return CheckedForm(None, why)
    problems = form_problems(form)
    if problems:
        return CheckedForm(None, f"Formulir belum dapat ditampilkan: {len(problems)} masalah.",
                           problems)
    return CheckedForm(form, "Pratinjau diperbarui.")
