"""Plain data for the letters E-CATPERS prints: SKHP and rekam jejak.

Pure values, no database and no Flask: the caller (a service or a view) reads the
catatan personel, decides the wording of each finding and fills these dataclasses;
`processes.letters.render` turns them into PDF bytes. Field names follow the SOP
terms (Perkadiv Propam Polri No. 1 Tahun 2016) so the templates read like the
letter they print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Letterhead used when a letter does not name its own (office-configurable).
DEFAULT_KOP: tuple[str, ...] = (
    "KEPOLISIAN NEGARA REPUBLIK INDONESIA",
    "DAERAH KALIMANTAN TENGAH",
    "BIDANG PROFESI DAN PENGAMANAN",
)

#: Finding areas in the order an SKHP lists them.
AREAS: tuple[str, ...] = ("PIDANA", "KODE ETIK", "DISIPLIN")

#: The states a finding can report.
KEADAAN: tuple[str, ...] = ("TIDAK ADA", "MASIH DALAM PROSES", "SUDAH SELESAI")


def _default_kop() -> list[str]:
    return list(DEFAULT_KOP)


@dataclass(frozen=True)
class Identity:
    """The member the letter is about (anggota Polri or ASN)."""

    nama: str
    pangkat: str
    nrp_nip: str
    jabatan: str
    kesatuan: str
    jenis_kelamin: str
    tempat_lahir: str = ""
    tanggal_lahir: date | None = None
    agama: str = ""

    @property
    def is_asn(self) -> bool:
        """True for an ASN (18-digit NIP), False for a Polri member (8-digit NRP)."""
        return len(self.nrp_nip.strip()) == 18


@dataclass(frozen=True)
class Finding:
    """The result of researching one area of the catatan personel."""

    area: str  # "PIDANA" | "KODE ETIK" | "DISIPLIN"
    keadaan: str  # "TIDAK ADA" | "MASIH DALAM PROSES" | "SUDAH SELESAI"
    rincian: str = ""


@dataclass(frozen=True)
class Signatory:
    """Who signs: Kabid Propam himself, or "a.n. Kabid Propam" by Kasubbid Paminal."""

    atas_nama: bool
    jabatan: str  # e.g. "KASUBBID PAMINAL" or "KEPALA BIDANG PROPAM"
    nama: str
    pangkat_nrp: str  # e.g. "AKBP NRP 76050123"
    atas_nama_jabatan: str = "KEPALA BIDANG PROPAM"


@dataclass(frozen=True)
class SkhpLetter:
    """Surat Keterangan Hasil Penelitian Personel (SKHP)."""

    nomor: str
    tanggal_terbit: date
    berlaku_sampai: date
    tempat: str
    kepada: str
    dasar: list[str]
    identitas: Identity
    temuan: list[Finding]
    peruntukan: str
    penandatangan: Signatory
    paraf: list[str]  # paraf chain, first to last: konseptor, Kaurlitpers, Kasubbid Paminal
    verify_url: str
    kop: list[str] = field(default_factory=_default_kop)
    masa_berlaku_bulan: int = 6
    #: "MEMENUHI SYARAT" | "TIDAK MEMENUHI SYARAT" for the peruntukan ("" on letters
    #: issued before the verdict was printed), and why when not.
    kesimpulan: str = ""
    alasan_kesimpulan: str = ""


@dataclass(frozen=True)
class TahapLine:
    """One tahap of a record: Pencatatan, Update I-IV or Pemutakhiran."""

    tahap: str
    tanggal: date | None
    dokumen: str
    keputusan: str


@dataclass(frozen=True)
class RecordEntry:
    """One catatan personel with its tahapan, as printed in a rekam jejak."""

    jenis: str
    satker: str
    wujud: str
    pasal: str
    status: str
    tahapan: list[TahapLine]


@dataclass(frozen=True)
class AwardEntry:
    """One penghargaan, as printed in a rekam jejak."""

    jenis: str
    keputusan: str
    pemberi: str
    uraian: str


@dataclass(frozen=True)
class RekamJejakLetter:
    """Rekam jejak: identity, every catatan personel, the penghargaan, and the SKHPs issued."""

    nomor: str
    tanggal_terbit: date
    tempat: str
    identitas: Identity
    catatan: list[RecordEntry]
    skhp_terbit: list[str]
    penandatangan: Signatory
    kop: list[str] = field(default_factory=_default_kop)
    verify_url: str = ""
    #: Last, with a default: a letter stored before awards were kept reads as none.
    penghargaan: list[AwardEntry] = field(default_factory=list)
