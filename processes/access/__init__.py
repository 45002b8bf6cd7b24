"""Need-to-know: the AKSES CATPERS table of which office reads what (`policy.py`, read from
bpmn-models/akses_catpers.dmn), the grounds a user reads a person on (one SQL condition
each, `grounds.py`), akses khusus requests and grants, and the read log every read is
written to.
"""
