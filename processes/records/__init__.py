"""Catatan personel as written: persons, records, submissions per tahap, reference
documents, status changes and stored files; the statuses and their phases; NRP/NIP rules;
the writes every record flow shares, and the service tasks of the Pencatatan, Update I-IV
and Pemutakhiran diagrams.
"""

from processes.records import counters as counters
from processes.records import offence_counts as offence_counts
