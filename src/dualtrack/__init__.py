"""dualtrack: read crisis reporting, model the negotiation and confrontation tracks, forecast."""

__version__ = "0.1.0"
