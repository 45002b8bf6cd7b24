"""Accounts: satuan kerja (units), users, the SOP's roles and the diagram lanes each role
works in, signing in and ending sessions, and the administrator's use cases on users.
"""
