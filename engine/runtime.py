"""Starting and advancing instances: each call works inside the caller's transaction.

`complete_task` is the heart: check who may act, lock the instance, keep only the form's
own fields, validate them, run the task and the engine steps, then write the state, the
open-task rows and the history. The caller commits once. Every writer locks the instance
row before writing anything else, so concurrent completions of one instance queue there
(one fixed lock order, no deadlock); the later one finds the task gone and is told who
completed it. The engine steps run in a savepoint: a step that fails at run time is
rolled back, and the instance stops where it stood before it, with an incident
(`incidents.py`) that an administrator can retry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from . import incidents, waits
from .deploy import FORM_PROPERTY
from .ending import ENDING_TASK, end_if_terminated
from .errors import (
    Conflict,
    EngineError,
    FormInvalid,
    NotAllowed,
    NotFound,
    ScriptError,
    ServiceError,
    TaskNotOpen,
)
from .incidents import OPEN, RESOLVED, RETRIED, STOPPED, IncidentInfo, ProcessStopped
from .instance_data import instance_data, task_uuid
from .locking import lock_instance, lock_open_task
from .models import Incident, Instance, OpenTask, ProcessVersion, TaskHistory, utcnow
from .serialization import (
    RESERVED_KEYS,
    SERIALIZER_VERSION,
    new_workflow,
    state_to_json,
    workflow_from_json,
)
from .services import ScriptEngine, ServiceContext, ServiceRegistry
from .tasks import open_task_for, ready_user_tasks, sync_open_tasks, to_info, visible_to
from .timers import next_timer_at
from .values import Actor, TaskInfo
from .versions import bundled_form, current_row

#: validate(session, form_name, form_definition, data, task_data) -> (clean, {field: message})
FormValidator = Callable[[Session, str, dict, dict, dict], tuple[dict, dict[str, str]]]


OUTSIDE_UNIT = "Anda tidak dapat memulai proses untuk satuan kerja ini."


class Runtime:
    """Holds the wiring (service registry, form validator); no per-request state."""

    def __init__(self, services: ServiceRegistry, validate: FormValidator) -> None:
        self.services = services
        self.validate = validate

    # -- starting -------------------------------------------------------------
    def start(
        self,
        session: Session,
        actor: Actor,
        process_id: str,
        unit_path: str,
        data: dict[str, Any] | None = None,
    ) -> TaskInfo:
        """Start an instance and return its first task, which `actor` must be able to take.

        `data` is the instance's starting data (for example which record it is about).
        """
        instance_id = self.launch(session, actor, process_id, unit_path, data)
        first = session.scalar(
            select(OpenTask).where(OpenTask.instance_id == instance_id, visible_to(actor))
        )
        if first is None:
            raise NotAllowed("Anda tidak berwenang memulai proses ini.")
        return to_info(first)

    def launch(
        self,
        session: Session,
        actor: Actor,
        process_id: str,
        unit_path: str,
        data: dict[str, Any] | None = None,
    ) -> int:
        """Start an instance on `actor`'s behalf and run it to its first wait; its first task
        may be someone else's (a follow-up another step calls for). Returns its id."""
        instance, workflow, version = self._opening(session, actor, process_id, unit_path, data)
        session.add(instance)
        session.flush()
        # `version` is held to the end: the session keeps only weak references to rows it
        # loaded, so each `session.get` of a version no one holds reads it again.
        self._advance(
            session, instance, workflow, actor,
            lambda: _seeded(new_workflow(version.spec_json), data),
        )
        return instance.id

    def preview_start(
        self,
        session: Session,
        actor: Actor,
        process_id: str,
        unit_path: str,
        data: dict[str, Any] | None = None,
    ) -> str | None:
        """Run a start in memory only: None if `actor` could start it, else the refusal.

        Lets a page offer exactly what the diagram's own gateways allow. The steps before
        the first user task must only read: anything they write is an error.
        """
        return self.preview_form(session, actor, process_id, unit_path, data)[0]

    def preview_form(
        self, session: Session, actor: Actor, process_id: str, unit_path: str,
        data: dict[str, Any] | None = None,
    ) -> tuple[str | None, str | None]:
        """As `preview_start`, with the form of the user task the start reaches: a gateway
        before it may choose between forms."""
        try:
            instance, workflow, _ = self._opening(session, actor, process_id, unit_path, data)
        except NotAllowed as err:
            return str(err), None
        instance.id = 0  # never stored: the services run for no instance
        workflow.script_engine = self._engine(session, instance, actor)
        try:
            with session.no_autoflush:
                workflow.do_engine_steps()
        except EngineError as err:
            return str(err), None
        except SQLAlchemyError:
            raise
        except Exception as err:  # noqa: BLE001 - a diagram failing at run time is not offered
            return incidents.failure_of(err, workflow).error, None
        if session.new or session.dirty or session.deleted:
            raise RuntimeError(f"{process_id}: steps before the first user task wrote data")
        ready = [t.task_spec for t in ready_user_tasks(workflow) if t.task_spec.lane in actor.lanes]
        if not ready:
            return "Anda tidak berwenang memulai proses ini.", None
        return None, ready[0].extensions.get("properties", {}).get(FORM_PROPERTY)

    def _opening(
        self, session: Session, actor: Actor, process_id: str, unit_path: str, data: dict | None
    ) -> tuple[Instance, BpmnWorkflow, ProcessVersion]:
        """What a start and its preview share: the current version, the unit check, the new
        (not yet stored) instance row and its workflow seeded with the starting data."""
        version = current_row(session, process_id)
        if not actor.covers(unit_path):
            raise NotAllowed(OUTSIDE_UNIT)
        instance = Instance(
            process_id=process_id,
            version_id=version.id,
            started_by=actor.id,
            unit_path=unit_path,
            serializer_version=SERIALIZER_VERSION,
            state_json="{}",
        )
        return instance, _seeded(new_workflow(version.spec_json), data), version

    # -- completing -----------------------------------------------------------
    def complete_task(
        self, session: Session, actor: Actor, task_id: str, data: dict[str, Any]
    ) -> TaskInfo:
        """Complete an open task as `actor` with the submitted form `data`."""
        row = lock_open_task(session, actor, task_id)
        instance = session.get(Instance, row.instance_id)
        version = session.get(ProcessVersion, instance.version_id)
        form = bundled_form(version.forms_json, row.form)
        committed = instance.state_json, instance.serializer_version
        workflow = self._load(instance, version, session, actor)
        task = workflow.get_task_from_id(task_uuid(task_id))
        if task is None or task.state != TaskState.READY:
            raise TaskNotOpen("Tugas ini sudah tidak aktif.")
        clean = self._clean(session, row.form, form, data, task.data)

        def before_the_user() -> BpmnWorkflow:
            return self._load(instance, version, session, actor, committed)

        def after_the_user() -> BpmnWorkflow:
            again = before_the_user()
            _run_user_task(again, task_id, clean)
            return again

        try:
            _run_user_task(workflow, task_id, clean)
        except Exception as err:  # a postscript of the user task itself
            if _refusal(err):
                raise
            raise self._stop(session, instance, workflow, actor, err, before_the_user) from err
        session.add(
            TaskHistory(
                instance_id=instance.id,
                task_id=row.id,
                task_name=row.task_name,
                title=row.title,
                lane=row.lane,
                user_id=actor.id,
                user_name=actor.name,
                outcome=_outcome(form, clean),
                data=clean,
            )
        )
        opened = row.task_name, row.lane or "", row.created_at
        self._advance(session, instance, workflow, actor, after_the_user)
        waits.note_completion(session, instance, *opened)
        return to_info(row)

    def _clean(
        self, session: Session, name: str | None, form: dict, data: dict, context: dict
    ) -> dict[str, Any]:
        fields = form.get("schema", {}).get("properties", {})
        reserved = RESERVED_KEYS.intersection(data)
        if reserved:
            raise FormInvalid({k: "Nama isian ini tidak diperbolehkan." for k in reserved})
        # Only the form's own fields are taken: `status`, `lane` and the like are dropped.
        picked = {k: v for k, v in data.items() if k in fields}
        clean, errors = self.validate(session, name or "", form, picked, context)
        if errors:
            raise FormInvalid(errors)
        return clean

    # -- loading and saving ---------------------------------------------------
    def _engine(self, session: Session, instance: Instance, actor: Actor) -> ScriptEngine:
        version = session.get(ProcessVersion, instance.version_id)
        ctx = ServiceContext(
            session=session,
            instance_id=instance.id,
            process_id=instance.process_id,
            unit_path=instance.unit_path,
            started_by=instance.started_by,
            actor=actor,
            business_key=instance.business_key,
            label=instance.label,
            details=instance.details,
            decisions=bundled_decisions(version.decisions_json),
            launcher=lambda pid, unit, data: self.launch(session, actor, pid, unit, data),
        )
        return ScriptEngine(self.services, ctx)

    def _load(self, instance, version, session, actor, state=None) -> BpmnWorkflow:
        """The instance's workflow (or the given stored `state` of it), ready to run."""
        state_json, label = state or (instance.state_json, instance.serializer_version)
        workflow = workflow_from_json(state_json, label, version.spec_json)
        workflow.script_engine = self._engine(session, instance, actor)
        return workflow

    def _advance(
        self,
        session: Session,
        instance: Instance,
        workflow: BpmnWorkflow,
        actor: Actor,
        fallback: Callable[[], BpmnWorkflow],
    ) -> None:
        """Run the engine steps and store the result. A step failing at run time is rolled
        back, and the instance is stored as `fallback()` rebuilds it (as it stood before
        the steps), stopped, with an incident."""
        if not isinstance(workflow.script_engine, ScriptEngine):
            workflow.script_engine = self._engine(session, instance, actor)
        try:
            with session.begin_nested():
                workflow.do_engine_steps()
                end_if_terminated(workflow)
                self._store(session, instance, workflow)
        except Exception as err:
            if _refusal(err):
                raise
            raise self._stop(session, instance, workflow, actor, err, fallback) from err

    def _store(self, session, instance: Instance, workflow: BpmnWorkflow, stopped=False) -> None:
        if not stopped:  # what the failed steps set is not kept
            context = workflow.script_engine.context
            instance.business_key = context.business_key
            instance.label, instance.details = context.label, context.details
        instance.state_json = state_to_json(workflow)
        instance.serializer_version = SERIALIZER_VERSION
        complete = "complete" if workflow.completed else "running"
        instance.status = STOPPED if stopped else complete
        instance.next_timer_at = next_timer_at(workflow)
        instance.updated_at = utcnow()
        try:
            session.flush()
        except StaleDataError as err:
            raise Conflict("Tugas ini baru saja diselesaikan oleh pengguna lain.") from err
        sync_open_tasks(session, instance, workflow)
        session.flush()

    def _stop(self, session, instance, workflow, actor, err: Exception, fallback) -> ProcessStopped:
        """Store the instance as `fallback()` rebuilds it, stopped, with an incident."""
        failure = incidents.failure_of(err, workflow)
        self._store(session, instance, fallback(), stopped=True)
        return ProcessStopped(incidents.record(session, instance, actor, failure))

    def end_instance(
        self, session: Session, actor: Actor, instance_id: int, title: str, outcome: str, note: str
    ) -> None:
        """End a running instance now (see ending.py): its open tasks are cancelled, and the
        ending is kept in its history as `title`/`outcome` by `actor`, with `note`."""
        instance = lock_instance(session, instance_id)
        if instance.status != "running":
            raise NotAllowed("Proses ini sudah tidak berjalan.")
        version = session.get(ProcessVersion, instance.version_id)
        workflow = self._load(instance, version, session, actor)
        workflow.cancel()
        session.add(TaskHistory(
            instance_id=instance.id, task_id=ENDING_TASK, task_name=ENDING_TASK, title=title,
            lane=None, user_id=actor.id, user_name=actor.name, outcome=outcome,
            data={"catatan": note},
        ))
        self._store(session, instance, workflow)

    # -- incidents ------------------------------------------------------------
    def retry_incident(self, session: Session, by: Actor, incident_id: int) -> IncidentInfo:
        """Run an incident's failed step again, as the user whose step it was.

        Raises ProcessStopped (with a new incident) if it fails again.
        """
        instance_id = session.scalar(select(Incident.instance_id).where(Incident.id == incident_id))
        if instance_id is None:
            raise NotFound("Insiden tidak ditemukan.")
        instance = lock_instance(session, instance_id)
        row = session.get(Incident, incident_id, populate_existing=True)
        if row.status != OPEN:
            raise NotAllowed("Insiden ini sudah ditangani.")
        if instance.status != STOPPED:  # resumed meanwhile (another task of it went on)
            return incidents.close(row, by, RESOLVED)
        actor = incidents.actor_of(row)
        incidents.close(row, by, RETRIED)  # kept as is if the step fails again
        self._resume(session, instance, actor)
        row.status = RESOLVED
        return incidents.to_info(row)

    def _resume(self, session: Session, instance: Instance, actor: Actor) -> None:
        version = session.get(ProcessVersion, instance.version_id)
        committed = instance.state_json, instance.serializer_version
        workflow = self._load(instance, version, session, actor)
        workflow.refresh_timers()
        self._advance(
            session, instance, workflow, actor,
            lambda: self._load(instance, version, session, actor, committed),
        )

    # -- timers ---------------------------------------------------------------
    def fire_timers(self, session: Session, actor: Actor, instance_id: int) -> None:
        """Let an instance's due timers fire and run on to its next wait (as `actor`)."""
        instance = lock_instance(session, instance_id)
        if instance.status != "running":
            raise NotFound("Proses tidak ditemukan atau sudah selesai.")
        self._resume(session, instance, actor)

    # -- reading --------------------------------------------------------------
    def task_data(self, session: Session, actor: Actor, task_id: str) -> dict[str, Any]:
        """The data a task currently sees (to prefill or summarise its form)."""
        row = open_task_for(session, actor, task_id)
        return instance_data(session, row.instance_id, task_id)


@lru_cache(maxsize=64)
def bundled_decisions(decisions_json: str) -> dict[str, bytes]:
    return {name: xml.encode("utf-8") for name, xml in json.loads(decisions_json or "{}").items()}


def _refusal(err: Exception) -> bool:
    """A refusal (the domain saying no) or a database error: not the diagram's failure."""
    if isinstance(err, (ScriptError, ServiceError)):
        return False
    return isinstance(err, (EngineError, SQLAlchemyError))


def _run_user_task(workflow: BpmnWorkflow, task_id: str, clean: dict[str, Any]) -> None:
    task = workflow.get_task_from_id(task_uuid(task_id))
    task.data.update(clean)
    task.run()


def _seeded(workflow: BpmnWorkflow, data: dict[str, Any] | None) -> BpmnWorkflow:
    for task in workflow.get_tasks(state=TaskState.READY):
        task.data.update(data or {})
    return workflow


def _outcome(form: dict, clean: dict[str, Any]) -> str | None:
    field = form.get("ui", {}).get("outcome")
    value = clean.get(field) if field else None
    return str(value) if value is not None else None
