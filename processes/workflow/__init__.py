"""Where the domain plugs into the engine: the registry of service-task functions the
diagrams call, the registry of form checks a JSON Schema cannot express, and where the
diagrams and forms live. Areas above register into these; `processes.work.runtime` builds
the runtime on them.
"""
