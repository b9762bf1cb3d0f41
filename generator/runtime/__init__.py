"""The fixed modules of every generated package, kept here as ordinary Python so that mypy, ruff
and tests/runtime check them where they are written.

`render/static.py` copies them into the output byte for byte, at the same relative paths
(`_runtime.py`, `_http.py`, `_paths.py`, `builders/__init__.py`, `builders/_base.py`): this
folder mirrors the generated package, so their relative imports resolve here as they do there.
This `__init__.py` and `_registry.py` are not copied: the generated package's are rendered from
the docs (`templates/package_init.py.jinja`, `templates/registry.py.jinja`). The generated code
is black-formatted at line length 88, so these files are too (pyproject excludes them from the
repository's black at 100).
"""
