"""For the diagram editor's tests: the executable spec the server makes of a diagram (what
SpiffWorkflow runs — task specs, lanes, forms, conditions, operators, decisions), so an
export from the browser's modeler can be compared with the file it was opened from."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from lxml import etree
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser

from engine.serialization import spec_to_json
from processes.workflow.paths import BPMN_DIR, ROOT

BUNDLE = ROOT / "web" / "static" / "vendor" / "editor" / "main.js"


def ensure_editor_built() -> None:
    """The editor bundle is built by `make install`; a test run straight after a checkout
    builds it here the same way."""
    sources = list((ROOT / "web" / "editor").iterdir())
    if not BUNDLE.exists() or BUNDLE.stat().st_mtime < max(p.stat().st_mtime for p in sources):
        subprocess.run(["make", "--no-print-directory", "editor"], cwd=ROOT, check=True)


def executable_specs(bpmn_xml: bytes, bpmn_dir: Path = BPMN_DIR) -> dict[str, dict]:
    """Process id → its serialized spec, parsed with the office's tables and called diagrams."""
    parser = SpiffBpmnParser()
    for path in sorted(bpmn_dir.glob("*.dmn")):
        parser.add_dmn_xml(etree.fromstring(path.read_bytes()), filename=path.name)
    own = {p.get("id") for p in etree.fromstring(bpmn_xml).iter("{*}process")}
    for path in sorted(bpmn_dir.glob("*.bpmn")):
        others = {p.get("id") for p in etree.fromstring(path.read_bytes()).iter("{*}process")}
        if not others & own:
            parser.add_bpmn_xml(etree.fromstring(path.read_bytes()), filename=path.name)
    parser.add_bpmn_xml(etree.fromstring(bpmn_xml), filename="diagram.bpmn")
    return {
        pid: json.loads(spec_to_json(parser.get_spec(pid), parser.get_subprocess_specs(pid)))
        for pid in sorted(own)
    }
