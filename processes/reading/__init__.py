"""Everything that reads secret data through the access grounds: the record page, the
person page, the record list and its filters, and the dashboard's counts. Each read of a
person is logged.
"""
