"""Need-to-know: the AKSES CATPERS table of which office reads what (`policy.py`, read from
bpmn-models/akses_catpers.dmn), the grounds a user reads a person on (one SQL condition
each, `grounds.py`), akses khusus requests and grants; reads and refusals as rows of the
audit log, and Kabid Propam's view of that log with its chain checks.
"""

from processes.access import request_counts as request_counts
