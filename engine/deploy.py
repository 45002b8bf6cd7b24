"""Deploying diagrams: parse BPMN/DMN, bundle the forms they name, store one version per hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .decisions import decision_ids
from .errors import DeployError
from .models import Instance, ProcessVersion
from .serialization import SERIALIZER_VERSION, bundle_version, spec_to_json, with_spec

FORM_PROPERTY = "formJsonSchemaFilename"


@dataclass(frozen=True)
class Deployed:
    process_id: str
    version_id: int
    content_hash: str
    created: bool


def form_names(spec: Any, subprocess_specs: Mapping[str, Any]) -> set[str]:
    names: set[str] = set()
    for process in [spec, *subprocess_specs.values()]:
        for task_spec in process.task_specs.values():
            props = getattr(task_spec, "extensions", {}).get("properties", {})
            if FORM_PROPERTY in props:
                names.add(props[FORM_PROPERTY])
    return names


def first_user_task(spec: Any) -> Any | None:
    """The first user task reachable from the start without passing another one."""
    seen, queue = set(), [spec.start]
    while queue:
        task_spec = queue.pop(0)
        if task_spec.name in seen:
            continue
        seen.add(task_spec.name)
        if getattr(task_spec, "manual", False):
            return task_spec
        queue.extend(task_spec.outputs)
    return None


def _parse(bpmn_xml: bytes, dmn_files: Mapping[str, bytes]) -> SpiffBpmnParser:
    parser = SpiffBpmnParser()
    try:
        for name, content in dmn_files.items():
            if name.endswith(".bpmn"):
                parser.add_bpmn_xml(etree.fromstring(content), filename=name)
                continue
            parser.add_dmn_xml(etree.fromstring(content), filename=name)
        parser.add_bpmn_xml(etree.fromstring(bpmn_xml), filename="diagram.bpmn")
    except (etree.XMLSyntaxError, ValidationException) as err:
        raise DeployError(f"Diagram tidak valid: {err}") from err
    return parser


def deploy_bpmn(
    session: Session,
    bpmn_xml: bytes,
    source_file: str,
    dmn_files: Mapping[str, bytes],
    forms: Mapping[str, dict],
) -> list[Deployed]:
    """Store a version of every executable process in the diagram and make it current."""
    parser = _parse(bpmn_xml, dmn_files)
    results = []
    own = {p.get("id") for p in etree.fromstring(bpmn_xml).iter("{*}process")}
    for process_id in [p for p in parser.get_process_ids() if p in own]:
        try:
            spec = parser.get_spec(process_id)
            subs = parser.get_subprocess_specs(process_id)
        except ValidationException as err:
            raise DeployError(f"Proses {process_id} tidak valid: {err}") from err
        needed = sorted(form_names(spec, subs))
        missing = [n for n in needed if n not in forms]
        if missing:
            raise DeployError(f"Form belum ada untuk proses {process_id}: {', '.join(missing)}")
        bundle = {n: forms[n] for n in needed}
        results.append(
            _store(session, process_id, spec, subs, bpmn_xml, source_file, dmn_files, bundle)
        )
    return results


def _content_hash(bpmn_xml: bytes, dmn_files: Mapping[str, bytes], forms: dict) -> str:
    digest = hashlib.sha256(bpmn_xml)
    for name in sorted(dmn_files):
        digest.update(name.encode() + dmn_files[name])
    digest.update(json.dumps(forms, sort_keys=True).encode())
    return digest.hexdigest()


def _store(session, process_id, spec, subs, bpmn_xml, source_file, dmn_files, forms) -> Deployed:
    content_hash = _content_hash(bpmn_xml, dmn_files, forms)
    existing = session.scalar(
        select(ProcessVersion).where(
            ProcessVersion.process_id == process_id, ProcessVersion.content_hash == content_hash
        )
    )
    session.execute(
        update(ProcessVersion)
        .where(ProcessVersion.process_id == process_id)
        .values(is_current=False)
    )
    if existing is not None:
        existing.is_current = True
        if bundle_version(existing.spec_json) != SERIALIZER_VERSION:
            _rewrite_bundle(session, existing, spec_to_json(spec, subs))
        return Deployed(process_id, existing.id, content_hash, created=False)
    first = first_user_task(spec)
    version = ProcessVersion(
        process_id=process_id,
        name=spec.description or process_id,
        content_hash=content_hash,
        source_file=source_file,
        bpmn_xml=bpmn_xml.decode("utf-8"),
        spec_json=spec_to_json(spec, subs),
        forms_json=json.dumps(forms),
        decisions_json=json.dumps({name: xml.decode("utf-8") for name, xml in dmn_files.items()}),
        start_lane=first.lane if first else None,
        start_form=first.extensions.get("properties", {}).get(FORM_PROPERTY) if first else None,
        is_current=True,
    )
    session.add(version)
    session.flush()
    return Deployed(process_id, version.id, content_hash, created=True)


def _rewrite_bundle(session: Session, version: ProcessVersion, spec_json: str) -> None:
    """Store an unchanged diagram's spec again, in the format SpiffWorkflow writes now.

    Instances that read their spec from the old bundle get it put into their own state
    first: they are migrated with it when next loaded (see engine.serialization).
    """
    for instance in session.scalars(select(Instance).where(Instance.version_id == version.id)):
        state, label = instance.state_json, instance.serializer_version
        instance.state_json = with_spec(state, label, version.spec_json)
    version.spec_json = spec_json


def _called_decisions(bpmn_xml: bytes) -> set[str]:
    return {
        (node.text or "").strip()
        for node in etree.fromstring(bpmn_xml).iter("{*}calledDecisionId")
    }


def decisions_used(bpmn_xml: bytes, dmn_files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The decision tables a diagram calls: only these belong to its version (and hash)."""
    called = _called_decisions(bpmn_xml)
    return {name: xml for name, xml in dmn_files.items() if decision_ids(xml) & called}


def deploy_directory(session: Session, bpmn_dir: Path, forms_dir: Path) -> list[Deployed]:
    """Deploy every .bpmn in `bpmn_dir`, with the .dmn tables it calls and the forms it names."""
    dmn_files = {p.name: p.read_bytes() for p in sorted(bpmn_dir.glob("*.dmn"))}
    forms = {p.name: json.loads(p.read_text("utf-8")) for p in sorted(forms_dir.glob("*.json"))}
    deployed = []
    diagrams = {p.name: p.read_bytes() for p in sorted(bpmn_dir.glob("*.bpmn"))}
    called = {name for xml in diagrams.values() for name in called_diagrams(xml, diagrams)}
    for name, xml in [(n, x) for n, x in diagrams.items() if n not in called]:
        bundled = {**decisions_used(xml, dmn_files), **called_diagrams(xml, diagrams)}
        deployed += deploy_bpmn(session, xml, name, bundled, forms)
    return deployed


def called_diagrams(bpmn_xml: bytes, diagrams: Mapping[str, bytes]) -> dict[str, bytes]:
    """The diagrams a diagram's call activities name (and those they call), bundled like tables.

    They go with the caller's version and hash, so one edit of a called diagram gives every
    caller a new version, and instances started before keep the copy they started with.
    """
    defining = {}
    for name, xml in diagrams.items():
        for process in etree.fromstring(xml).iter("{*}process"):
            defining[process.get("id")] = name
    found: dict[str, bytes] = {}
    queue = [bpmn_xml]
    while queue:
        for node in etree.fromstring(queue.pop()).iter("{*}callActivity"):
            name = defining.get(node.get("calledElement"))
            if name is not None and name not in found:
                found[name] = diagrams[name]
                queue.append(found[name])
    return found
