"""Testing helpers: the pytest plugin that runs policy case files (``*.deadlines.toml``).

The plugin is `deadlines.testing.pytest_plugin`, registered under the ``pytest11`` entry point,
so installing `deadlines` is enough for ``pytest`` to collect case files.
"""
