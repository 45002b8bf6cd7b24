"""Unit tests for processes.identity (NRP/NIP checks); no database, no Flask."""

from datetime import date

import pytest

from processes.records.identity import (
    IdentityCheck,
    check_identity,
    check_nip,
    check_nrp,
    nip_birth_date,
    nip_gender,
)

# 1985-07-12 born, TMT CPNS 2010-03, male (1), sequence 001.
VALID_NIP_L = "198507122010031001"
# 1990-02-28 born, TMT CPNS 2015-01, female (2), sequence 004.
VALID_NIP_P = "199002282015012004"


def _joined(check: IdentityCheck) -> str:
    return " ".join(check.errors)


# --- IdentityCheck ---------------------------------------------------------


def test_identity_check_ok_depends_on_errors_only() -> None:
    assert IdentityCheck(errors=[], warnings=["x"]).ok
    assert not IdentityCheck(errors=["x"], warnings=[]).ok


# --- NRP -------------------------------------------------------------------


def test_valid_nrp_has_no_errors_or_warnings() -> None:
    check = check_nrp("85071234")
    assert check.ok
    assert check.errors == []
    assert check.warnings == []


def test_nrp_surrounding_spaces_are_stripped() -> None:
    assert check_nrp("  85071234 ").ok


@pytest.mark.parametrize(
    "nrp",
    ["", "8507123", "850712345", "8507123A", "8507 1234", "85-71234", "８５０７１２３４"],
)
def test_invalid_nrp_is_rejected(nrp: str) -> None:
    check = check_nrp(nrp)
    assert not check.ok
    assert check.errors == ["NRP harus 8 digit angka."]


def test_nrp_with_non_ascii_digits_is_rejected() -> None:
    arabic_indic = "٨٥٠٧١٢٣٤"  # isdigit() is True, but not ASCII
    assert arabic_indic.isdigit()
    assert not check_nrp(arabic_indic).ok


@pytest.mark.parametrize("nrp", ["85131234", "85001234", "85991234"])
def test_nrp_unusual_month_warns_but_passes(nrp: str) -> None:
    check = check_nrp(nrp)
    assert check.ok
    month = nrp[2:4]
    assert check.warnings == [
        f"Dua digit bulan lahir pada NRP ({month}) tidak lazim; periksa kembali."
    ]


# --- NIP -------------------------------------------------------------------


def test_valid_nip_passes() -> None:
    assert check_nip(VALID_NIP_L).ok
    assert check_nip(VALID_NIP_P).ok
    assert check_nip(VALID_NIP_L, "L").ok
    assert check_nip(VALID_NIP_P, "p").ok
    assert check_nip(f" {VALID_NIP_L} ").ok


@pytest.mark.parametrize(
    "nip",
    [
        "",
        VALID_NIP_L[:-1],
        VALID_NIP_L + "0",
        VALID_NIP_L[:-1] + "X",
        "1985 07122010031001",
        "１９８５０７１２２０１００３１００１",
    ],
)
def test_nip_wrong_length_or_non_digit_is_rejected(nip: str) -> None:
    check = check_nip(nip)
    assert check.errors == ["NIP harus 18 digit angka."]


def test_nip_with_impossible_birth_date() -> None:
    check = check_nip("199002302015011001")  # 30 February
    assert not check.ok
    assert "Tanggal lahir" in _joined(check)
    assert "19900230" in _joined(check)


@pytest.mark.parametrize("birth", ["19851312", "19850700", "19850732"])
def test_nip_birth_month_or_day_out_of_range(birth: str) -> None:
    check = check_nip(birth + "2010031001")
    assert not check.ok
    assert "Tanggal lahir" in _joined(check)


def test_nip_birth_date_in_future_is_rejected() -> None:
    check = check_nip("202501012025061001", today=date(2024, 12, 31))
    assert not check.ok
    assert "Tanggal lahir" in _joined(check)
    # The same NIP is fine once the date has passed (TMT month == birth month).
    assert check_nip("202501012025011001", today=date(2025, 6, 1)).ok


@pytest.mark.parametrize("tmt_month", ["00", "13", "99"])
def test_nip_bad_tmt_month(tmt_month: str) -> None:
    check = check_nip(f"198507122010{tmt_month}1001")
    assert not check.ok
    assert "TMT" in _joined(check)
    assert tmt_month in _joined(check)


def test_nip_tmt_before_birth_is_rejected() -> None:
    check = check_nip("198507121984031001")
    assert not check.ok
    assert "sebelum tanggal lahir" in _joined(check)


def test_nip_tmt_in_birth_month_is_not_before_birth() -> None:
    assert check_nip("198507121985071001").ok


def test_nip_tmt_one_month_before_birth_month_is_rejected() -> None:
    assert not check_nip("198507121985061001").ok


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_nip_bad_gender_digit(digit: str) -> None:
    check = check_nip(f"19850712201003{digit}001")
    assert not check.ok
    assert "jenis kelamin" in _joined(check).lower()


def test_nip_gender_mismatch() -> None:
    male = check_nip(VALID_NIP_L, "P")
    female = check_nip(VALID_NIP_P, "L")
    assert not male.ok
    assert not female.ok
    assert "tidak sesuai" in _joined(male)
    assert "tidak sesuai" in _joined(female)


def test_nip_unknown_gender_value_is_rejected() -> None:
    assert not check_nip(VALID_NIP_L, "X").ok


def test_nip_empty_gender_means_not_given() -> None:
    assert check_nip(VALID_NIP_P, "").ok
    assert check_nip(VALID_NIP_P, None).ok


def test_nip_reports_several_errors_at_once() -> None:
    # Bad birth date, bad TMT month, bad gender digit.
    check = check_nip("199002302015133001")
    assert len(check.errors) == 3


# --- dispatch --------------------------------------------------------------


def test_check_identity_dispatches_on_personel() -> None:
    assert check_identity("POLRI", "85071234").ok
    assert not check_identity("POLRI", VALID_NIP_L).ok
    assert check_identity("ASN", VALID_NIP_L, "L").ok
    assert not check_identity("ASN", VALID_NIP_L, "P").ok
    assert not check_identity("ASN", "85071234").ok


@pytest.mark.parametrize("personel", ["", "TNI", "PNS"])
def test_check_identity_unknown_personel(personel: str) -> None:
    assert check_identity(personel, "85071234").errors == ["Pilih POLRI atau ASN."]


# --- helpers ---------------------------------------------------------------


def test_nip_birth_date_helper() -> None:
    assert nip_birth_date(VALID_NIP_L) == date(1985, 7, 12)
    assert nip_birth_date(" " + VALID_NIP_P) == date(1990, 2, 28)
    assert nip_birth_date("199002302015011001") is None
    assert nip_birth_date("123") is None


def test_nip_gender_helper() -> None:
    assert nip_gender(VALID_NIP_L) == "L"
    assert nip_gender(VALID_NIP_P) == "P"
    assert nip_gender("198507122010033001") is None
    assert nip_gender("abc") is None
