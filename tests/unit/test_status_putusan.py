"""The putusan → status decision table, row by row, run through SpiffWorkflow.

`bpmn-models/status_putusan.dmn` runs as a diagram runs it (`tests/support/decision_tables`).
Every amar of the reference list is tried with every jenis pelanggaran it is offered for.
"""

from __future__ import annotations

import pytest

from processes.records import statuses
from processes.reference.seed_putusan import AMAR_PUTUSAN
from tests.support.decision_tables import table_runner


@pytest.fixture(scope="module")
def spec():
    return table_runner("status_putusan.dmn", "status_putusan")


def status_for(spec, jenis: str, amar: str) -> str:
    return spec({"fakta_catatan": {"jenis_pelanggaran": jenis}, "amar_putusan": amar})[
        "status_putusan"]


# (jenis pelanggaran, amar putusan, status the record takes once approved)
ROWS = [
    ("DISIPLIN", "DIHUKUM", statuses.PENGAWASAN),
    ("KEPP", "DIHUKUM", statuses.PENGAWASAN),
    ("PIDANA", "DIHUKUM", statuses.PENGAWASAN),
    ("DISIPLIN", "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
    ("KEPP", "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
    ("PIDANA", "BEBAS", statuses.TIDAK_TERBUKTI),
    ("PIDANA", "LEPAS", statuses.TIDAK_BERSALAH),
]


@pytest.mark.parametrize(("jenis", "amar", "status"), ROWS, ids=[f"{j}-{a}" for j, a, _ in ROWS])
def test_each_row_gives_its_status(spec, jenis, amar, status):
    assert status_for(spec, jenis, amar) == status


@pytest.mark.parametrize(("jenis", "amar"), [
    ("PIDANA", "TIDAK_TERBUKTI"),  # a court acquits as bebas or lepas, not "tidak terbukti"
    ("DISIPLIN", "BEBAS"), ("KEPP", "LEPAS"), ("DISIPLIN", "DIPUTUS_LAIN"),
])
def test_a_pair_the_table_does_not_know_gives_no_status(spec, jenis, amar):
    assert status_for(spec, jenis, amar) == ""


def test_every_amar_offered_for_a_jenis_has_a_row_and_a_sanction_means_pengawasan(spec):
    for amar in AMAR_PUTUSAN:
        for jenis in amar["jenis"]:
            status = status_for(spec, jenis, amar["code"])
            assert status in statuses.STATUSES, (jenis, amar["code"])
            assert (status == statuses.PENGAWASAN) == amar["hukuman"], (jenis, amar["code"])
