"""Testing helpers: the pytest plugin that runs policy case files (docs/policy-testing.md)."""
