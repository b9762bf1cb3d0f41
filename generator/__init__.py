"""gen-graph: Microsoft Graph-style API reference markdown -> typed Python SDK."""

__version__ = "0.1.0"
