"""The audit log's hash chain: how a row is hashed, how a chain is checked, how a head is signed.

    row_hash = HMAC-SHA256(key, prev_hash || canonical row)

The canonical row is sorted-keys JSON of every column but the hashes, with the time in UTC
(ISO 8601, microseconds, "Z"). The first row's prev_hash is GENESIS. This format is frozen:
migration 0007 chains the old read log with it, and changing it would break every row
already written. The key never lives in the database (see README, "Log audit").
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
#: The columns the hash covers, besides prev_hash.
HASHED = ("id", "at", "user_id", "action", "target", "outcome", "detail", "address")


def utc_text(at: datetime) -> str:
    """A timestamp as the chain hashes it. SQLite gives it back naive; it was stored as UTC."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds") + "Z"


def canonical(row: Mapping[str, Any]) -> bytes:
    values = {name: row[name] for name in HASHED}
    values["at"] = utc_text(row["at"])
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def chain_hash(key: bytes, prev_hash: str, row: Mapping[str, Any]) -> str:
    return hmac.new(key, prev_hash.encode("ascii") + canonical(row), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of recomputing the chain: the first broken row, or the verified head."""

    ok: bool
    rows: int
    head_id: int
    head_hash: str
    broken_id: int | None = None
    reason: str = ""


def check_rows(
    key: bytes, rows: Iterable[Mapping[str, Any]], last_id: int = 0, last_hash: str = GENESIS,
) -> ChainCheck:
    """Walk rows in id order from the row (`last_id`, `last_hash`) before them; stop at the
    first that is not where the chain says it is. Each row needs only its predecessor, so
    any stretch of the chain can be checked on its own."""
    count = 0
    for row in rows:
        problem = _problem(key, row, last_id, last_hash)
        if problem:
            return ChainCheck(False, count, last_id, last_hash, row["id"], problem)
        count, last_id, last_hash = count + 1, row["id"], row["row_hash"]
    return ChainCheck(True, count, last_id, last_hash)


def _problem(key: bytes, row: Mapping[str, Any], last_id: int, last_hash: str) -> str:
    if row["id"] != last_id + 1:
        return f"nomor urut melompat dari {last_id} ke {row['id']}: ada baris yang dihapus"
    if row["prev_hash"] != last_hash:
        return "tidak bersambung dengan baris sebelumnya: baris dihapus, disisipkan atau ditukar"
    if not hmac.compare_digest(chain_hash(key, row["prev_hash"], row), row["row_hash"]):
        return "isi baris tidak cocok dengan hash-nya: baris diubah"
    return ""


# -- the head, exported and kept elsewhere so that cutting off the tail shows -----------


def sign_head(key: bytes, head: Mapping[str, Any]) -> str:
    body = json.dumps({k: head[k] for k in sorted(head) if k != "signature"},
                      sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, b"ecatpers-audit-head\n" + body, hashlib.sha256).hexdigest()


def head_document(key: bytes, head_id: int, head_hash: str, at: datetime | None,
                  exported_at: datetime) -> dict[str, Any]:
    doc = {"id": head_id, "row_hash": head_hash, "at": utc_text(at) if at else None,
           "exported_at": utc_text(exported_at)}
    doc["signature"] = sign_head(key, doc)
    return doc


def head_is_signed(key: bytes, doc: Mapping[str, Any]) -> bool:
    try:
        expected = sign_head(key, {k: doc[k] for k in ("id", "row_hash", "at", "exported_at")})
    except (KeyError, TypeError):
        return False
    return hmac.compare_digest(expected, str(doc.get("signature", "")))
