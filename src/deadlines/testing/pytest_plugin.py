"""pytest plugin (entry point ``pytest11``): each case of a ``*.deadlines.toml`` file is a test
item marked ``deadlines_case``; docs/policy-testing.md ("With pytest") says what it reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from deadlines.policy import CaseFile, CaseRunner

# deadlines.policy is imported only when a case file is collected: every pytest run loads this.
_SUFFIX = ".deadlines.toml"
_RUNNER: pytest.StashKey[CaseRunner] = pytest.StashKey()


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of case items."""
    config.addinivalue_line("markers", "deadlines_case: a case of a *.deadlines.toml file")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CaseFileCollector | None:
    """Collect ``*.deadlines.toml`` files."""
    if file_path.name.endswith(_SUFFIX):
        collector: CaseFileCollector = CaseFileCollector.from_parent(parent, path=file_path)
        return collector
    return None


class CaseFileCollector(pytest.File):
    """A case file: one item per case, named after the case."""

    def collect(self) -> Iterator[CaseItem]:
        """Load the file and yield its cases."""
        from deadlines.policy import CaseFileError, load_cases

        try:
            cases = load_cases(self.path)
        except CaseFileError as error:
            raise self.CollectError(str(error)) from None
        seen: set[str] = set()
        for index, case in enumerate(cases.case, 1):
            name = case.title
            if name in seen:  # node ids must be unique within the file
                name = f"{name} [{index}]"
            seen.add(name)
            item: CaseItem = CaseItem.from_parent(self, name=name, cases=cases, index=index)
            item.add_marker("deadlines_case")
            yield item


class CaseItem(pytest.Item):
    """One case: runs its trigger against its policy and compares the outcome."""

    def __init__(self, *, cases: CaseFile, index: int, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(**kwargs)
        self.cases = cases
        self.index = index

    def runtest(self) -> None:
        """Run the case; a failure shows its report, a provisional result is a property."""
        if _RUNNER not in self.config.stash:  # one runner per session shares the engines
            from deadlines.policy import CaseRunner

            self.config.stash[_RUNNER] = CaseRunner()
        result = self.config.stash[_RUNNER].run_one(self.path, self.cases, self.index)
        if result.actual is not None and result.actual.provisional:
            self.user_properties.append(("provisional", True))
        if not result.passed:
            pytest.fail(result.report(), pytrace=False)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is: its file and name."""
        return self.path, None, f"{self.path.name}::{self.name}"
