"""A realistic little office for the access tests, built once per test module: records in
the Polda and in Polres Kapuas, a submission returned for correction, one waiting, a
finished one, an issued SKHP and a live akses khusus, and every kind of user around them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from processes.accounts.models import User
from processes.accounts.roles import OPERATOR, SUPERVISOR
from processes.records.models import Person
from tests.support.actors import extra_user
from tests.support.data import NRP_AIPDA, NRP_OTHER
from tests.support.flows import (
    decide,
    letter_of,
    record_in_proses,
    request_akses_khusus,
    submit_permohonan,
    submitted_record,
    task_of,
)

NRP_POLDA, NAMA_POLDA = "92070321", "Dedi Kurniawan"
NAMA_OTHER = "Andika Prasetyo"

#: Who is who around the world's records (username -> what they are to them).
PRINCIPALS = {
    "anonim": "tidak masuk",
    "operator": "operator Polda; pemohon SKHP",
    "kaurlitpers": "Kaurlitpers Polda",
    "kasubbid": "Kasubbid Paminal Polda",
    "kabid": "Kabid Propam",
    "kapolda": "Kapolda",
    "admin": "administrator",
    "op.kapuas": "pengaju catatan Polres Kapuas (satuan sendiri)",
    "tmp-op2.kapuas": "operator lain satuan yang sama",
    "op.barsel": "operator satuan lain; pengajuannya dikembalikan",
    "tmp-kaurlit.kapuas": "penyetuju lalu; kini memegang tugas",
    "tmp-op.katingan": "pemegang akses khusus",
}
EXTRA_USERS = {
    "tmp-op2.kapuas": (OPERATOR, "POLRES-KAPUAS", "Bripda Dua Kapuas"),
    "tmp-kaurlit.kapuas": (SUPERVISOR, "POLRES-KAPUAS", "Ipda Kaur Kapuas"),
    "tmp-op.katingan": (OPERATOR, "POLRES-KATINGAN", "Briptu Katingan"),
}


@dataclass
class World:
    #: Budi (Polres Kapuas), by op.kapuas, approved by tmp-kaurlit.kapuas and kasubbid.
    finished: int = 0
    finished_instance: int = 0
    #: Budi again, by op.barsel, returned once by Kaurlitpers: op.barsel must correct it.
    returned: int = 0
    returned_instance: int = 0
    perbaiki_task: str = ""
    #: Andika (Polres Kapuas), by op.kapuas, waiting for Kaurlitpers.
    waiting: int = 0
    waiting_instance: int = 0
    waiting_task: str = ""
    #: Dedi (Polda), by operator, PROSES.
    polda: int = 0
    letter: int = 0
    verify_token: str = ""
    permohonan: int = 0
    akses: int = 0
    tokens: dict[str, str] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)


def build_world(session) -> World:
    for username, (role, unit, name) in EXTRA_USERS.items():
        extra_user(session, username, role, unit, name)
    w = World()
    finished = submitted_record(session, username="op.kapuas")
    decide(session, "tmp-kaurlit.kapuas", finished.instance_id, "SETUJU", "Lengkap")
    decide(session, "kasubbid", finished.instance_id, "SETUJU")
    w.finished, w.finished_instance = finished.id, finished.instance_id
    returned = submitted_record(session, username="op.barsel")
    decide(session, "kaurlitpers", returned.instance_id, "KEMBALIKAN", "Lengkapi uraian")
    w.returned, w.returned_instance = returned.id, returned.instance_id
    w.perbaiki_task = task_of(session, "op.barsel", returned.instance_id).id
    waiting = submitted_record(session, username="op.kapuas", nomor_identitas=NRP_OTHER,
                               nama=NAMA_OTHER)
    w.waiting, w.waiting_instance = waiting.id, waiting.instance_id
    w.waiting_task = task_of(session, "kaurlitpers", waiting.instance_id).id
    w.polda = record_in_proses(session, username="operator", nomor_identitas=NRP_POLDA,
                               nama=NAMA_POLDA, unit_kerja="POLDA-KALTENG").id
    w.permohonan = submit_permohonan(session, "operator")
    decide(session, "kaurlitpers", w.permohonan, "SETUJU")
    decide(session, "kasubbid", w.permohonan, "SETUJU")
    letter = letter_of(session, w.permohonan)
    w.letter, w.verify_token = letter.id, letter.verify_token
    w.akses = request_akses_khusus(session, "tmp-op.katingan", NRP_AIPDA)
    w.tokens = dict(session.execute(select(Person.nomor_identitas, Person.token)).all())
    w.users = dict(session.execute(select(User.username, User.id)).all())
    return w
