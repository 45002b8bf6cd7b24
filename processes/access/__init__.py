"""Need-to-know: the grounds on which a user may read a person's catpers (one SQL condition
each), akses khusus requests and grants; reads and refusals as rows of the audit log, and
Kabid Propam's view of that log with its chain checks.
"""
