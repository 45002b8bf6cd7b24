"""Penanganan: whether Mabes Polri handles a record (ditangani oleh MABES at pencatatan,
or limpah MABES at Update I). The mark is kept on the record (`Record.ditangani_mabes`)
and shown wherever the record is; the next stages then carry Mabes' documents, while the
Polda still records them.

The diagrams decide it through `catpers.tandai_penanganan`: pencatatan with
`mabes = ditangani_oleh == 'MABES'` on each submission, Update I with
`mabes = limpah == 'MABES'` once approved.
"""

from __future__ import annotations

from typing import Any

from engine import ServiceContext
from processes.db.audit_actions import UBAH_CATATAN
from processes.errors import Refused
from processes.records.writes import audit_record_change, record_of_instance
from processes.workflow.services import SERVICES

#: How a page or a letter says it.
MARK = "Ditangani Mabes Polri"


@SERVICES.register("catpers.tandai_penanganan")
def tandai_penanganan(ctx: ServiceContext, mabes: bool) -> dict[str, Any]:
    """The approved limpah decides who handles the record from now on."""
    record = record_of_instance(ctx.session, ctx.instance_id)
    if record is None:
        raise Refused("Catatan untuk proses ini tidak ditemukan.")
    mabes = bool(mabes)
    if record.ditangani_mabes != mabes:
        audit_record_change(ctx.session, UBAH_CATATAN, ctx, record,
                            {"ditangani_mabes": record.ditangani_mabes}, {"ditangani_mabes": mabes})
        record.ditangani_mabes = mabes
    return {"ditangani_mabes": mabes}
