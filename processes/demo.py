"""Demo users and demo records for `make run` (never loaded in production)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .accounts import create_user
from .models import User


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    jabatan: str
    role: str
    unit: str


DEMO_PASSWORD = "catpers-demo"

DEMO_USERS = [
    DemoUser("operator", "Bripka Andi Saputra", "Banum Urlitpers", "OPERATOR", "POLDA-KALTENG"),
    DemoUser("kaurlitpers", "Iptu Rina Marlina", "Kaurlitpers", "SUPERVISOR", "POLDA-KALTENG"),
    DemoUser("kasubbid", "Kompol Hendra Wijaya", "Kasubbid Paminal", "MANAGER", "POLDA-KALTENG"),
    DemoUser("kabid", "Kombes Pol Budi Santoso", "Kabid Propam", "DIREKTUR", "POLDA-KALTENG"),
    DemoUser("kapolda", "Irjen Pol Agus Pranoto", "Kapolda Kalteng", "ALL_VIEW", "POLDA-KALTENG"),
    DemoUser("admin", "Penata Dewi Lestari", "Administrator Sistem", "ADMIN", "POLDA-KALTENG"),
    DemoUser("op.kapuas", "Brigpol Yoga Pratama", "Operator Si Propam", "OPERATOR", "POLRES-KAPUAS"),
    DemoUser(
        "op.barsel", "Bripda Sari Utami", "Operator Si Propam", "OPERATOR", "POLRES-BARITO-SELATAN"
    ),
]


def load_demo_users(session: Session, password: str = DEMO_PASSWORD) -> list[User]:
    existing = set(session.scalars(select(User.username)))
    created = []
    for demo in DEMO_USERS:
        if demo.username in existing:
            continue
        created.append(
            create_user(
                session, demo.username, demo.full_name, password, demo.role, demo.unit,
                jabatan=demo.jabatan,
            )
        )
    return created
