"""A diagram uploaded without layout gets one: bpmn-auto-layout for the flow, and each lane's
elements inside their lane's band; it then validates, deploys and runs like any other."""

from __future__ import annotations

import io

import pytest
from lxml import etree
from sqlalchemy import select

from engine.layout import has_layout, with_layout
from engine.models import ProcessVersion
from tests.support import diagrams
from tests.support.audit import entries
from tests.support.pages import post_pencatatan
from tests.web.test_catalogue_http import PENCATATAN, upload

DI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"
NOT_DRAWN_AS_SHAPES = {"laneSet", "sequenceFlow"}


def without_layout(xml: bytes, note: str = "tanpa tata letak") -> bytes:
    """The diagram with its DI taken away, marked by `note` (a version no other test made)."""
    root = etree.fromstring(xml)
    for diagram in root.findall(f"{DI}BPMNDiagram"):
        root.remove(diagram)
    root.set("exporter", note)  # kept by the layout step, as a comment would not be
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def bounds(root) -> dict[str, tuple[float, float, float, float]]:
    found = {}
    for shape in root.iter(f"{DI}BPMNShape"):
        b = shape.find(f"{DC}Bounds")
        found[shape.get("bpmnElement")] = tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))
    return found


@pytest.fixture(autouse=True)
def _office_pencatatan_restored(client, auth):
    # Versions outlive a test: the office's own Pencatatan is current again afterwards.
    yield
    auth.login("admin")
    client.post("/admin/katalog/pasang", content_type="multipart/form-data", data={
        "komentar": "Kembali", "berkas": (io.BytesIO(PENCATATAN), "pencatatan.bpmn")})


def test_pencatatan_uploaded_without_layout_gets_its_lanes_drawn_and_deploys(client, auth, session):
    auth.login("admin")
    bare = without_layout(PENCATATAN)
    assert not has_layout(bare)
    assert upload(client, {"pencatatan.bpmn": bare}, "Tanpa tata letak").status_code == 302
    stored = session.scalar(select(ProcessVersion.bpmn_xml).where(
        ProcessVersion.process_id == "pencatatan", ProcessVersion.is_current.is_(True)))
    root = etree.fromstring(stored.encode())
    drawn = bounds(root)
    nodes = {
        n.get("id") for p in root.iter("{*}process") for n in p
        if n.get("id") and etree.QName(n).localname not in NOT_DRAWN_AS_SHAPES}
    assert nodes <= set(drawn)  # every element is drawn
    for lane in root.iter("{*}lane"):
        _, top, _, height = drawn[lane.get("id")]
        for ref in lane.iter("{*}flowNodeRef"):
            _, y, _, h = drawn[ref.text]
            assert top <= y and y + h <= top + height, (lane.get("name"), ref.text)
    [plane] = root.iter(f"{DI}BPMNPlane")
    assert plane.get("bpmnElement") == "Collaboration_Pencatatan"
    [deployed] = entries(session, "PASANG_DIAGRAM")
    assert deployed.outcome == "versi baru"
    auth.login("operator")
    assert post_pencatatan(client).status_code == 302  # it runs


def test_a_flat_process_is_laid_out_by_bpmn_auto_layout():
    root = etree.fromstring(diagrams.with_script("uji_tata_letak", "hasil = 1"))
    for lane_set in root.iter("{*}laneSet"):
        lane_set.getparent().remove(lane_set)
    laid = etree.fromstring(with_layout(etree.tostring(root)))
    assert {"Mulai", "Isi", "Langkah", "Periksa", "Selesai"} <= set(bounds(laid))
    assert len(list(laid.iter(f"{DI}BPMNEdge"))) == 4


def test_a_diagram_with_a_layout_is_left_as_it_is():
    assert with_layout(PENCATATAN) is PENCATATAN
