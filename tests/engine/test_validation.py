"""Validation before deployment: a diagram with a problem is refused with every problem
named (element id and name, in Indonesian), and nothing of it is deployed."""

import json
import shutil
from pathlib import Path

import pytest

from engine.models import ProcessVersion
from engine.validation import DiagramInvalid, deploy_checked, validate_diagram
from processes.setup.install import install
from processes.setup.validation import known, process_ids
from processes.workflow.paths import BPMN_DIR, FORMS_DIR

DATA = Path(__file__).parent / "data"
BAD = (DATA / "salah_semua.bpmn").read_bytes()
BAD_TABLE = {"tabel_jahat.dmn": (DATA / "tabel_jahat.dmn").read_bytes()}


def office_forms() -> dict:
    forms = {p.name: json.loads(p.read_text("utf-8")) for p in FORMS_DIR.glob("*.json")}
    return {**forms, "rusak.json": {"title": "Rusak", "schema": {"type": "string"}, "ui": {}}}


EXPECTED = {
    "Task_Lajur": ("Periksa di dapur", "lajur 'Juru Masak' bukan nama peran"),
    "Task_Form": ("Isi formulir hilang", "formulir 'tidak-ada.json' tidak ada"),
    "Task_FormRusak": ("Isi formulir rusak", "formulir 'rusak.json' tidak valid"),
    "Gateway_Tanpa": ("Keputusan?", "gerbang tanpa alur bawaan"),
    "Flow_Jahat": ("Jahat", "nama terlarang '__import__'"),
    "Script_Buka": ("Baca berkas", "nama terlarang 'open'"),
    "Script_Dunder": ("Jalan belakang", "atribut terlarang '__class__'"),
    "Service_Asing": ("Panggil layanan asing", "'catpers.tidak_ada' tidak terdaftar"),
    "Rule_Hilang": ("Tentukan dengan tabel hilang", "tabel keputusan 'tabel_hilang' tidak ada"),
    "Call_Hilang": ("Panggil proses hilang", "'proses_hilang' tidak ada"),
    "Rule_Jahat": ("", "sel keluaran"),
    "Rule_Rusak": ("", "sel masukan `> > 3`"),
}


def test_every_kind_of_problem_names_its_element():
    problems = validate_diagram(BAD, BAD_TABLE, known(office_forms()))
    by_id = {p.element_id: p for p in problems}
    assert sorted(by_id) == sorted(EXPECTED)
    for element_id, (name, words) in EXPECTED.items():
        assert by_id[element_id].element_name == name
        assert words in by_id[element_id].message


def test_the_office_diagrams_are_clean():
    dmn = {p.name: p.read_bytes() for p in BPMN_DIR.glob("*.dmn")}
    called = process_ids({p.name: p.read_bytes() for p in BPMN_DIR.glob("*.bpmn")})
    for path in BPMN_DIR.glob("*.bpmn"):
        problems = validate_diagram(path.read_bytes(), dmn, known(office_forms(), called))
        assert problems == [], path.name


def test_a_diagram_spiffworkflow_cannot_parse_is_named():
    start = b'<bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>'
    problems = validate_diagram(BAD.replace(start, b""), {}, known(office_forms()))
    refused = [p for p in problems if "SpiffWorkflow menolak diagram" in p.message]
    assert [(p.element_id, p.element_name) for p in refused] == [("contoh_salah", "Contoh salah")]
    assert validate_diagram(b"<bpmn:definitions", {}, known({}))[0].message.startswith(
        "berkas bukan XML"
    )


def test_a_bad_diagram_deploys_nothing(session):
    before = session.query(ProcessVersion).count()
    with pytest.raises(DiagramInvalid) as refused:
        deploy_checked(session, BAD, "salah_semua.bpmn", BAD_TABLE, known(office_forms()))
    assert len(refused.value.problems) == len(EXPECTED)
    assert "Berkas salah_semua.bpmn tidak dapat dipasang (12 masalah)" in str(refused.value)
    assert "- Flow_Jahat (Jahat): syarat alur" in str(refused.value)
    session.flush()
    assert session.query(ProcessVersion).count() == before


def test_setup_refuses_a_set_with_a_bad_diagram_with_the_same_messages(session, tmp_path):
    models = tmp_path / "bpmn-models"
    shutil.copytree(BPMN_DIR, models)
    (models / "salah_semua.bpmn").write_bytes(BAD)
    (models / "tabel_jahat.dmn").write_bytes(BAD_TABLE["tabel_jahat.dmn"])
    before = session.query(ProcessVersion).count()
    with pytest.raises(DiagramInvalid) as refused:
        install(session, models, FORMS_DIR)
    message = str(refused.value)
    assert "Berkas salah_semua.bpmn tidak dapat dipasang (10 masalah)" in message
    assert "Berkas tabel_jahat.dmn tidak dapat dipasang (2 masalah)" in message
    assert "- Script_Buka (Baca berkas): skrip" in message
    assert "Traceback" not in message and "pencatatan.bpmn" not in message
    session.flush()
    assert session.query(ProcessVersion).count() == before
