"""User-task forms: one JSON file per form (JSON Schema plus UI hints), and the code
that loads, validates and lays them out for server-side rendering.

Pick-lists are not written into the schema: a field with `ui.fields[f].options = "name"`
gets its allowed values from an `OptionsSource` (reference data) when validated or shown.
"""

from .layout import FieldView, SectionView, file_fields, layout
from .validation import OptionsSource, validate

__all__ = ["FieldView", "OptionsSource", "SectionView", "file_fields", "layout", "validate"]
