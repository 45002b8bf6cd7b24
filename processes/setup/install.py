"""Bringing a database to a working state: schema, reference lists, deployed diagrams."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from engine import Deployed, deploy_directory
from processes.db.database import make_engine, make_session_factory, upgrade
from processes.db.uow import UnitOfWork
from processes.reference.lists import seed_reference
from processes.setup.demo import load_demo_records, load_demo_users
from processes.setup.validation import check_directory
from processes.workflow.paths import BPMN_DIR, FORMS_DIR


def install(
    session: Session, bpmn_dir: Path | None = None, forms_dir: Path | None = None
) -> list[Deployed]:
    """Seed missing reference rows and deploy every diagram (a no-op when unchanged).

    Every diagram is validated first; one with a problem refuses the whole set
    (`engine.validation.DiagramInvalid`, its message the Indonesian list) and nothing deploys.
    """
    bpmn_dir, forms_dir = bpmn_dir or BPMN_DIR, forms_dir or FORMS_DIR
    check_directory(bpmn_dir, forms_dir)
    seed_reference(session)
    return deploy_directory(session, bpmn_dir, forms_dir)


def set_up(uow: UnitOfWork, with_demo: bool) -> list[Deployed]:
    """`flask setup`: install, and with `with_demo` the demo users and records, in one go."""
    with uow:
        deployed = install(uow.session)
        if with_demo:
            load_demo_users(uow.session)
            load_demo_records(uow.session)
        uow.commit()
        return deployed


def prepare(url: str, demo_password: str | None = None) -> None:
    """Migrate, install and (with a password) load the demo users: a database ready to use."""
    upgrade(url)
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            install(session)
            if demo_password is not None:
                load_demo_users(session, password=demo_password)
            session.commit()
    finally:
        engine.dispose()


__all__ = ["install", "prepare", "upgrade"]
