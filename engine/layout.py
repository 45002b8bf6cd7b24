"""A diagram that arrives without layout (no BPMN DI) gets one before it is checked and
deployed: `auto_layout.mjs` runs bpmn-auto-layout and then our own step for lanes (one band
per lane, each element in its lane's band). It runs in Node at import, not in the browser,
so every way in (upload, import of an exported version) follows the one rule, and a test
can check it without a browser. A diagram that has a layout is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from lxml import etree

from .errors import EngineError

SCRIPT = Path(__file__).with_name("auto_layout.mjs")
_DI = "http://www.omg.org/spec/BPMN/20100524/DI"
_TIMEOUT_SECONDS = 60


class LayoutError(EngineError):
    """The layout could not be made (no Node, or the diagram is not one it can read)."""


def has_layout(xml: bytes) -> bool:
    """Whether the diagram draws anything: a plane with at least one shape."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return True  # not ours to lay out: validation says what is wrong with it
    return any(len(plane) for plane in root.iter(f"{{{_DI}}}BPMNPlane"))


def with_layout(xml: bytes) -> bytes:
    """The diagram as given when it has a layout, else laid out."""
    if has_layout(xml):
        return xml
    node = shutil.which("node")
    if node is None:
        raise LayoutError("Diagram tanpa tata letak tidak dapat ditata: Node.js tidak terpasang "
                          "di server. Unggah diagram yang sudah ditata dari penyunting.")
    try:
        done = subprocess.run([node, str(SCRIPT)], input=xml, capture_output=True,
                              timeout=_TIMEOUT_SECONDS, cwd=SCRIPT.parent.parent, check=False)
    except subprocess.TimeoutExpired as err:
        raise LayoutError("Penataan letak diagram terlalu lama; diagram tidak dipasang.") from err
    if done.returncode != 0 or not done.stdout:
        raise LayoutError("Diagram tanpa tata letak tidak dapat ditata otomatis: "
                          + _first_line(done.stderr))
    return done.stdout


def _first_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    error = next((line for line in lines if "Error" in line), lines[0] if lines else "")
    return error.strip()[:300] or "sebab tidak diketahui"
