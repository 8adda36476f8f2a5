"""pytest plugins that this repository's own test suites load through ``conftest.py``."""
