"""Policy changes as data: rule sets in TOML or JSON, changes on a base, case files and diffs."""

from deadlines.policy._errors import CaseFileError, PolicyFileError
from deadlines.policy._files import (
    BUILTIN_POLICIES,
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
from deadlines.policy._toml import dumps_toml

__all__ = [
    "BUILTIN_POLICIES",
    "Amendment",
    "CaseFileError",
    "PolicyFile",
    "PolicyFileError",
    "apply_change",
    "dump_policy",
    "dumps_policy",
    "dumps_toml",
    "load_policy",
    "loads_policy",
    "parse_policy",
    "policy_schema",
]
