"""Letters: SKHP and rekam jejak. The permohonan service tasks, letter numbers, the office
settings, the SKHP findings, the content frozen at issue, rendering it to PDF (`pdf/`),
and reading, verifying and revoking issued letters.
"""
