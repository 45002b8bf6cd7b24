"""The database: the declarative base every domain table belongs to, connections and
Alembic migrations, and the unit of work (one transaction per use case, committed once).
The lowest area: it knows no rule of the SOP.
"""
