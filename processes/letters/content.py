"""What goes into a letter at issue time, read from the records and the request."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

import engine
from processes.access.models import AccessRequest
from processes.accounts.models import User
from processes.letters import settings
from processes.letters.findings import CountsAs, RecordFact, findings
from processes.letters.models import Letter
from processes.letters.pdf import (
    AwardEntry,
    Finding,
    Identity,
    RecordEntry,
    RekamJejakLetter,
    Signatory,
    SkhpLetter,
    TahapLine,
)
from processes.letters.state import DICABUT, KEDALUWARSA, state_of
from processes.letters.verdict import Decide, verdict
from processes.records.awards import person_awards
from processes.records.models import Person, Record, RecordDocument, Submission
from processes.records.penanganan import MARK as MABES_MARK
from processes.records.stages import TAHAP_DATA
from processes.records.writes import APPROVED
from processes.reference import lists as reference
from processes.reference.dates import long_date

OFFICE_TIME = ZoneInfo("Asia/Jakarta")
GENDER = {"L": "Laki-laki", "P": "Perempuan"}
SIGNER = {
    "KASUBBID_PAMINAL": (True, "KASUBBID PAMINAL"),
    "KABID_PROPAM": (False, "KEPALA BIDANG PROPAM"),
}


def office_today() -> date:
    return datetime.now(OFFICE_TIME).date()


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def identity(session: Session, data: dict) -> Identity:
    born = data.get("tanggal_lahir")
    return Identity(
        nama=data["nama"],
        pangkat=reference.label_of(session, "pangkat", data["pangkat"]),
        nrp_nip=data["nomor_identitas"],
        jabatan=data["jabatan"],
        kesatuan=reference.label_of(session, "unit", data["kesatuan"]),
        jenis_kelamin=GENDER.get(data.get("jenis_kelamin") or "", "-"),
        tempat_lahir=data.get("tempat_lahir") or "",
        tanggal_lahir=date.fromisoformat(born) if born else None,
        agama=data.get("agama") or "",
    )


def person_records(session: Session, nomor: str) -> list[Record]:
    return list(
        session.scalars(
            select(Record).join(Person, Person.id == Record.person_id)
            .where(Person.nomor_identitas == nomor).order_by(Record.created_at)
        )
    )


def _summary(session: Session, record: Record) -> str:
    """The case as an officer writes it: what was done and which rule it broke (the stage
    names of the workflow are no words for a letter)."""
    wujud = reference.label_of(session, "wujud_perbuatan", record.wujud_perbuatan)
    pasal = reference.label_of(session, "pasal", record.pasal) if record.pasal else ""
    return f"{wujud} ({pasal.rstrip('.')})" if pasal else wujud


def skhp_findings(session: Session, nomor: str, counts_as: CountsAs) -> list[Finding]:
    facts = [
        RecordFact(r.jenis_pelanggaran, r.status, _summary(session, r), r.ditangani_mabes)
        for r in person_records(session, nomor)
    ]
    return [Finding(f.area, f.keadaan, f.rincian) for f in findings(facts, counts_as)]


def signatory(session: Session, request: AccessRequest, signer_id: int) -> Signatory:
    atas_nama, jabatan = SIGNER[request.otoritas]
    user = session.get(User, signer_id)
    return Signatory(atas_nama, jabatan, user.full_name, f"NRP {user.nrp}" if user.nrp else "")


def paraf_chain(session: Session, instance_id: int) -> list[str]:
    """Konseptor, then each approver before the signer, as the history shows them."""
    names = {"Operator": "Konseptor", "Kaurlitpers": "Kaurlitpers", "Kasubbid Paminal": "Kasubbid Paminal"}
    chain: dict[str, str] = {}
    for entry in engine.timeline(session, instance_id):
        if entry.lane in names:
            chain.setdefault(names[entry.lane], entry.user_name.split(" (")[0])
    return [f"{role} ({name})" for role, name in chain.items()]


def verify_url(session: Session, token: str) -> str:
    return settings.get(session, "alamat_verifikasi").rstrip("/") + f"/verifikasi/{token}"


def with_keterangan(peruntukan: str, keterangan: str) -> str:
    """'Kenaikan pangkat' and 'kenaikan pangkat periode …' make 'Kenaikan pangkat periode …',
    not the words twice."""
    keterangan = keterangan.strip()
    if not keterangan:
        return peruntukan
    if keterangan.lower().startswith(peruntukan.lower()):
        return peruntukan + keterangan[len(peruntukan):]
    return f"{peruntukan} {keterangan}"


def skhp_letter(
    session: Session, request: AccessRequest, nomor: str, token: str, signer_id: int,
    decide: Decide,
) -> SkhpLetter:
    """The SKHP's content; `decide` evaluates the diagram's tables (temuan, kesimpulan)."""
    data, today = request.data, office_today()
    months = int(settings.get(session, "masa_berlaku_skhp_bulan"))
    peruntukan = reference.label_of(session, "peruntukan", data["peruntukan"])
    peruntukan = with_keterangan(peruntukan, data.get("keterangan_peruntukan", ""))
    temuan = skhp_findings(session, request.nomor_identitas,
                           lambda status: decide("temuan_skhp", {"status": status})["temuan"])
    judged = verdict(session, request.nomor_identitas, data["peruntukan"],
                     [f.keadaan for f in temuan], today, decide)
    return SkhpLetter(
        nomor=nomor, tanggal_terbit=today, berlaku_sampai=add_months(today, months),
        tempat=settings.get(session, "tempat_surat"),
        kepada=data.get("kepada") or settings.get(session, "kepada_default"),
        dasar=[settings.get(session, "dasar_1"), settings.get(session, "dasar_2"),
               f"{data['dokumen_perihal']} Nomor {data['dokumen_nomor']}."],
        identitas=identity(session, data), temuan=temuan, peruntukan=peruntukan,
        kesimpulan=judged.kesimpulan, alasan_kesimpulan=judged.alasan, penandatangan=signatory(session, request, signer_id),
        paraf=paraf_chain(session, request.instance_id), verify_url=verify_url(session, token),
        masa_berlaku_bulan=months,
    )


def _stage_value(session: Session, key: str, list_name: str | None, value: object) -> str:
    """One value of a stage's decision: a label, a date in words; its own closing full stop
    dropped, as the values are joined by "; "."""
    if list_name:
        text = reference.label_of(session, list_name, str(value))
    elif key.endswith("_tanggal"):
        text = long_date(str(value))
    else:
        text = str(value)
    return text.strip().rstrip(".;")


def _tahap_lines(session: Session, record: Record) -> list[TahapLine]:
    docs = {
        d.tahap: d for d in session.scalars(
            select(RecordDocument).where(RecordDocument.record_id == record.id))
    }
    lines = []
    for sub in session.scalars(
        select(Submission).where(Submission.record_id == record.id, Submission.status == APPROVED)
        .order_by(Submission.decided_at, Submission.id)
    ):
        doc = docs.get(sub.tahap)
        decision = "; ".join(
            f"{title}: {_stage_value(session, key, lst, v)}"
            for key, (title, lst) in TAHAP_DATA.items() if (v := sub.data.get(key))
        )
        lines.append(TahapLine(
            reference.label_of(session, "tahap", sub.tahap),
            sub.decided_at.date() if sub.decided_at else None,
            f"{doc.nomor} ({long_date(doc.tanggal)})" if doc else "-",
            decision or "-",
        ))
    return lines


def rekam_jejak_letter(
    session: Session, request: AccessRequest, nomor: str, token: str, signer_id: int
) -> RekamJejakLetter:
    entries = [
        RecordEntry(
            jenis=reference.label_of(session, "jenis_pelanggaran", r.jenis_pelanggaran),
            satker=reference.label_of(session, "unit", r.unit_kerja),
            wujud=reference.label_of(session, "wujud_perbuatan", r.wujud_perbuatan),
            pasal=reference.label_of(session, "pasal", r.pasal),
            status=r.status + (f" ({MABES_MARK})" if r.ditangani_mabes else ""),
            tahapan=_tahap_lines(session, r),
        )
        for r in person_records(session, request.nomor_identitas)
        if r.status != "DIAJUKAN (DICATAT)"
    ]
    today = office_today()
    skhp = [
        f"{letter.nomor} ({long_date(letter.issued_on)})"
        + {DICABUT: " — dicabut", KEDALUWARSA: " — kedaluwarsa"}.get(state_of(letter, today), "")
        for letter in session.scalars(
            select(Letter).where(Letter.nomor_identitas == request.nomor_identitas,
                                 Letter.jenis == "SKHP").order_by(Letter.issued_on, Letter.id))
    ]
    return RekamJejakLetter(
        nomor=nomor, tanggal_terbit=today, tempat=settings.get(session, "tempat_surat"),
        identitas=identity(session, request.data), catatan=entries, skhp_terbit=skhp,
        penandatangan=signatory(session, request, signer_id), verify_url=verify_url(session, token),
        penghargaan=awards_of(session, request.nomor_identitas),
    )


def awards_of(session: Session, nomor: str) -> list[AwardEntry]:
    """The person's penghargaan on file, as the rekam jejak lists them."""
    person = session.scalar(select(Person).where(Person.nomor_identitas == nomor))
    return [AwardEntry(a.jenis, a.keputusan, a.pemberi, a.uraian)
            for a in person_awards(session, person)]
