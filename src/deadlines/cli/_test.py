"""``deadlines test PATH…``: run case files and report each failure with its trace."""

from __future__ import annotations

import argparse
from typing import Any

from deadlines.cli._common import EXIT_FAILED, EXIT_OK, UsageError


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines test`` to the command line (its words: ``cli.test.*``)."""
    parser = subparsers.add_parser("test")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_json()


def run(args: argparse.Namespace) -> int:
    """Run the cases and print the results."""
    from deadlines._messages import say
    from deadlines.cli._common import out, print_json
    from deadlines.policy import CaseFileError, CaseRunner, find_case_files
    from deadlines.policy._cases import columns as _columns

    try:
        files = find_case_files(args.paths)
    except CaseFileError as error:
        raise UsageError("PATH", error.render(args.lang)) from None
    if not files:
        raise UsageError("PATH", say("policy.test.no_files", args.lang, paths=tuple(args.paths)))
    runner = CaseRunner()
    results = [result for file in files for result in runner.run_file(file)]
    failed = sum(not r.passed for r in results)
    if args.json:
        cases = [_json(r) for r in results]
        print_json({"passed": len(results) - failed, "failed": failed, "cases": cases})
        return EXIT_FAILED if failed else EXIT_OK
    stream = out()
    marks = {True: say("policy.test.ok", args.lang), False: say("policy.test.fail", args.lang)}
    width = max(map(_columns, marks.values()))  # 通过 and 未通过 line up, as ok and FAIL do
    current = ""
    for result in results:
        if args.quiet and result.passed:
            continue
        if result.path != current:
            current = result.path
            print(current, file=stream)
        mark = marks[result.passed]
        provisional = result.actual is not None and result.actual.provisional
        note = say("policy.test.provisional", args.lang) if provisional else ""
        print(f"  {mark}{' ' * (width - _columns(mark))}  {result.title}{note}", file=stream)
        if not result.passed:
            report = result.report(args.lang).splitlines()
            print("\n".join(f"        {line}" for line in report), file=stream)
    summary = "policy.test.failed" if failed else "policy.test.passed"
    print(say(summary, args.lang, passed=len(results) - failed, failed=failed), file=stream)
    return EXIT_FAILED if failed else EXIT_OK


def _json(result: Any) -> dict[str, Any]:  # noqa: ANN401 - a CaseResult
    data: dict[str, Any] = {
        "path": result.path,
        "index": result.index,
        "name": result.title,
        "passed": result.passed,
    }
    if result.error:
        data["error"] = result.error
    if result.actual is not None:
        data["policy"] = result.policy
        data["actual"] = result.actual.model_dump(
            mode="json", exclude={"trace_en", "trace_zh"}, exclude_defaults=True
        )
        data["mismatches"] = [m.model_dump() for m in result.mismatches]
    return data
