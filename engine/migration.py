"""Bringing state written by an older SpiffWorkflow up to the installed one, on load.

SpiffWorkflow labels each serialization with its format version (`VERSION`, "1.5" in
3.2.0) and ships one migration function per older format. Those functions work on a
whole serialization, spec included: several change the spec (event definitions, boundary
events, the root spec, event-based gateway children) as well as the tasks. So a state is
migrated together with the spec it was written against, and the migrated spec stays with
that state from then on (see `engine.serialization`).
"""

from __future__ import annotations

from typing import Any

from SpiffWorkflow.bpmn.serializer.migration.version_migration import MIGRATIONS
from SpiffWorkflow.bpmn.serializer.workflow import VERSION

from .errors import SerializerVersionError

#: The format this engine writes: SpiffWorkflow's own.
CURRENT = VERSION

#: Where each of SpiffWorkflow's migration functions leaves a serialization. The ones for
#: 1.0-1.2 run on to 1.3 by themselves; the later ones take one step each. SpiffWorkflow's
#: own `migrate` runs only the first function, so a 1.3 state would miss 1.4 -> 1.5.
STEPS = {"1.0": "1.3", "1.1": "1.3", "1.2": "1.3", "1.3": "1.4", "1.4": "1.5"}

#: Instance rows written before the format was recorded carry this label (SpiffWorkflow
#: 3.2.0, format 1.5); spec bundles from then carry none and are read as UNLABELLED.
LEGACY_LABELS = {"spiff-3.2.0/1": "1.5"}
UNLABELLED = "1.5"


def known(label: str) -> str:
    """The format a stored label names, if this engine can read it (possibly by migrating)."""
    version = LEGACY_LABELS.get(label, label)
    if version != CURRENT and version not in STEPS:
        raise SerializerVersionError(
            f"Data proses tersimpan dalam format SpiffWorkflow {label!r} yang tidak dikenal "
            f"(yang terpasang menulis format {CURRENT}); data tidak diubah."
        )
    return version


def migrate(serialization: dict[str, Any], version: str) -> None:
    """Run SpiffWorkflow's migrations on a whole serialization (spec included), in place."""
    while version != CURRENT:
        try:
            MIGRATIONS[version](serialization)
        except Exception as err:
            raise SerializerVersionError(
                f"Data proses dalam format SpiffWorkflow {version} gagal dimigrasikan ke "
                f"format {CURRENT}: {err!r}"
            ) from err
        version = STEPS[version]
