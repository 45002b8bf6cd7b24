"""Where the deployed diagrams, decision tables and forms live in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BPMN_DIR = ROOT / "bpmn-models"
FORMS_DIR = ROOT / "forms"
