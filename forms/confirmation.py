"""A form may ask the user to re-enter their password before its values take effect.

The hint is the form's own, so the diagram that uses the form decides it, not the code:
`"ui": {"konfirmasi_sandi": {"keputusan": ["SETUJU"]}}` asks for the password when the
field `keputusan` is SETUJU; `"konfirmasi_sandi": true` asks every time.
"""

from __future__ import annotations

from typing import Any

PASSWORD_FIELD = "konfirmasi_sandi"


def asks_password(form: dict, values: dict[str, Any]) -> bool:
    """Whether submitting `values` on this form needs the user's password again."""
    rule = form.get("ui", {}).get(PASSWORD_FIELD)
    if rule is True:
        return True
    if isinstance(rule, dict):
        return any(values.get(field) in wanted for field, wanted in rule.items())
    return False


def password_prompt(form: dict) -> str | None:
    """The help text under the password field, or None when the form never asks for it."""
    rule = form.get("ui", {}).get(PASSWORD_FIELD)
    if rule is True:
        return "Masukkan kata sandi Anda untuk mengirim."
    if not isinstance(rule, dict) or not rule:
        return None
    hints = form.get("ui", {}).get("fields", {})
    choices = [
        f"\u201c{hints.get(field, {}).get('labels', {}).get(value, value)}\u201d"
        for field, wanted in rule.items() for value in wanted
    ]
    return f"Wajib diisi bila memilih {' atau '.join(choices)}."
