"""Domain refusals: a rule of the SOP says no; the message is for the user."""

from engine import EngineError


class Refused(EngineError):
    pass


class Forbidden(EngineError):
    pass
