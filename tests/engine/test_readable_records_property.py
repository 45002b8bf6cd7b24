"""The record list's access query reads exactly what the need-to-know rule says, for any
user and any records: the SQL (grounds pruned, akses khusus read first as person ids) is
checked against the rule evaluated row by row in Python, ground included.

The rule, as the SOP's AKSES CATPERS table and `processes/access/grounds.py` say it: an
office that reads all reads its Polda's records (SEMUA_CATPERS); else a live akses khusus
for the person (AKSES_KHUSUS); else the record's own submitter (PENGAJU); else nothing.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from engine.models import utcnow
from processes.access.grounds import Viewer, ground_of_row, readable_records
from processes.access.models import AccessGrant, AccessRequest
from processes.access.policy import scope_of
from processes.accounts.models import User
from processes.records.models import Person, Record

UNITS = ("/POLDA-KALTENG/", "/POLDA-KALTENG/POLRES-KAPUAS/", "/POLDA-KALTENG/POLRES-BARSEL/",
         "/POLDA-LAIN/", "/POLDA-KALTENG_X/")  # a look-alike prefix must not match
NOMORS = ("85051234", "90030456", "77011111", "66022222")

records_st = st.lists(st.tuples(st.sampled_from(NOMORS), st.sampled_from(UNITS),
                                st.integers(0, 7)), min_size=1, max_size=12)
grants_st = st.lists(st.tuples(st.integers(0, 7), st.sampled_from(NOMORS),
                               st.sampled_from((-60, 60, 6000))), max_size=6)


def expected_ground(viewer: Viewer, record: Record, nomor: str, grants: list[AccessGrant]) -> str | None:
    scope = viewer.scope
    if scope.reads_all and record.unit_path.startswith(scope.unit_path):
        return "SEMUA_CATPERS"
    if any(g.user_id == viewer.user.id and g.nomor_identitas == nomor and g.expires_at > viewer.now
           for g in grants):
        return "AKSES_KHUSUS"
    if record.submitted_by == viewer.user.id:
        return "PENGAJU"
    return None


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=records_st, grant_rows=grants_st)
def test_the_list_query_reads_what_the_rule_says(session, rows, grant_rows):
    users = list(session.scalars(select(User).order_by(User.id)))
    now = utcnow()
    try:
        persons = {n: Person(personel="POLRI", nomor_identitas=n, nama=f"P {n}") for n in NOMORS}
        session.add_all(persons.values())
        records = [Record(person=persons[n], instance_id=900_000 + i, status="PROSES", pangkat="BRIPKA",
                          jabatan="BANIT", unit_kerja="POLDA", jenis_pelanggaran="DISIPLIN",
                          wujud_perbuatan="X", pasal="X", ditangani_oleh="POLDA", unit_path=unit,
                          submitted_by=users[who % len(users)].id)
                   for i, (n, unit, who) in enumerate(rows)]
        session.add_all(records)
        request = AccessRequest(instance_id=900_000, jenis="AKSES_KHUSUS", nomor_identitas=NOMORS[0],
                                nama="x", requested_by=users[0].id)
        session.add(request)
        session.flush()
        grants = [AccessGrant(user_id=users[who % len(users)].id, nomor_identitas=n, basis="x",
                              request_id=request.id, granted_by=users[0].id,
                              expires_at=now + timedelta(minutes=minutes))
                  for who, n, minutes in grant_rows]
        session.add_all(grants)
        session.flush()
        ours = {r.id for r in records}
        for user in users:
            viewer = Viewer(user, scope_of(user), now)
            got = {rid: g for rid, g in session.execute(
                readable_records(viewer).with_only_columns(Record.id, ground_of_row(viewer)))
                if rid in ours}
            want = {r.id: g for r in records
                    if (g := expected_ground(viewer, r, r.person.nomor_identitas, grants))}
            assert got == want, user.username
    finally:
        session.rollback()
