"""The status table: each status's jenis (the spec's SEMI FINAL/FINAL) and phase."""

import ast
import re
from pathlib import Path

from processes.records.statuses import AKTIF, BATAL, MENUNGGU, STATUSES, TUTUP, in_phase
from processes.reference.lists import PEMUTAKHIRAN

BPMN = Path(__file__).resolve().parents[2] / "bpmn-models"


def test_every_status_has_one_phase():
    assert in_phase(MENUNGGU) | in_phase(AKTIF) | in_phase(TUTUP) | in_phase(BATAL) == set(STATUSES)
    assert in_phase(BATAL) == {"DIBATALKAN"}  # a first pencatatan withdrawn or refused
    assert in_phase(MENUNGGU) == {"DIAJUKAN (DICATAT)"}
    assert in_phase(TUTUP) == {"SELESAI", "TIDAK TERBUKTI", "TIDAK BERSALAH", "DIHENTIKAN"}


def test_semi_final_means_a_submission_waits():
    waiting = {code for code, status in STATUSES.items() if status.waiting}
    assert waiting == {"DIAJUKAN (DICATAT)", "DIAJUKAN (UPDATE)", "DIAJUKAN (PEMUTAKHIRAN)"}
    assert not waiting & in_phase(TUTUP)


def test_the_pemutakhiran_diagram_ends_every_case_in_a_closed_status():
    script = re.search(r"<bpmn:script>status_baru = (.*?)\[jenis_pemutakhiran\]</bpmn:script>",
                       (BPMN / "pemutakhiran.bpmn").read_text("utf-8")).group(1)
    mapping = ast.literal_eval(script)
    assert set(mapping) == {item["code"] for item in PEMUTAKHIRAN}
    assert set(mapping.values()) <= in_phase(TUTUP)
