"""gen-graph: Microsoft Graph-style API reference markdown -> typed Python SDK."""

__version__ = "0.1.0"

# what an interrupted run says, wherever the interrupt lands (cli.py, __main__.py)
INTERRUPTED = "gen-graph: interrupted; the output folder is as it was or complete"
