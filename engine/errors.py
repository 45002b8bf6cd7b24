"""Errors the runtime raises; each carries a message fit to show the user."""

from __future__ import annotations


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
