"""Hypothesis profiles for the fuzz suite.

`ci` (the default): a bounded number of examples, derandomized (the same examples on every run
and every machine), no example database, no deadline (speed is measured in bench/, never here).
`long`: many random examples, for a run by hand:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz -q
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("ci", derandomize=True, max_examples=60, **_COMMON)
settings.register_profile("long", derandomize=False, max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
