"""The registry of form checks a JSON Schema cannot express (identity numbers, dates...).

Each area registers the checks of its own forms with `@FORM_CHECKS.check(form_name)`;
the runtime's validator runs them after the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

Check = Callable[[Session, dict[str, Any]], dict[str, str]]


class FormChecks:
    def __init__(self) -> None:
        self._checks: dict[str, list[Check]] = {}

    def check(self, form_name: str) -> Callable[[Check], Check]:
        def decorator(fn: Check) -> Check:
            self._checks.setdefault(form_name, []).append(fn)
            return fn

        return decorator

    def errors(self, session: Session, form_name: str, data: dict[str, Any]) -> dict[str, str]:
        """Each field's first message from the form's registered checks."""
        found: dict[str, str] = {}
        for fn in self._checks.get(form_name, []):
            for field, message in fn(session, data).items():
                found.setdefault(field, message)
        return found


FORM_CHECKS = FormChecks()
