"""Need-to-know: the grounds on which a user may read a person's catpers (one SQL condition
each), akses khusus requests and grants, and the read log every read is written to.
"""
