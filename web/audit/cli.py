"""The audit log's commands: recompute its chain, and export the chain head (for cron)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from flask import current_app

from processes.access import audit_integrity

from .. import db
from ..config import audit_head_key


@click.command("audit-verify")
@click.option("--head", "head_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Kepala rantai yang diekspor (audit-head): ujung log yang dipotong ketahuan.")
def audit_verify(head_file: Path | None) -> None:
    """Recompute the audit log's chain; name the first broken row (exit 1)."""
    head_doc = _read_head(head_file) if head_file else None
    check, head_problem = audit_integrity.verify_log(
        db.standalone_unit_of_work(), _head_key() if head_file else None, head_doc)
    if not check.ok:
        click.echo(f"Log audit RUSAK pada baris #{check.broken_id}: {check.reason}. "
                   f"({check.rows} baris sebelumnya utuh.)")
        sys.exit(1)
    if head_problem:
        click.echo(f"Log audit RUSAK: {head_problem}")
        sys.exit(1)
    click.echo(f"Log audit utuh: {check.rows} baris, kepala #{check.head_id} {check.head_hash}.")


@click.command("audit-head")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas JSON tujuan; simpan salinannya di luar server ini.")
def audit_head(out_file: Path) -> None:
    """Export the chain head (last id, hash, time) as a signed JSON file (run it from cron)."""
    doc = audit_integrity.current_head(db.standalone_unit_of_work(), _head_key())
    temporary = out_file.with_name(out_file.name + ".tmp")
    temporary.write_text(json.dumps(doc, indent=2) + "\n")
    os.replace(temporary, out_file)
    click.echo(f"Kepala rantai #{doc['id']} disimpan di {out_file}.")


def _head_key() -> bytes:
    key = current_app.config.get("AUDIT_HEAD_KEY") or audit_head_key(current_app.instance_path)
    return key.encode() if isinstance(key, str) else key


def _read_head(path: Path) -> dict:
    try:
        doc = json.loads(path.read_text())
    except (OSError, ValueError) as err:
        raise click.ClickException(f"Berkas kepala rantai tidak dapat dibaca: {err}") from None
    if not isinstance(doc, dict):
        raise click.ClickException("Berkas kepala rantai tidak berisi kepala rantai.")
    return doc


COMMANDS = (audit_verify, audit_head)
