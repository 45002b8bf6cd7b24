"""Reference lists: the editable pick lists (pangkat, jenis pelanggaran, wujud perbuatan,
pasal, sanksi, ...), their seed data, serving them as form options and labels, and the
administrator's use cases that extend, relabel or deactivate them and add units.
"""
