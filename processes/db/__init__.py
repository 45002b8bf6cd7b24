"""The database: the declarative base every domain table belongs to, connections and
Alembic migrations, the unit of work (one transaction per use case, committed once), and
the hash-chained audit log every area records into. The lowest area: it knows no rule of
the SOP (the audit log's action labels are vocabulary, kept here so every area can name them).
"""
