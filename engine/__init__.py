"""A domain-free workflow runtime on SpiffWorkflow.

Deploys versioned diagrams, starts and advances instances inside the caller's
transaction, keeps the open-task table that inboxes read, and records history.
Callers get plain dataclasses; nothing outside this package needs SpiffWorkflow.
"""

from .deploy import Deployed, deploy_bpmn, deploy_directory
from .errors import (
    Conflict,
    DeployError,
    EngineError,
    FormInvalid,
    NotAllowed,
    NotFound,
    ServiceError,
    TaskNotOpen,
)
from .history import instance_info, timeline
from .models import EngineBase, utcnow
from .runtime import (
    FormValidator,
    Runtime,
    current_version,
    form_of,
    instance_data,
    instance_version,
    task_form,
)
from .services import ServiceContext, ServiceRegistry
from .tasks import (
    completion_message,
    inbox,
    inbox_count,
    instance_tasks,
    task_for,
    visible_to,
)
from .timers import due_instances
from .values import Actor, HistoryEntry, InstanceInfo, TaskInfo

__all__ = [
    "Actor",
    "Conflict",
    "DeployError",
    "Deployed",
    "EngineBase",
    "EngineError",
    "FormInvalid",
    "FormValidator",
    "HistoryEntry",
    "InstanceInfo",
    "NotAllowed",
    "NotFound",
    "Runtime",
    "ServiceContext",
    "ServiceError",
    "ServiceRegistry",
    "TaskInfo",
    "TaskNotOpen",
    "completion_message",
    "current_version",
    "deploy_bpmn",
    "deploy_directory",
    "due_instances",
    "form_of",
    "inbox",
    "inbox_count",
    "instance_data",
    "instance_info",
    "instance_tasks",
    "instance_version",
    "task_for",
    "task_form",
    "timeline",
    "utcnow",
    "visible_to",
]
