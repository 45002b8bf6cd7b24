"""The registry every service-task function of the diagrams is entered in."""

from engine import ServiceRegistry

SERVICES = ServiceRegistry()
