"""The SKHP approval-authority decision table, run through SpiffWorkflow.

`bpmn-models/otoritas_skhp.dmn` is parsed (schema-validated) together with a tiny
diagram holding one business rule task that calls it, and the workflow runs in the
same restricted script environment the application uses for DMN cells. Every rank
group and every ASN golongan is checked, plus every pangkat the seeder installs.
"""

from __future__ import annotations

import pytest

from processes.reference.seed import PANGKAT
from tests.support.decision_tables import table_runner

_MISSING = object()


@pytest.fixture(scope="module")
def spec():
    return table_runner("otoritas_skhp.dmn", "otoritas_skhp")


def evaluate(spec, kelompok_pangkat, golongan=_MISSING) -> dict:
    """Run the decision for one member; returns the workflow's final data."""
    data = {"kelompok_pangkat": kelompok_pangkat}
    if golongan is not _MISSING:
        data["golongan"] = golongan
    return spec(data)


# (kelompok_pangkat, golongan, otoritas, assumed?) - assumed rows must carry a note.
EXPECTED = [
    ("BINTARA", None, "KASUBBID_PAMINAL", False),
    ("TAMTAMA", None, "KASUBBID_PAMINAL", False),
    ("PAMA", None, "KABID_PROPAM", False),
    ("PAMEN", None, "KABID_PROPAM", True),
    ("PATI", None, "DIVPROPAM", True),
    ("PNS", "I", "KASUBBID_PAMINAL", True),
    ("PNS", "II", "KASUBBID_PAMINAL", False),
    ("PNS", "III", "KABID_PROPAM", False),
    ("PNS", "IV", "KABID_PROPAM", True),
]


@pytest.mark.parametrize(
    ("kelompok", "golongan", "otoritas", "assumed"),
    EXPECTED,
    ids=[f"{k}-{g or 'polri'}" for k, g, _, _ in EXPECTED],
)
def test_authority_per_group_and_golongan(spec, kelompok, golongan, otoritas, assumed):
    data = evaluate(spec, kelompok, golongan)
    assert data["otoritas"] == otoritas
    if assumed:
        assert data["catatan_otoritas"].strip(), "assumed rows must explain themselves"
    else:
        assert data["catatan_otoritas"] == ""


def test_escalation_notes_name_the_case(spec):
    assert evaluate(spec, "PAMEN", None)["catatan_otoritas"].startswith("Eskalasi: PAMEN")
    assert "Divpropam" in evaluate(spec, "PATI", None)["catatan_otoritas"]
    assert "golongan IV" in evaluate(spec, "PNS", "IV")["catatan_otoritas"]
    assert "golongan I " in evaluate(spec, "PNS", "I")["catatan_otoritas"]


@pytest.mark.parametrize("golongan", ["", None, _MISSING], ids=["empty", "none", "absent"])
def test_polri_ignores_golongan(spec, golongan):
    assert evaluate(spec, "BINTARA", golongan)["otoritas"] == "KASUBBID_PAMINAL"
    assert evaluate(spec, "PAMA", golongan)["otoritas"] == "KABID_PROPAM"


def test_every_seeded_pangkat_has_the_expected_authority(spec):
    expected = {(k, g): o for k, g, o, _ in EXPECTED}
    for row in PANGKAT:
        key = (row["group"], row["golongan"])
        assert key in expected, f"pangkat {row['code']} not covered by this test"
        data = evaluate(spec, row["group"], row["golongan"])
        assert data["otoritas"] == expected[key], row["code"]
        assert "tidak dikenali" not in data["catatan_otoritas"], row["code"]


@pytest.mark.parametrize(("kelompok", "golongan"), [("PNS", None), ("PNS", "V"), ("HONORER", None)])
def test_unknown_input_falls_back_to_kabid_with_note(spec, kelompok, golongan):
    data = evaluate(spec, kelompok, golongan)
    assert data["otoritas"] == "KABID_PROPAM"
    assert "tidak dikenali" in data["catatan_otoritas"]
