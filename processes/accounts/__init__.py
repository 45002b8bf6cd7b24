"""Accounts: satuan kerja (units), users, the SOP's roles and the diagram lanes each role
works in, passwords (rules and hashing), signing in and its throttle, how long a session
lasts, ending sessions, and the administrator's use cases on users, with the changes to
privileged accounts that wait for a second administrator.
"""
