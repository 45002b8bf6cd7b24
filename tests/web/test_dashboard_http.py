"""The dashboard counts what the viewer may read, by rank group, outcome, jenis and requests."""

from __future__ import annotations

import re

from processes.setup import demo
from tests.support.flows import record_in_proses


def counts(page: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r'data-key="([^"]+)">(\d+)<', page)}


def test_kapolda_sees_all_an_operator_only_their_own(client, auth, session):
    demo.load_demo_records(session)
    session.commit()
    record_in_proses(session, username="op.kapuas", nomor_identitas="91110001", pangkat="AKP")
    auth.login("kapolda")
    everything = counts(client.get("/dasbor").get_data(as_text=True))
    assert everything["BINTARA"] == 3 and everything["PAMA"] == 2
    assert everything["Diproses"] == 4  # four persons with approved, open records
    assert everything["DISIPLIN"] == 3 and everything["KEPP"] == 1 and everything["PIDANA"] == 1
    auth.login("op.kapuas")
    own = counts(client.get("/dasbor").get_data(as_text=True))
    assert own["PAMA"] == 2 and own["BINTARA"] == 0
    assert own["Diproses"] == 2
