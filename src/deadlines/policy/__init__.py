"""Policy changes as data: rule sets and changes as files, case files and diffs.

The guide is docs/policy-testing.md.

Errors: `PolicyFileError` (a `ValueError`) names the file, the field and every problem;
`CaseFileError` is one for case files; `TomlValueError` (a `TypeError`) is a value
`dumps_toml` cannot write. All are `deadlines.DeadlinesError`.
"""

from deadlines import _lazy

# ``X as X`` re-exports each name for type checkers; __all__ is read off them, not listed again.
# isort: off
from deadlines.policy._cases import (
    CaseFile as CaseFile,
    CaseResult as CaseResult,
    case_schema as case_schema,
    find_case_files as find_case_files,
    load_cases as load_cases,
    parse_cases as parse_cases,
)
from deadlines.policy._diff import (
    DiffTrigger as DiffTrigger,
    case_triggers as case_triggers,
    diff_policies as diff_policies,
    range_triggers as range_triggers,
)
from deadlines.policy._errors import (
    CaseFileError as CaseFileError,
    PolicyFileError as PolicyFileError,
)
from deadlines.policy._files import (
    Amendment as Amendment,
    PolicyFile as PolicyFile,
    apply_change as apply_change,
    dump_policy as dump_policy,
    dumps_policy as dumps_policy,
    load_policy as load_policy,
    loads_policy as loads_policy,
    parse_policy as parse_policy,
    policy_schema as policy_schema,
)
from deadlines.policy._run import (
    CaseRunner as CaseRunner,
    run_case as run_case,
    run_cases as run_cases,
)
from deadlines.policy._toml import TomlValueError as TomlValueError, dumps_toml as dumps_toml
# isort: on

__all__ = _lazy.public_names(globals())
