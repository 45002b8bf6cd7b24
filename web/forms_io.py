"""Reading a submitted form from the request, and rendering one (HTTP side only)."""

from __future__ import annotations

from typing import Any

from flask import request
from werkzeug.datastructures import FileStorage

import forms
from processes.records import documents
from processes.records.staged_uploads import StagedFile
from processes.reference import lists as reference
from processes.work.tasks import Upload

from . import db


def submitted_fields(form: dict) -> dict[str, Any]:
    """The form's own fields from the POST; file fields come only as uploads; a repeating
    group's cells ("group-row-field") as its list of rows."""
    names = form["schema"].get("properties", {})
    files = set(forms.file_fields(form))
    found: dict[str, Any] = {
        n: request.form.get(n, "") for n in names if n in request.form and n not in files
    }
    for group in forms.group_fields(form):
        prop = names[group]
        rows = [
            {sub: request.form.get(f"{group}-{index}-{sub}", "")
             for sub in prop.get("items", {}).get("properties", {})}
            for index in range(prop.get("maxItems", 10))
        ]
        if any(any(v for v in row.values()) for row in rows):
            found[group] = [row for row in rows if any(row.values())]
    return found


def submitted_uploads(form: dict) -> dict[str, Upload]:
    uploads = {}
    for name in forms.file_fields(form):
        storage: FileStorage | None = request.files.get(name + "__upload")
        if storage is not None and storage.filename:
            uploads[name] = Upload(storage.filename, storage.read())
        elif request.form.get(name + "__staged"):  # the file kept from the last try
            uploads[name] = Upload("", b"", staged=request.form[name + "__staged"][:64])
    return uploads


def sections(
    form: dict, values: dict, errors: dict, context: dict | None = None,
    staged: dict[str, StagedFile] | None = None,
) -> list[forms.SectionView]:
    """The form's sections; a file field shows its file by name, a staged one with its token."""
    session = db.session()
    fields = forms.file_fields(form)
    names = documents.names(session, [values.get(n) for n in fields])
    files = {n: (names.get(values.get(n), "berkas PDF"), "") for n in fields if values.get(n)}
    files |= {n: (kept.name, kept.token) for n, kept in (staged or {}).items()}
    return forms.layout(form, values, errors, reference.options_source(session), context, files)
