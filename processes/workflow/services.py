"""The registry every service-task function of the diagrams is entered in.

Each area registers its own functions with `@SERVICES.register("catpers.name")`;
`processes.work.runtime` builds the runtime on it.
"""

from engine import ServiceRegistry

SERVICES = ServiceRegistry()
