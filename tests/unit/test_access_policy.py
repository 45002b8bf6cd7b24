"""The AKSES CATPERS table (bpmn-models/akses_catpers.dmn): what each office reads, and
that an edit, a mistake or an unknown answer in it never opens more than it says."""

from __future__ import annotations

import pytest

from processes.access import policy
from processes.access.policy import SEMUA_POLDA, TIDAK_ADA, lingkup_of, policy_rows, scope_of
from processes.accounts.models import Unit, User
from processes.accounts.roles import ADMIN, ALL_VIEW, DIREKTUR, MANAGER, OPERATOR, SUPERVISOR

TABLE = policy.POLICY_FILE.read_bytes()
POLDA, KAPUAS = "/POLDA-KALTENG/", "/POLDA-KALTENG/POLRES-KAPUAS/"


def someone(role: str, jenis: str = "POLDA", path: str = POLDA) -> User:
    return User(role=role, unit=Unit(jenis=jenis, path=path))


@pytest.mark.parametrize(
    ("role", "tingkat", "lingkup"),
    [
        # AKSES CATPERS POLDA: Kapolda, Kabid Propam, Kasubbid Paminal, Kaurlitpers.
        (ALL_VIEW, "POLDA", SEMUA_POLDA), (DIREKTUR, "POLDA", SEMUA_POLDA),
        (MANAGER, "POLDA", SEMUA_POLDA), (SUPERVISOR, "POLDA", SEMUA_POLDA),
        # Nobody else, by office alone; nor the same roles at a Polres.
        (OPERATOR, "POLDA", TIDAK_ADA), (ADMIN, "POLDA", TIDAK_ADA),
        (OPERATOR, "POLRES", TIDAK_ADA), (SUPERVISOR, "POLRES", TIDAK_ADA),
        (MANAGER, "POLRES", TIDAK_ADA), (SUPERVISOR, "SATKER", TIDAK_ADA),
        ("PERAN_BARU", "POLDA", TIDAK_ADA),
    ],
)
def test_the_table_as_shipped(role, tingkat, lingkup):
    assert lingkup_of(TABLE, role, tingkat) == lingkup


def test_an_office_that_reads_all_covers_its_polda_and_every_polres_below():
    scope = scope_of(someone(SUPERVISOR), TABLE)
    assert (scope.lingkup, scope.unit_path, scope.reads_all) == (SEMUA_POLDA, POLDA, True)
    assert KAPUAS.startswith(scope.unit_path)
    assert scope_of(someone(OPERATOR, "POLRES", KAPUAS), TABLE).reads_all is False


def edited(old: str, new: str) -> bytes:
    """The shipped table with every `old` replaced by `new`."""
    assert old.encode() in TABLE, old
    return TABLE.replace(old.encode(), new.encode())


def test_a_process_owner_s_edit_takes_effect():
    # Kaurlitpers no longer reads all; Polres operators now do (within their Polda).
    table = edited('<text>"SUPERVISOR"</text>', '<text>"TIDAK_DIPAKAI"</text>')
    assert lingkup_of(table, SUPERVISOR, "POLDA") == TIDAK_ADA
    assert lingkup_of(table, MANAGER, "POLDA") == SEMUA_POLDA
    table = edited('<text>"ALL_VIEW"</text>', '<text>? in ("ALL_VIEW", "OPERATOR")</text>')
    table = table.replace(b'<inputEntry id="InputEntry_Kapolda_Tingkat">\n          <text>"POLDA"</text>',
                          b'<inputEntry id="InputEntry_Kapolda_Tingkat">\n          <text>-</text>')
    scope = scope_of(someone(OPERATOR, "POLRES", KAPUAS), table)
    assert (scope.lingkup, scope.unit_path) == (SEMUA_POLDA, POLDA)


@pytest.mark.parametrize(
    "table",
    [
        edited('<text>"SEMUA_POLDA"</text>', '<text>1 / 0</text>'),  # cells that fail
        edited('<text>"SEMUA_POLDA"</text>', '<text>"SEMUA"</text>'),  # answers it does not know
        edited('<decision id="akses_catpers"', '<decision id="akses_lain"'),  # no such decision
        b"<definitions>tidak lengkap",  # not even XML
        None,  # no file
    ],
)
def test_a_broken_table_opens_nothing_and_breaks_no_page(table):
    assert lingkup_of(table, ALL_VIEW, "POLDA") == TIDAK_ADA
    assert scope_of(someone(ALL_VIEW), table or b"").reads_all is False
    assert {c for row in policy_rows(table or b"") for c in row.lingkup} == {policy.LINGKUP[TIDAK_ADA]}


def test_the_policy_page_reads_the_table_in_words():
    rows = {row.role: row.lingkup for row in policy_rows(TABLE)}
    everything, nothing = policy.LINGKUP[SEMUA_POLDA], policy.LINGKUP[TIDAK_ADA]
    assert list(policy.TINGKAT.values()) == ["Polda", "Polres", "Satker Polda"]
    for title in ("Kapolda", "Kabid Propam", "Kasubbid Paminal", "Kaurlitpers"):
        assert rows[title] == [everything, nothing, nothing], title
    assert rows["Operator (Pama/BA/ASN)"] == rows["Administrator"] == [nothing] * 3
