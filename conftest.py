"""Root conftest: the repository's own test plugins (``plugins/``)."""

pytest_plugins = ["plugins.pages", "plugins.slow", "plugins.golden"]
