"""Bringing a database to a working state: schema, reference lists, deployed diagrams."""

from __future__ import annotations

from sqlalchemy.orm import Session

from engine import Deployed, deploy_directory

from .database import upgrade
from .reference import seed_reference
from .workflow import BPMN_DIR, FORMS_DIR


def install(session: Session) -> list[Deployed]:
    """Seed missing reference rows and deploy every diagram (a no-op when unchanged)."""
    seed_reference(session)
    return deploy_directory(session, BPMN_DIR, FORMS_DIR)


__all__ = ["install", "upgrade"]
