"""The process owner's catalogue: every process and its versions, and deploying a new version
from uploaded files (diagram, decision tables, forms), validated first, every outcome audited."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import NotFound
from engine.catalogue import (
    VersionBundle,
    VersionRow,
    current_tables,
    deployed_process_ids,
    version_bundle,
    version_rows,
)
from engine.deploy import called_diagrams, decisions_used, deploy_bpmn
from engine.layout import LayoutError, with_layout
from engine.validation import Problem, validate_diagram
from processes.accounts.models import User
from processes.accounts.roles import PROCESS_OWNERS
from processes.db import audit
from processes.db.audit import AuditEntry
from processes.db.audit_actions import EKSPOR_DIAGRAM, PASANG_DIAGRAM, TOLAK_DIAGRAM
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.setup.validation import known, process_ids
from processes.workflow.paths import FORMS_DIR


@dataclass(frozen=True)
class CatalogueRow:
    version: VersionRow
    deployed_by: str
    comment: str


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    problems: list[Problem] = field(default_factory=list)


def owner_only(user: User) -> None:
    if user.role not in PROCESS_OWNERS:
        raise Forbidden("Hanya pemilik proses yang mengelola diagram.")


def catalogue(session: Session, user: User) -> list[CatalogueRow]:
    """Every version, each with who deployed it and the comment given (from the audit log)."""
    owner_only(user)
    notes: dict[int, tuple[str, str]] = {}
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == PASANG_DIAGRAM)):
        deployer = session.get(User, entry.user_id) if entry.user_id else None
        notes[entry.detail.get("versi")] = (
            deployer.full_name if deployer else "", entry.detail.get("komentar", "")
        )
    return [
        CatalogueRow(row, *notes.get(row.version_id, ("Pemasangan awal (setup)", "")))
        for row in version_rows(session)
    ]


def office_forms() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(FORMS_DIR.glob("*.json"))}


def _split(files: Mapping[str, bytes]) -> tuple[list[str], dict[str, bytes], dict[str, bytes]]:
    bpmn = [name for name in files if name.endswith(".bpmn")]
    dmn = {n: c for n, c in files.items() if n.endswith(".dmn")}
    forms = {n: c for n, c in files.items() if n.endswith(".json")}
    return bpmn, dmn, forms


def _forms(uploaded: Mapping[str, bytes]) -> tuple[dict[str, dict], list[Problem]]:
    forms, problems = office_forms(), []
    for name, content in uploaded.items():
        try:
            forms[name] = json.loads(content.decode("utf-8"))
        except ValueError:
            problems.append(Problem(name, "", "formulir bukan JSON yang sah"))
    return forms, problems


def _tables(files: Mapping[str, bytes]) -> dict[str, bytes]:
    return {n: x for n, x in files.items() if n.endswith(".dmn")}


def _deployments(session: Session, source_file: str, files: Mapping[str, bytes],
                 tables: Mapping[str, bytes]) -> list[tuple[bytes, str, dict[str, bytes]]]:
    """What an upload deploys: the diagram with what it calls; for a shared part that current
    versions call (the approval chain), every such caller again with the new copy."""
    uploaded = {n: x for n, x in files.items() if n.endswith(".bpmn")}
    callers = [b for b in _current_bundles(session) if source_file in b.decisions]
    if not callers:
        xml = files[source_file]
        called = {**{n: x for n, x in tables.items() if n.endswith(".bpmn")}, **uploaded}
        return [(xml, source_file,
                 {**decisions_used(xml, _tables(tables)), **called_diagrams(xml, called)})]
    return [
        (b.bpmn_xml.encode("utf-8"), b.source_file,
         {**{n: x.encode("utf-8") for n, x in b.decisions.items()}, **uploaded})
        for b in callers
    ]


def _current_bundles(session: Session) -> list[VersionBundle]:
    rows = [r for r in version_rows(session) if r.is_current]
    return [b for r in rows if (b := version_bundle(session, r.version_id)) is not None]


@dataclass(frozen=True)
class Checked:
    """An upload as validation saw it: its main diagram, the forms and tables it is checked
    with, and every problem (or, for an upload that is not one diagram, why not)."""

    source_file: str
    forms: dict[str, dict]
    tables: dict[str, bytes]
    problems: list[Problem]
    refusal: str = ""


def _inner(diagrams: Mapping[str, bytes]) -> set[str]:
    """The uploaded diagrams another uploaded one calls (an unreadable one calls nothing:
    validation names it)."""
    inner: set[str] = set()
    for xml in diagrams.values():
        try:
            inner |= set(called_diagrams(xml, diagrams))
        except etree.XMLSyntaxError:
            continue
    return inner


def check_upload(session: Session, files: Mapping[str, bytes]) -> Checked:
    """Validate an upload (diagram, tables, forms) against what the office has; stores nothing."""
    bpmn, dmn, uploaded_forms = _split(files)
    diagrams = {n: files[n] for n in bpmn}
    inner = _inner(diagrams)
    roots = [n for n in bpmn if n not in inner]
    if len(roots) != 1:
        return Checked("", {}, {}, [], "Unggah tepat satu diagram utama (.bpmn), dengan "
                                       "diagram yang dipanggilnya bila ada.")
    [source_file] = roots
    forms, problems = _forms(uploaded_forms)
    tables = {**current_tables(session), **dmn}
    called = {**{n: x for n, x in tables.items() if n.endswith(".bpmn")},
              **{n: x for n, x in diagrams.items() if n in inner}}
    others = deployed_process_ids(session) | process_ids(called)
    problems += validate_diagram(files[source_file], _tables(tables), known(forms, others))
    return Checked(source_file, forms, tables, problems)


def laid_out(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The upload with a layout drawn for every diagram that came without one."""
    return {n: with_layout(x) if n.endswith(".bpmn") else x for n, x in files.items()}


def deploy_upload(uow: UnitOfWork, user: User, files: Mapping[str, bytes], comment: str) -> Outcome:
    """Deploy one uploaded diagram with its tables and forms, only when validation finds nothing."""
    with uow:
        owner_only(user)
        try:
            files = laid_out(files)
        except LayoutError as err:
            audit.record(uow.session, TOLAK_DIAGRAM, user_id=user.id, target=", ".join(files),
                         outcome="tanpa tata letak", detail={"masalah": [str(err)]})
            uow.commit()
            return Outcome(False, str(err))
        checked = check_upload(uow.session, files)
        if checked.refusal:
            return Outcome(False, checked.refusal)
        source_file, forms, tables, problems = (
            checked.source_file, checked.forms, checked.tables, checked.problems)
        if problems:
            audit.record(uow.session, TOLAK_DIAGRAM, user_id=user.id, target=source_file,
                         outcome=f"{len(problems)} masalah",
                         detail={"masalah": [str(p) for p in problems]})
            uow.commit()
            return Outcome(False, f"Diagram {source_file} tidak dipasang: "
                                  f"{len(problems)} masalah.", problems)
        deployed = [
            item
            for caller, name, bundled in _deployments(uow.session, source_file, files, tables)
            for item in deploy_bpmn(uow.session, caller, name, bundled, forms)
        ]
        for item in deployed:
            audit.record(uow.session, PASANG_DIAGRAM, user_id=user.id, target=item.process_id,
                         outcome="versi baru" if item.created else "isi sama, versi lama dipakai",
                         detail={"versi": item.version_id, "hash": item.content_hash,
                                 "berkas": source_file, "komentar": comment.strip()[:500]})
        uow.commit()
        names = ", ".join(f"{d.process_id} versi {d.version_id}" for d in deployed)
        return Outcome(True, f"Diagram dipasang: {names}. Proses baru memakai versi ini.")


EXPORT_FORMAT = "e-catpers-versi-proses/1"


def export_version(uow: UnitOfWork, user: User, version_id: int) -> tuple[str, bytes]:
    """One file holding a version (diagram, tables, forms), for another office to import."""
    with uow:
        owner_only(user)
        bundle = version_bundle(uow.session, version_id)
        if bundle is None:
            raise NotFound("Versi proses tidak ditemukan.")
        content = json.dumps({
            "format": EXPORT_FORMAT, "process_id": bundle.process_id,
            "source_file": bundle.source_file, "content_hash": bundle.content_hash,
            "bpmn": bundle.bpmn_xml, "decisions": bundle.decisions, "forms": bundle.forms,
        }, ensure_ascii=False, indent=1).encode("utf-8")
        audit.record(uow.session, EKSPOR_DIAGRAM, user_id=user.id, target=bundle.process_id,
                     detail={"versi": version_id, "hash": bundle.content_hash})
        uow.commit()
        return f"{bundle.process_id}-versi-{version_id}.json", content


def unpack_export(content: bytes) -> dict[str, bytes] | None:
    """The files of an exported version, as an upload would bring them; None when not one."""
    try:
        data = json.loads(content.decode("utf-8"))
        if data.get("format") != EXPORT_FORMAT:
            return None
        files = {data["source_file"]: data["bpmn"].encode("utf-8")}
        files.update({n: x.encode("utf-8") for n, x in data["decisions"].items()})
        files.update({n: json.dumps(f).encode("utf-8") for n, f in data["forms"].items()})
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return files


def import_version(uow: UnitOfWork, user: User, content: bytes, comment: str) -> Outcome:
    """Deploy an exported version: validated here as any upload, with its own tables and forms."""
    files = unpack_export(content)
    if files is None:
        owner_only(user)
        return Outcome(False, "Berkas bukan ekspor versi proses E-CATPERS.")
    return deploy_upload(uow, user, files, comment)
