"""Errors the runtime raises; each carries a message fit to show the user."""

from __future__ import annotations

from SpiffWorkflow.exceptions import SpiffWorkflowException


class EngineError(Exception):
    """Base class: `str(err)` is a sentence for the user."""


class NotFound(EngineError):
    pass


class NotAllowed(EngineError):
    pass


class TaskNotOpen(EngineError):
    """The task is no longer READY (already completed, or an old id replayed)."""


class Conflict(EngineError):
    """Someone else advanced the same instance first."""


class FormInvalid(EngineError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("Periksa kembali isian yang ditandai.")
        self.errors = errors


class DeployError(EngineError):
    pass


class ServiceError(EngineError):
    """A service task failed; carries the real cause (SpiffWorkflow's own path loses it)."""


class SerializerVersionError(EngineError):
    """Stored state or a stored spec in a SpiffWorkflow format this engine cannot read."""


class ScriptError(EngineError, SpiffWorkflowException):
    """Diagram code (a script, a gateway condition, a decision cell) failed or was stopped.

    `detail` says why in words; `element` names the diagram element once it is known.
    Being a SpiffWorkflow exception too, it passes through SpiffWorkflow's script and
    decision engines as it is, instead of being rewrapped (and, there, mangled).
    """

    def __init__(self, detail: str, source: str = "", element: str | None = None) -> None:
        EngineError.__init__(self, detail)
        self.notes: list[str] = []  # SpiffWorkflow adds its own (English) notes here
        self.detail, self.source, self.element = detail, source, element

    def __str__(self) -> str:
        where = f" pada {self.element}" if self.element else ""
        code = f" (kode: {_shorten(self.source)})" if self.source else ""
        return f"Kode diagram{where} gagal: {self.detail}{code}."


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
