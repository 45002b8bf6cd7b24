"""The process owner's diagram editor: the pick lists it offers (roles, forms, registered
service functions, decision tables), and checking or deploying a diagram edited in the
browser — through the catalogue's own validation and deployment, so an edit is held to
exactly what an upload is."""

from __future__ import annotations

from lxml import etree
from sqlalchemy.orm import Session

from engine import NotFound
from engine.catalogue import VersionBundle, current_tables, version_bundle
from engine.models import ProcessVersion
from engine.validation import Problem
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


def process_name(session: Session, version_id: int) -> str:
    version = session.get(ProcessVersion, version_id)
    return version.name if version is not None else ""


def check_edit(session: Session, user: User, version_id: int, bpmn_xml: bytes) -> list[Problem]:
    """Every problem of the edited diagram, as the deployment would find it; stores nothing."""
    source_file = edited_version(session, user, version_id).source_file
    return check_upload(session, {source_file: bpmn_xml}).problems


def deploy_edit(uow: UnitOfWork, user: User, version_id: int, bpmn_xml: bytes,
                comment: str) -> Outcome:
    """Deploy the edited diagram as a new version (validated again, audited by the catalogue)."""
    with uow:
        source_file = edited_version(uow.session, user, version_id).source_file
    if not comment.strip():
        return Outcome(False, COMMENT_NEEDED)
    return deploy_upload(uow, user, {source_file: bpmn_xml}, comment)
