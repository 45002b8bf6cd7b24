"""Demo users and demo records for `make run` (never loaded in production)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import inbox
from processes.accounts.models import User
from processes.accounts.roles import ADMIN, ALL_VIEW, DIREKTUR, MANAGER, OPERATOR, SUPERVISOR
from processes.accounts.users import actor_for, create_user
from processes.records import documents
from processes.records.models import Record
from processes.work.runtime import RUNTIME


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    jabatan: str
    role: str
    unit: str
    nrp: str


DEMO_PASSWORD = "catpers-demo"

DEMO_USERS = [
    DemoUser(
        "operator",
        "Bripka Andi Saputra",
        "Banum Urlitpers",
        OPERATOR,
        "POLDA-KALTENG",
        "85061122",
    ),
    DemoUser(
        "kaurlitpers", "Iptu Rina Marlina", "Kaurlitpers", SUPERVISOR, "POLDA-KALTENG", "88030911"
    ),
    DemoUser(
        "kasubbid",
        "Kompol Hendra Wijaya",
        "Kasubbid Paminal",
        MANAGER,
        "POLDA-KALTENG",
        "79080523",
    ),
    DemoUser(
        "kabid", "Kombes Pol Budi Santoso", "Kabid Propam", DIREKTUR, "POLDA-KALTENG", "73110408"
    ),
    DemoUser(
        "kapolda",
        "Irjen Pol Agus Pranoto",
        "Kapolda Kalteng",
        ALL_VIEW,
        "POLDA-KALTENG",
        "68050102",
    ),
    DemoUser(
        "admin",
        "Penata Dewi Lestari",
        "Administrator Sistem",
        ADMIN,
        "POLDA-KALTENG",
        "197904152005012002",
    ),
    DemoUser(
        "op.kapuas",
        "Brigpol Yoga Pratama",
        "Operator Si Propam",
        OPERATOR,
        "POLRES-KAPUAS",
        "91020345",
    ),
    DemoUser(
        "op.barsel",
        "Bripda Sari Utami",
        "Operator Si Propam",
        OPERATOR,
        "POLRES-BARITO-SELATAN",
        "93070512",
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
                session,
                demo.username,
                demo.full_name,
                password,
                demo.role,
                demo.unit,
                jabatan=demo.jabatan,
                nrp=demo.nrp,
            )
        )
    return created


# A minimal, valid one-page PDF standing in for a scanned reference document.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

_DEMO_RECORDS = [
    # (operator, NRP/NIP, nama, personel, pangkat, jenis, wujud, pasal, approvals)
    (
        "operator",
        "85051234",
        "Budi Hartono",
        "POLRI",
        "AIPDA",
        "DISIPLIN",
        "TIDAK_MASUK_DINAS_TANPA_KETERANGAN",
        "PP2-2003-P4-f",
        2,
    ),
    (
        "operator",
        "90030456",
        "Andika Prasetyo",
        "POLRI",
        "BRIPTU",
        "KEPP",
        "PENYALAHGUNAAN_WEWENANG",
        "PERPOL7-2022-P10",
        2,
    ),
    (
        "op.kapuas",
        "88110987",
        "Rudi Santoso",
        "POLRI",
        "AKP",
        "PIDANA",
        "PENGANIAYAAN",
        "KUHP-351",
        2,
    ),
    (
        "operator",
        "92070321",
        "Dedi Kurniawan",
        "POLRI",
        "BRIGPOL",
        "DISIPLIN",
        "MABUK_MIRAS",
        "PP2-2003-P5-a",
        0,
    ),
]


def load_demo_records(session: Session) -> int:
    """Run a few Pencatatan flows through the real engine; skipped when records exist."""

    if session.scalar(select(Record.id).limit(1)) is not None:
        return 0
    by_name = {u.username: u for u in session.scalars(select(User))}
    for username, nomor, nama, personel, pangkat, jenis, wujud, pasal, approvals in _DEMO_RECORDS:
        operator = actor_for(by_name[username])
        first = RUNTIME.start(session, operator, "pencatatan", operator.unit_path)
        data = {
            "personel": personel,
            "nomor_identitas": nomor,
            "nama": nama,
            "pangkat": pangkat,
            "jabatan": "Anggota",
            "unit_kerja": by_name[username].unit.code,
            "jenis_pelanggaran": jenis,
            "wujud_perbuatan": wujud,
            "pasal": pasal,
            "dokumen_nomor": f"LP/{nomor[-3:]}/X/2026",
            "dokumen_jenis": "LAPORAN_POLISI",
            "dokumen_tanggal": "2026-10-01",
            "dokumen_perihal": f"Laporan atas {nama}",
            "dokumen_file": documents.store_pdf(session, DEMO_PDF, "lp.pdf", operator.id),
            "uraian": "Data demo.",
            "ditangani_oleh": "POLDA",
        }
        RUNTIME.complete_task(session, operator, first.id, data)
        for approver in ("kaurlitpers", "kasubbid")[:approvals]:
            actor = actor_for(by_name[approver])
            task = next(t for t in inbox(session, actor) if t.instance_id == first.instance_id)
            RUNTIME.complete_task(session, actor, task.id, {"keputusan": "SETUJU"})
    return len(_DEMO_RECORDS)
