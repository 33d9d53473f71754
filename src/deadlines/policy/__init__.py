"""Policy changes as data: rule sets in TOML or JSON, changes on a base, case files and diffs.

- `load_policy`, `dumps_policy`, `PolicyFile`: a rule set as a file, or a change on top of
  another (``base = "opinion-2020"``), and `policy_schema` for other systems.
- `run_cases`, `CaseRunner`: declarative case files (``*.deadlines.toml``) run against an
  engine; `deadlines test` and the pytest plugin `deadlines.testing.pytest_plugin` use them.
- `diff_policies`: every trigger whose result changes from one policy to another.

Errors: `PolicyFileError` (a `ValueError`) names the file, the field and every problem;
`CaseFileError` is one for case files; `TomlValueError` (a `TypeError`) is a value
`dumps_toml` cannot write. All are `deadlines.DeadlinesError`.
"""

from deadlines.policy._cases import (
    CaseFile,
    CaseResult,
    case_schema,
    find_case_files,
    load_cases,
    parse_cases,
)
from deadlines.policy._diff import (
    DiffTrigger,
    case_triggers,
    diff_policies,
    range_triggers,
)
from deadlines.policy._errors import CaseFileError, PolicyFileError
from deadlines.policy._files import (
    Amendment,
    PolicyFile,
    apply_change,
    dump_policy,
    dumps_policy,
    load_policy,
    loads_policy,
    parse_policy,
    policy_schema,
)
from deadlines.policy._run import CaseRunner, run_case, run_cases
from deadlines.policy._toml import TomlValueError, dumps_toml

__all__ = [
    "Amendment",
    "CaseFile",
    "CaseFileError",
    "CaseResult",
    "CaseRunner",
    "DiffTrigger",
    "PolicyFile",
    "PolicyFileError",
    "TomlValueError",
    "apply_change",
    "case_schema",
    "case_triggers",
    "diff_policies",
    "dump_policy",
    "dumps_policy",
    "dumps_toml",
    "find_case_files",
    "load_cases",
    "load_policy",
    "loads_policy",
    "parse_cases",
    "parse_policy",
    "policy_schema",
    "range_triggers",
    "run_case",
    "run_cases",
]
