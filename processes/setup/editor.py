"""The process owner's diagram editor: the pick lists it offers (roles, forms, registered
service functions, decision tables), and checking or deploying a diagram edited in the
browser — through the catalogue's own validation and deployment, so an edit is held to
exactly what an upload is."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree
from sqlalchemy.orm import Session

from engine import NotFound
from engine.catalogue import VersionBundle, current_tables, version_bundle
from processes.accounts.models import User
from processes.accounts.roles import ROLES
from processes.db.uow import UnitOfWork
from processes.setup.catalogue import (
    Outcome,
    check_upload,
    deploy_upload,
    office_forms,
    owner_only,
)
from processes.setup.form_editor import editable_forms
from processes.setup.form_rules import parse_form
from processes.workflow.services import SERVICES

COMMENT_NEEDED = "Tulis komentar: apa yang diubah dan mengapa (tercatat di katalog)."


def _decisions(session: Session) -> list[dict[str, str]]:
    found: dict[str, str] = {}
    for name, content in current_tables(session).items():
        if not name.endswith(".dmn"):
            continue
        for decision in etree.fromstring(content).iter("{*}decision"):
            found[decision.get("id", "")] = decision.get("name") or decision.get("id", "")
    return [{"id": i, "label": label} for i, label in sorted(found.items(), key=lambda d: d[1])]


def _services() -> list[dict]:
    rows = []
    for name in SERVICES.names():
        params = SERVICES.parameters(name)
        label = f"{name} — parameter: {', '.join(params)}" if params else name
        rows.append({"name": name, "label": label, "parameters": params})
    return rows


def editor_options(session: Session, user: User) -> dict[str, list]:
    """What the panel's pick lists offer: every name validation accepts, and nothing else."""
    owner_only(user)
    roles = [{"lane": lane, "title": role.title}
             for role in ROLES.values() for lane in sorted(role.lanes)]
    forms = [{"file": name, "title": form.get("title") or name}
             for name, form in office_forms().items()]
    return {"roles": roles, "forms": forms, "services": _services(),
            "decisions": _decisions(session)}


def edited_version(session: Session, user: User, version_id: int) -> VersionBundle:
    """The version an edit starts from (any version, current or not)."""
    owner_only(user)
    bundle = version_bundle(session, version_id)
    if bundle is None:
        raise NotFound("Versi proses tidak ditemukan.")
    return bundle


def tables_of(bundle: VersionBundle) -> list[str]:
    """The decision tables a version bundles, which the editor may change with it."""
    return sorted(n for n in bundle.decisions if n.endswith(".dmn"))


def table_xml(session: Session, user: User, version_id: int, name: str) -> str:
    bundle = edited_version(session, user, version_id)
    if name not in tables_of(bundle):
        raise NotFound("Tabel keputusan tidak ditemukan pada versi ini.")
    return bundle.decisions[name]


@dataclass(frozen=True)
class Edit:
    """What the editor sends: the diagram and the decision tables and forms (name → JSON
    text) changed with it."""

    bpmn_xml: bytes
    tables: Mapping[str, bytes] = field(default_factory=dict)
    forms: Mapping[str, str] = field(default_factory=dict)


def _forms(bundle: VersionBundle, edit: Edit) -> dict[str, bytes] | str:
    """The version's own forms with the edited ones over them: an edit starts from the forms
    the version was deployed with, not from the office's files."""
    foreign = sorted(set(edit.forms) - set(editable_forms(bundle)))
    if foreign:
        return f"Formulir {', '.join(foreign)} tidak dikenal."
    files = {n: json.dumps(f, ensure_ascii=False).encode("utf-8") for n, f in bundle.forms.items()}
    for name, text in edit.forms.items():
        form, why = parse_form(text)
        if form is None:
            return f"Formulir {name}: {why}"
        files[name] = json.dumps(form, ensure_ascii=False).encode("utf-8")
    return files


def _files(bundle: VersionBundle, edit: Edit) -> dict[str, bytes] | str:
    foreign = sorted(set(edit.tables) - set(tables_of(bundle)))
    if foreign:
        return f"Tabel keputusan {', '.join(foreign)} bukan bagian versi ini."
    forms = _forms(bundle, edit)
    if isinstance(forms, str):
        return forms
    return {bundle.source_file: edit.bpmn_xml, **edit.tables, **forms}


def check_edit(session: Session, user: User, version_id: int, edit: Edit) -> Outcome:
    """Every problem of the edited diagram and tables, as deployment would find them;
    stores nothing."""
    files = _files(edited_version(session, user, version_id), edit)
    if isinstance(files, str):
        return Outcome(False, files)
    problems = check_upload(session, files).problems
    if problems:
        return Outcome(False, f"{len(problems)} masalah: diagram belum dapat dipasang.", problems)
    return Outcome(True, "Tidak ada masalah: diagram siap dipasang sebagai versi baru.")


def deploy_edit(uow: UnitOfWork, user: User, version_id: int, edit: Edit,
                comment: str) -> Outcome:
    """Deploy the edited diagram as a new version (validated again, audited by the catalogue)."""
    with uow:
        files = _files(edited_version(uow.session, user, version_id), edit)
    if isinstance(files, str):
        return Outcome(False, files)
    if not comment.strip():
        return Outcome(False, COMMENT_NEEDED)
    return deploy_upload(uow, user, files, comment)
