"""User-task forms: one JSON file per form (JSON Schema plus UI hints), and the code
that loads, validates and lays them out for server-side rendering.

Pick-lists are not written into the schema: a field with `ui.fields[f].options = "name"`
gets its allowed values from an `OptionsSource` (reference data) when validated or shown.
A form may ask for the user's password before its values take effect (`confirmation.py`).
"""

from .confirmation import PASSWORD_FIELD, asks_password, password_prompt
from .layout import FieldView, SectionView, file_fields, layout
from .validation import OptionsSource, group_fields, validate

__all__ = [
    "PASSWORD_FIELD", "FieldView", "OptionsSource", "SectionView", "asks_password", "file_fields",
    "group_fields",
    "layout", "password_prompt", "validate",
]
