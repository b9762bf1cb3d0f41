"""The incremental layer: everything that exists only to make a run do less, behind the
pipeline's `Incremental` interface (`Layer`, layer.py).

Nothing here changes what is generated: a kept result is only used when its key (the page's
bytes, the generator's own code, the templates) is exactly the one it was made from, and a
missing, old or corrupt cache is the same as an empty one. No stage imports this package:
deleting it and running with --no-cache leaves a working generator
(tests/incremental/test_layer.py).
"""

from generator.incremental.layer import Layer
from generator.incremental.store import Cache

__all__ = ["Cache", "Layer"]
