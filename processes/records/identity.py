"""Checks of personnel identity numbers: NRP (Polri) and NIP (ASN).

This module owns the format rules for the identity number typed on the
"Data Induk" form and on access requests (SKHP, rekam jejak, akses khusus):

- NRP: exactly 8 ASCII digits. Digits 3-4 are usually the birth month; a value
  outside 01-12 only raises a warning, because that layout is not confirmed.
- NIP: exactly 18 ASCII digits = birth date YYYYMMDD + TMT CPNS YYYYMM +
  gender digit (1 laki-laki, 2 perempuan) + 3-digit sequence.

Pure functions, standard library only. Messages are in Bahasa Indonesia so
the web layer can show them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

NRP_LENGTH = 8
NIP_LENGTH = 18

_GENDER_BY_DIGIT = {"1": "L", "2": "P"}
_GENDER_WORD = {"L": "laki-laki", "P": "perempuan"}


@dataclass(frozen=True)
class IdentityCheck:
    """Outcome of an identity-number check: errors block, warnings inform."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings are allowed)."""
        return not self.errors


def _digits(value: str | None, length: int) -> str | None:
    """The stripped value if it is exactly ``length`` ASCII digits, else None."""
    text = (value or "").strip()
    if len(text) == length and text.isascii() and text.isdigit():
        return text
    return None


def _birth_date(nip: str) -> date | None:
    try:
        return date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None


def check_nrp(nrp: str) -> IdentityCheck:
    """Check an NRP: 8 digits; warn when the birth-month digits look wrong."""
    value = _digits(nrp, NRP_LENGTH)
    if value is None:
        return IdentityCheck(errors=["NRP harus 8 digit angka."])
    warnings: list[str] = []
    month = value[2:4]
    if not 1 <= int(month) <= 12:
        warnings.append(f"Dua digit bulan lahir pada NRP ({month}) tidak lazim; periksa kembali.")
    return IdentityCheck(warnings=warnings)


def check_nip(nip: str, gender: str | None = None, *, today: date | None = None) -> IdentityCheck:
    """Check an NIP: 18 digits, real birth date, valid TMT and gender digit.

    ``gender`` is the gender chosen on the form ("L" or "P"); when given, the
    gender digit of the NIP must agree with it. ``today`` defaults to the
    current date and exists for tests.
    """
    value = _digits(nip, NIP_LENGTH)
    if value is None:
        return IdentityCheck(errors=["NIP harus 18 digit angka."])
    today = today or date.today()
    errors: list[str] = []

    birth_text = value[0:8]
    birth = _birth_date(value)
    if birth is None:
        errors.append(
            f"Tanggal lahir pada NIP ({birth_text}) bukan tanggal yang valid; "
            "8 digit pertama harus berformat TTTTBBHH."
        )
    elif birth > today:
        errors.append(
            f"Tanggal lahir pada NIP ({birth:%d-%m-%Y}) tidak boleh melewati tanggal hari ini."
        )

    tmt_year, tmt_month = int(value[8:12]), int(value[12:14])
    if not 1 <= tmt_month <= 12:
        errors.append(f"Bulan TMT CPNS pada NIP ({value[12:14]}) harus antara 01 dan 12.")
    elif birth is not None and (tmt_year, tmt_month) < (birth.year, birth.month):
        errors.append(
            f"TMT CPNS pada NIP ({tmt_month:02d}-{tmt_year:04d}) tidak boleh "
            f"sebelum tanggal lahir ({birth:%d-%m-%Y})."
        )

    gender_digit = value[14]
    nip_sex = _GENDER_BY_DIGIT.get(gender_digit)
    if nip_sex is None:
        errors.append(
            f"Digit jenis kelamin pada NIP (digit ke-15: {gender_digit}) harus "
            "1 (laki-laki) atau 2 (perempuan)."
        )

    chosen = (gender or "").strip().upper()
    if chosen:
        if chosen not in _GENDER_WORD:
            errors.append("Jenis kelamin harus L (laki-laki) atau P (perempuan).")
        elif nip_sex is not None and nip_sex != chosen:
            errors.append(
                f"Jenis kelamin pada NIP ({_GENDER_WORD[nip_sex]}) tidak sesuai "
                f"dengan jenis kelamin yang dipilih ({_GENDER_WORD[chosen]})."
            )

    return IdentityCheck(errors=errors)


def check_identity(personel: str, number: str, gender: str | None = None) -> IdentityCheck:
    """Check ``number`` as an NRP (personel "POLRI") or NIP (personel "ASN")."""
    kind = (personel or "").strip().upper()
    if kind == "POLRI":
        return check_nrp(number)
    if kind == "ASN":
        return check_nip(number, gender)
    return IdentityCheck(errors=["Pilih POLRI atau ASN."])


def nip_birth_date(nip: str) -> date | None:
    """Birth date encoded in an NIP, or None when the NIP or date is invalid."""
    value = _digits(nip, NIP_LENGTH)
    return _birth_date(value) if value is not None else None


def nip_gender(nip: str) -> str | None:
    """Gender code ("L" or "P") from the NIP, or None when it cannot be read."""
    value = _digits(nip, NIP_LENGTH)
    return _GENDER_BY_DIGIT.get(value[14]) if value is not None else None
