"""Roles of the SOP and the diagram lanes each works in: the one place that maps them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    code: str
    title: str
    level: str
    lanes: frozenset[str]


#: Role codes, as stored on users; rules name these constants, never the strings.
OPERATOR, SUPERVISOR, MANAGER = "OPERATOR", "SUPERVISOR", "MANAGER"
DIREKTUR, ALL_VIEW, ADMIN = "DIREKTUR", "ALL_VIEW", "ADMIN"
PEMILIK_PROSES = "PEMILIK_PROSES"

ROLES: dict[str, Role] = {
    r.code: r
    for r in [
        Role(OPERATOR, "Operator (Pama/BA/ASN)", "OPERATOR", frozenset({"Operator"})),
        Role(SUPERVISOR, "Kaurlitpers", "SUPERVISOR", frozenset({"Kaurlitpers"})),
        Role(MANAGER, "Kasubbid Paminal", "MANAGER", frozenset({"Kasubbid Paminal"})),
        Role(DIREKTUR, "Kabid Propam", "DIREKTUR", frozenset({"Kabid Propam"})),
        Role(ALL_VIEW, "Kapolda", "ALL VIEW", frozenset({"Kapolda"})),
        Role(ADMIN, "Administrator", "ADMIN", frozenset()),
        Role(PEMILIK_PROSES, "Pemilik proses", "PEMILIK PROSES", frozenset()),
    ]
}

#: Roles a user gets (or gets a new password in) only with a second administrator's
#: approval: they read every catpers, rule the accounts or change the procedures.
PRIVILEGED_ROLES = frozenset({DIREKTUR, ALL_VIEW, ADMIN, PEMILIK_PROSES})

#: Who deploys and migrates diagrams: the process owner, and the administrator, who holds
#: that right with his own role (a user has one role; no second flag to forget).
PROCESS_OWNERS = frozenset({PEMILIK_PROSES, ADMIN})


def lanes_of(role: str) -> frozenset[str]:
    found = ROLES.get(role)
    return found.lanes if found else frozenset()


#: Lanes whose tasks decide on a submission (approve, return, koreksi): their holder reads
#: what the decision is about (the person's catpers), as `access.grounds` says.
DECIDING_LANES = frozenset().union(*(ROLES[r].lanes for r in (SUPERVISOR, MANAGER, DIREKTUR)))
