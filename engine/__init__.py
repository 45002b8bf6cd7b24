"""A domain-free workflow runtime on SpiffWorkflow.

Deploys versioned diagrams, starts and advances instances inside the caller's
transaction (each instance's row locked first), keeps the open-task table that inboxes
read, records history, and stops an instance with an incident when a step fails at run
time (`incidents.py`; retried with `Runtime.retry_incident`).
Callers get plain dataclasses; nothing outside this package needs SpiffWorkflow or
queries the engine's tables (`engine.models` is for the schema and the engine's own tests).
"""

from .consistency import Disagreement, check_instances
from .decisions import decide
from .deploy import Deployed, deploy_bpmn, deploy_directory
from .errors import (
    Conflict,
    DeployError,
    EngineError,
    FormInvalid,
    NotAllowed,
    NotFound,
    ScriptError,
    SerializerVersionError,
    ServiceError,
    TaskNotOpen,
)
from .history import count_instances, instance_info, instance_statuses, timeline
from .incidents import (
    IncidentInfo,
    ProcessStopped,
    incident_count,
    incident_info,
    incident_list,
)
from .instance_data import instance_data
from .locking import lock_task
from .models import EngineBase, as_utc, utcnow
from .runtime import FormValidator, Runtime
from .services import ServiceContext, ServiceRegistry
from .start_forms import instance_start_form
from .tasks import COUNT_CAP as INBOX_COUNT_CAP
from .tasks import (
    can_take_any,
    completion_message,
    inbox,
    inbox_count,
    instance_tasks,
    task_for,
    user_steps,
)
from .timers import due_instances, take_due_instance
from .values import Actor, HistoryEntry, InboxQuery, InstanceInfo, TaskInfo, VersionInfo
from .versions import (
    current_version,
    current_versions,
    diagram_xml,
    form_of,
    instance_version,
    task_form,
)
from .waits import WaitFigure, in_units, longest_open, rollup_path, wait_figures

__all__ = [
    "INBOX_COUNT_CAP",
    "Actor",
    "Conflict",
    "DeployError",
    "Deployed",
    "Disagreement",
    "EngineBase",
    "EngineError",
    "FormInvalid",
    "FormValidator",
    "HistoryEntry",
    "InboxQuery",
    "IncidentInfo",
    "InstanceInfo",
    "NotAllowed",
    "NotFound",
    "ProcessStopped",
    "Runtime",
    "ScriptError",
    "SerializerVersionError",
    "ServiceContext",
    "ServiceError",
    "ServiceRegistry",
    "TaskInfo",
    "TaskNotOpen",
    "VersionInfo",
    "WaitFigure",
    "as_utc",
    "can_take_any",
    "check_instances",
    "completion_message",
    "count_instances",
    "current_version",
    "current_versions",
    "decide",
    "deploy_bpmn",
    "deploy_directory",
    "diagram_xml",
    "due_instances",
    "form_of",
    "in_units",
    "inbox",
    "inbox_count",
    "incident_count",
    "incident_info",
    "incident_list",
    "instance_data",
    "instance_info",
    "instance_start_form",
    "instance_statuses",
    "instance_tasks",
    "instance_version",
    "lock_task",
    "longest_open",
    "rollup_path",
    "take_due_instance",
    "task_for",
    "task_form",
    "timeline",
    "user_steps",
    "utcnow",
    "wait_figures",
]
