"""The domain of E-CATPERS, one package per area, lowest first:

db, workflow, accounts, reference, records, access, reading, letters, work, setup.

An area imports only the areas before it (`tests/unit/test_layers.py` enforces it);
`errors` holds the refusals every area raises.
"""
