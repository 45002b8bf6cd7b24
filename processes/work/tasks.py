"""Use cases around tasks: start a submission, open a task, complete it.

Each function that writes takes a unit of work and commits it once; on any refusal
the transaction is rolled back and nothing is half-written. When a diagram step fails
at run time (engine.ProcessStopped), what the user did is kept with the incident the
engine recorded, and the user is told the process stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

import engine
from engine import Conflict, EngineError, FormInvalid, NotAllowed, ProcessStopped, TaskInfo
from forms import PASSWORD_FIELD, asks_password, file_fields
from processes.accounts.models import User
from processes.accounts.signin import confirm_password
from processes.accounts.users import actor_for
from processes.db import audit
from processes.db.audit_actions import AKSES_DITOLAK
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.letters import issue as letter_issue
from processes.letters.review import TINJAU_SKHP
from processes.letters.settings import LocalAddress
from processes.records import documents, staged_uploads
from processes.records.models import Record
from processes.records.staged_uploads import StagedFile
from processes.work import record_flows
from processes.work.record_flows import RECORD_FLOWS
from processes.work.runtime import RUNTIME


@dataclass(frozen=True)
class Upload:
    """A PDF posted with a form, or (`staged`, no content) the token of one kept from an
    earlier try of the same form."""

    filename: str
    content: bytes
    staged: str = ""

#: What a staged token that is not the user's, not this form's or expired comes to.
STAGED_GONE = "Berkas tersimpan sudah tidak berlaku; pilih ulang berkas PDF."


@dataclass
class Outcome:
    """What a submission came to: done, or errors to show with the typed values kept."""

    ok: bool
    instance_id: int | None = None
    message: str | None = None
    errors: dict[str, str] = field(default_factory=dict)
    #: A diagram step failed: the submission was kept, the process waits for a retry.
    stopped: bool = False
    #: The task completed (or tried), when the caller named it by id.
    task: TaskInfo | None = None
    #: Files posted with a submission that failed, kept for the next try: {field: file}.
    staged: dict[str, StagedFile] = field(default_factory=dict)


#: Processes a step of another starts (their first task is not the starter's): never offered.
FOLLOW_UPS = (TINJAU_SKHP,)

#: read_form(form) -> (the form's submitted fields, its uploads): what a POST carries.
FormReader = Callable[[dict], tuple[dict[str, Any], dict[str, Upload]]]


@dataclass(frozen=True)
class Startable:
    process_id: str
    name: str
    form: str


def startable(session: Session, user: User) -> list[Startable]:
    lanes = actor_for(user).lanes
    return [
        Startable(v.process_id, v.name, v.start_form)
        for v in engine.current_versions(session)
        if v.start_lane in lanes and v.start_form and v.process_id not in RECORD_FLOWS
        and v.process_id not in FOLLOW_UPS
    ]


def start_form(
    session: Session, user: User, process_id: str, record: Record | None = None
) -> tuple[str, dict]:
    """The process name and the form of its first task, if `user` may start it (on `record`)."""
    if record is not None:
        problem, form = record_flows.opening(session, user, record, process_id)
        if problem:
            raise Forbidden(problem)
        version = engine.current_version(session, process_id)
        return version.name, engine.form_of(session, version, form or version.start_form)
    for item in startable(session, user):
        if item.process_id == process_id:
            version = engine.current_version(session, process_id)
            return item.name, engine.form_of(session, version, item.form)
    raise Forbidden("Anda tidak berwenang memulai proses ini.")


def start_form_key(process_id: str, record_id: int | None) -> str:
    """Which form a staged upload belongs to, for a start form."""
    return f"mulai:{process_id}:{record_id or 0}"


def task_form_key(task_id: str) -> str:
    """Which form a staged upload belongs to, for a task form."""
    return f"tugas:{task_id}"


def _resolved(session: Session, user: User, form_key: str, name: str, upload: Upload) -> Upload | None:
    """The upload with its bytes: a staged token is looked up (None when it is not valid)."""
    if upload.content or not upload.staged:
        return upload
    row = staged_uploads.find(session, user.id, form_key, name, upload.staged)
    return Upload(row.original_name, row.content, upload.staged) if row else None


def _with_uploads(
    session: Session,
    user: User,
    form: dict,
    form_key: str,
    data: dict[str, Any],
    uploads: dict[str, Upload],
    current: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, str]]:
    """Store each uploaded PDF and put its hash in the data.

    A file field never takes a hash from the caller: without a new upload it keeps the
    value the task already holds, so nobody can attach a file they never uploaded.
    """
    data = dict(data)
    errors: dict[str, str] = {}
    for name in file_fields(form):
        data.pop(name, None)
        if current.get(name):
            data[name] = current[name]
        upload = uploads.get(name)
        if upload is None:
            continue
        upload = _resolved(session, user, form_key, name, upload)
        if upload is None:
            errors[name] = STAGED_GONE
            continue
        if not upload.content:
            continue
        problem = documents.check_pdf(upload.content)
        if problem:
            errors[name] = problem
            continue
        data[name] = documents.store_pdf(session, upload.content, upload.filename, user.id)
    return data, errors


def _keep(session: Session, user: User, form_key: str, uploads: dict[str, Upload]) -> dict[str, StagedFile]:
    """Stage each acceptable PDF of a failed submission for the next try of the form (a
    file staged before keeps its token); the caller commits."""
    kept: dict[str, StagedFile] = {}
    for name, upload in uploads.items():
        if upload.staged and not upload.content:
            row = staged_uploads.find(session, user.id, form_key, name, upload.staged)
            if row is not None:
                kept[name] = StagedFile(row.token, row.original_name)
            elif staged_uploads.someone_elses(session, user.id, upload.staged):
                audit.record(session, AKSES_DITOLAK, user_id=user.id, target=form_key,
                             outcome="Berkas tersimpan milik pengguna lain.", detail={"isian": name})
        elif upload.content and documents.check_pdf(upload.content) is None:
            kept[name] = staged_uploads.stage(session, user.id, form_key, name, upload.content,
                                              upload.filename)
    return kept


def start_submission(
    uow: UnitOfWork,
    user: User,
    process_id: str,
    data: dict[str, Any],
    uploads: dict[str, Upload],
    record_id: int | None = None,
    password: str | None = None,
) -> Outcome:
    """Start `process_id` (about record `record_id`, for the record flows) and submit its form
    (with the user's `password`, if the form asks for it)."""
    outcome = _start_submission(uow, user, process_id, data, uploads, record_id, password)
    if outcome.ok:
        letter_issue.render_pending(uow)  # letters are made after the issuing commit
    return outcome


def _start_submission(uow, user, process_id, data, uploads, record_id, password) -> Outcome:
    with uow:
        session = uow.session
        try:
            record = record_flows.record_to_continue(session, user, record_id) if record_id else None
            _, form = start_form(session, user, process_id, record)
            form_key = start_form_key(process_id, record_id)
            refused = _password_refused(uow, user, form, data, password, form_key, uploads)
            if refused:
                return refused
            actor = actor_for(user)
            unit_path = record.unit_path if record else actor.unit_path
            seed = record_flows.start_data(record) if record else None
            first = RUNTIME.start(session, actor, process_id, unit_path, seed)
            return _complete(uow, user, first, form, form_key, data, uploads, current={})
        except ProcessStopped as stop:  # before the first task: the new instance waits
            return _stopped(uow, stop)
        except EngineError as err:
            return Outcome(ok=False, message=str(err))


def complete_task(
    uow: UnitOfWork, user: User, task_id: str, data: dict[str, Any], uploads: dict[str, Upload],
    password: str | None = None,
) -> Outcome:
    """Complete the task with the form's values; `password`, when its form asks for it."""
    return _completed(uow, _complete_task(uow, user, task_id, lambda _: (data, uploads), password))


def complete_submitted(
    uow: UnitOfWork, user: User, task_id: str, read_form: FormReader, password: str | None = None
) -> Outcome:
    """Complete the task with what was posted for its form, in one pass: the task is locked
    and its form found once, and a field left out of the post keeps the value the task
    holds (when the form prefills), as the page showed it."""
    return _completed(uow, _complete_task(uow, user, task_id, read_form, password, from_page=True))


def _completed(uow: UnitOfWork, outcome: Outcome) -> Outcome:
    if outcome.ok and letter_issue.issued_in(uow):
        letter_issue.render_pending(uow)  # letters are made after the issuing commit
    return outcome


def _complete_task(uow, user, task_id, read_form, password, from_page=False) -> Outcome:
    with uow:
        session = uow.session
        try:
            # The instance is locked before anything (an upload) is written.
            task = engine.lock_task(session, actor_for(user), task_id)
        except EngineError as err:
            if from_page and isinstance(err, NotAllowed):
                raise  # refused outright, as the page of a task one may not take is
            return Outcome(ok=False, message=str(err))
        try:
            form = engine.task_form(session, task)
            data, uploads = read_form(form)
            if from_page:
                data = _prefilled(session, task, form, data)
            form_key = task_form_key(task_id)
            refused = _password_refused(uow, user, form, data, password, form_key, uploads)
            if refused:
                return refused
            current = engine.instance_data(session, task.instance_id, task_id) if file_fields(form) else {}
            outcome = _complete(uow, user, task, form, form_key, data, uploads, current)
        except Conflict:
            uow.rollback()
            outcome = Outcome(ok=False, message=engine.completion_message(uow.session, task_id))
        except LocalAddress as err:  # no letter for a local verification address: audited
            uow.rollback()
            audit.record(uow.session, AKSES_DITOLAK, user_id=user.id, target=f"tugas {task_id}",
                         outcome=str(err)[:500], detail={"tugas": task_id})
            uow.commit()
            outcome = Outcome(ok=False, message=str(err))
        except EngineError as err:
            outcome = Outcome(ok=False, message=str(err))
        outcome.task = task
        return outcome


def _prefilled(session: Session, task: TaskInfo, form: dict, data: dict[str, Any]) -> dict:
    """The task's data under the posted fields it fills, when the form prefills and a field
    of it was left out (a page shows the task's data in its fields)."""
    own = form["schema"].get("properties", {})
    files = set(file_fields(form))
    missing = [name for name in own if name not in data and name not in files]
    if not missing or not form.get("ui", {}).get("prefill", True):
        return data
    current = engine.instance_data(session, task.instance_id, task.id)
    kept = {k: current[k] for k in missing if k in current and not k.startswith("hasil_")}
    return {**kept, **data}


def _password_refused(uow, user, form, data, password, form_key, uploads) -> Outcome | None:
    """The refusal when the form asks for the user's password (the diagram's form says so:
    issuing a letter, granting akses khusus) and it is not given right. Runs before anything
    is written, so the one thing committed is the failed try, for the sign-in throttle."""
    if not asks_password(form, data):
        return None
    refusal = confirm_password(uow.session, user, password)
    if refusal is None:
        return None
    kept = _keep(uow.session, user, form_key, uploads)
    uow.commit()
    return Outcome(ok=False, message=refusal + " Keputusan belum dikirim.",
                   errors={PASSWORD_FIELD: refusal}, staged=kept)


def _complete(uow, user, task: TaskInfo, form, form_key, data, uploads, current) -> Outcome:
    session = uow.session
    data, upload_errors = _with_uploads(session, user, form, form_key, data, uploads, current)
    try:
        RUNTIME.complete_task(session, actor_for(user), task.id, data)
    except ProcessStopped as stop:
        if upload_errors:
            return _failed(uow, user, form_key, uploads, "Periksa kembali isian yang ditandai.",
                           upload_errors)
        if file_fields(form):  # the step is kept with its files
            staged_uploads.discard(session, user.id, form_key)
        return _stopped(uow, stop)
    except FormInvalid as err:
        return _failed(uow, user, form_key, uploads, str(err), {**err.errors, **upload_errors})
    if upload_errors:
        return _failed(uow, user, form_key, uploads, "Periksa kembali isian yang ditandai.",
                       upload_errors)
    if file_fields(form):  # a form without files stages none (and costs no statement)
        staged_uploads.discard(session, user.id, form_key)
    uow.commit()
    return Outcome(ok=True, instance_id=task.instance_id)


def _failed(uow, user, form_key, uploads, message, errors) -> Outcome:
    """Nothing of the submission is kept but its acceptable PDFs, staged for the next try."""
    uow.rollback()
    kept = _keep(uow.session, user, form_key, uploads)
    uow.commit()
    return Outcome(ok=False, message=message, errors=errors, staged=kept)


def _stopped(uow: UnitOfWork, stop: ProcessStopped) -> Outcome:
    """Keep the user's step and the incident; the process waits for an administrator."""
    uow.commit()
    return Outcome(ok=False, instance_id=stop.incident.instance_id, message=str(stop), stopped=True)
