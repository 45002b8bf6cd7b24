"""The dashboard's counts (spec: DASHBOARD), over the records the viewer may read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.access.grounds import readable_records, viewer_of
from processes.access.models import AccessRequest
from processes.accounts.models import User
from processes.records import statuses as st
from processes.records.stages import PENCATATAN
from processes.reference.ranks import RANK_GROUPS, group_of_pangkat


@dataclass
class Dashboard:
    by_group: dict[str, int] = field(default_factory=dict)
    violators: dict[str, int] = field(default_factory=dict)
    by_jenis: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)


def _persons(session: Session, records, *conditions) -> int:
    query = select(func.count(func.distinct(records.c.person_id))).where(*conditions)
    return session.scalar(query)


def summary(session: Session, user: User) -> Dashboard:
    viewer = viewer_of(user)
    records = readable_records(viewer).subquery()
    groups = group_of_pangkat(session)
    by_pangkat = session.execute(
        select(records.c.pangkat, func.count()).group_by(records.c.pangkat)
    ).all()
    by_group = Counter()
    for pangkat, count in by_pangkat:
        by_group[groups.get(pangkat, "PNS")] += count
    violators = {
        "Diproses": _persons(session, records, records.c.status.in_(st.in_phase(st.AKTIF))),
        "Diupdate": _persons(session, records, records.c.tahap != PENCATATAN),
        "Selesai": _persons(session, records, records.c.status == st.SELESAI),
        "Tidak terbukti": _persons(session, records, records.c.status == st.TIDAK_TERBUKTI),
        "Tidak bersalah": _persons(session, records, records.c.status == st.TIDAK_BERSALAH),
    }
    by_jenis = dict(
        session.execute(
            select(records.c.jenis_pelanggaran, func.count()).group_by(records.c.jenis_pelanggaran)
        ).all()
    )
    requests = select(AccessRequest.jenis, func.count()).group_by(AccessRequest.jenis)
    if not viewer.scope.reads_all:
        requests = requests.where(AccessRequest.requested_by == user.id)
    return Dashboard(
        {g: by_group.get(g, 0) for g in RANK_GROUPS}, violators,
        {j: by_jenis.get(j, 0) for j in ("DISIPLIN", "KEPP", "PIDANA")},
        dict(session.execute(requests).all()),
    )


__all__ = ["Dashboard", "summary"]
