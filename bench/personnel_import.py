"""How long the personnel master data import takes for a large file (goal: 100,000 rows
in under a minute).

A fresh, migrated database (a temporary SQLite file; with `--postgres URL` also a
throwaway PostgreSQL database) imports one generated file of N rows (nine in ten by NRP,
one in ten by NIP, over every unit and pangkat; one in a hundred is bad in one of the ways
a real file is: a short (and so repeated) number, an unknown pangkat or unit, an
impossible date) three times: into an empty table (all inserts), again (nothing changes),
and with one row in ten changed (updates plus their history rows). The file is made
before the clock starts. CSV by default; `--xlsx` also times the same rows as XLSX.

    python -m bench.personnel_import [--rows N] [--xlsx] [--postgres URL]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from collections import Counter

from openpyxl import Workbook
from sqlalchemy import select

from bench.task_throughput import prepare_database, sqlite_database
from processes.accounts.models import User
from processes.db.database import throwaway_postgres
from processes.db.uow import UnitOfWork
from processes.records import personnel_import
from processes.records.personnel_rows import COLUMNS
from processes.reference import lists

POLRI_RANKS = ("BRIPDA", "BRIPTU", "BRIGPOL", "BRIPKA", "AIPDA", "AIPTU", "IPDA", "IPTU", "AKP")
ASN_GOLONGAN = ("II/a", "II/b", "III/a", "III/b", "III/c")


#: What is wrong with a bad row, by its turn: (column, value).
BAD = ((0, "1234567"), (2, "JENDERAL MUDA"), (6, "1990-02-30"), (4, "POLRES-ATLANTIS"))


def rows(n: int, units: list[str], changed: bool = False) -> list[list[str]]:
    made = []
    for i in range(n):
        if i % 100 == 57:
            column, value = BAD[(i // 100) % len(BAD)]
            row = [f"{70 + i // 120000:02d}{1 + (i // 10000) % 12:02d}{i % 10000:04d}",
                   f"Salah {i}", "BRIPDA", "Banit", units[0], "Sampit", "", "L", "Islam"]
            row[column] = value
            made.append(row)
            continue
        jabatan = "Banit" if not (changed and i % 10 == 3) else "Kanit"
        if i % 10 == 9:  # an ASN: birth date, TMT, gender digit 2, sequence
            day = 1 + i % 28
            nomor = f"1990{1 + i % 12:02d}{day:02d}2015{1 + i % 12:02d}2{i % 1000:03d}"
            nomor = nomor[:15] + f"{(i // 10) % 1000:03d}"
            made.append([nomor, f"ASN {i}", ASN_GOLONGAN[i % 5], jabatan, units[i % len(units)],
                         "Palangka Raya", f"1990-{1 + i % 12:02d}-{day:02d}", "P", "Islam"])
        else:
            nomor = f"{80 + i // 120000:02d}{1 + (i // 10000) % 12:02d}{i % 10000:04d}"
            made.append([nomor, f"Personel {i}", POLRI_RANKS[i % 9], jabatan, units[i % len(units)],
                         "Sampit", "", "L", "Islam"])
    return made


def csv_bytes(table: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in COLUMNS])
    writer.writerows(table)
    return out.getvalue().encode()


def xlsx_bytes(table: list[list[str]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([label for _, label in COLUMNS])
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed_import(factory, admin, name: str, content: bytes) -> tuple[float, personnel_import.ImportReport]:
    began = time.perf_counter()
    report = personnel_import.import_file(UnitOfWork(factory), admin, name, content)
    return time.perf_counter() - began, report


def measure(label: str, url: str, n: int, fmt: str) -> None:
    print(f"{label}: {n} rows as {fmt} ...", file=sys.stderr, flush=True)
    db, factory, _ = prepare_database(url)
    try:
        with factory() as session:
            units = [code for code, _ in lists.options(session, "unit")]
            admin = session.scalar(select(User).where(User.username == "admin"))
            session.expunge(admin)
        make = xlsx_bytes if fmt == "xlsx" else csv_bytes
        content, changed = make(rows(n, units)), make(rows(n, units, changed=True))
        name = f"personel.{fmt}"
        seconds, report = timed_import(factory, admin, name, content)
        print(f"{label}: {name} ({len(content) // 1024} KiB), into an empty table: {seconds:.1f} s "
              f"({report.inserted} new, {len(report.bad)} refused)")
        reasons = Counter(reason.split(" (")[0] for bad in report.bad for reason in bad.reasons)
        print(f"{label}: refused because: " + "; ".join(f"{n} × {r}" for r, n in reasons.items()))
        seconds, report = timed_import(factory, admin, name, content)
        print(f"{label}: {name}, the same file again: {seconds:.1f} s "
              f"({report.inserted} new, {report.updated} updated, {report.unchanged} unchanged, "
              f"{len(report.bad)} refused)")
        seconds, report = timed_import(factory, admin, name, changed)
        print(f"{label}: {name}, one row in ten changed: {seconds:.1f} s "
              f"({report.updated} updated, {report.unchanged} unchanged, {len(report.bad)} refused)",
              flush=True)
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--xlsx", action="store_true", help="also time an XLSX file")
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server")
    args = parser.parse_args()
    formats = ("csv", "xlsx") if args.xlsx else ("csv",)
    for fmt in formats:
        with sqlite_database() as url:
            measure("SQLite", url, args.rows, fmt)
    if args.postgres:
        for fmt in formats:
            with throwaway_postgres(args.postgres) as url:
                measure("PostgreSQL", url, args.rows, fmt)


if __name__ == "__main__":
    main()
