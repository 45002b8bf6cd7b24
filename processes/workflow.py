"""The runtime wired for E-CATPERS: our service functions and our form checks."""

from pathlib import Path

from engine import Runtime

from . import pencatatan, permohonan, updates  # noqa: F401 - they register service tasks
from .form_checks import validate_form
from .service_registry import SERVICES

ROOT = Path(__file__).resolve().parent.parent
BPMN_DIR = ROOT / "bpmn-models"
FORMS_DIR = ROOT / "forms"

RUNTIME = Runtime(SERVICES, validate_form)
