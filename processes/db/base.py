"""The declarative base every domain table belongs to, and the clock they stamp rows with."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from engine import utcnow

__all__ = ["DomainBase", "utcnow"]


class DomainBase(DeclarativeBase):
    pass
