"""Ending an instance before its diagram reaches its own end.

Two ways, both domain-free:
- a terminate end event reached inside a called process ends the whole instance, its
  callers included. (BPMN's terminate ends only the called process; here a called
  process is drawn once and shared by many callers, and this is how it says "this
  submission is over" without every caller drawing a boundary event for it.)
- `Runtime.end_instance`: a use case ends an instance from outside (a withdrawal); every
  open task is cancelled and the ending is kept in the history like a completed task.
"""

from __future__ import annotations

from SpiffWorkflow.bpmn.specs.event_definitions.simple import TerminateEventDefinition
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

#: The history row of an ending has no task of its own.
ENDING_TASK = "-"


def terminated_in_call(workflow: BpmnWorkflow) -> bool:
    """Whether a called process of `workflow` reached a terminate end event."""
    for sub in workflow.subprocesses.values():
        for task in sub.get_tasks(state=TaskState.COMPLETED):
            if isinstance(getattr(task.task_spec, "event_definition", None), TerminateEventDefinition):
                return True
    return False


def end_if_terminated(workflow: BpmnWorkflow) -> None:
    """After the engine steps: a terminate inside a called process ends the instance."""
    if not workflow.completed and terminated_in_call(workflow):
        workflow.cancel()
