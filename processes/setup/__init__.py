"""Bringing a database to a working state: the whole schema, seeding the reference lists,
deploying the diagrams, and the demo users and records of `make run`. The top area: it
wires everything.
"""
