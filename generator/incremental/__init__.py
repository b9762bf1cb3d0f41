"""Cache stage: results kept between runs, keyed by content hash + generator fingerprint.

Nothing here changes what is generated: a cache entry is only used when its key (the page's
bytes, the generator's own code, the templates) is exactly the one it was made from, and a
missing, old or corrupt cache is the same as an empty one.
"""

from generator.incremental.fingerprint import generator_fingerprint, templates_fingerprint
from generator.incremental.store import Cache, default_cache_dir

__all__ = ["Cache", "default_cache_dir", "generator_fingerprint", "templates_fingerprint"]
