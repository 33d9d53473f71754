"""``deadlines serve``: the JSON service (and the board, when installed) on uvicorn.

FastAPI and uvicorn come with the optional extra ``deadlines[server]``; they are imported only
when the command runs, so that every other command starts as fast as before.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from deadlines._messages import Said, say
from deadlines.cli._common import EXIT_OK, UsageError

# The settings module imports no FastAPI: `deadlines --help` can read the defaults.
from deadlines.service import _settings as config


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines serve`` to the command line (its words: ``cli.serve.*``)."""
    parser = subparsers.add_parser("serve")
    parser.add_argument("--host", default=config.DEFAULT_HOST, metavar="HOST")
    parser.add_argument("--port", type=int, default=config.DEFAULT_PORT, metavar="PORT")
    parser.add_argument("--workers", type=int, default=1, metavar="N")
    parser.add_argument("--token-file", metavar="FILE")
    parser.add_argument("--max-body", type=int, default=config.DEFAULT_MAX_BODY, metavar="BYTES")
    parser.add_argument(
        "--max-upload", type=int, default=config.DEFAULT_MAX_UPLOAD, metavar="BYTES"
    )
    parser.add_argument("--timeout", type=float, default=config.DEFAULT_TIMEOUT, metavar="SECONDS")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN")
    parser.add_argument("--events-dir", metavar="DIR")
    parser.add_argument("--secure-cookie", action="store_true")
    parser.add_calendar()


def run(args: argparse.Namespace) -> int:
    """Check the options, build the app once, and serve until stopped."""
    from deadlines._errors import DeadlinesError

    try:
        from deadlines.service import create_app
        from deadlines.service._server import serve
    except ImportError as error:
        raise UsageError("", Said("serve.missing", {"name": error.name})) from None
    if args.events_dir is not None and not os.path.isdir(args.events_dir):  # noqa: PTH112
        raise UsageError("--events-dir", Said("serve.no_folder", {"path": repr(args.events_dir)}))
    try:
        settings = config.Settings(
            host=args.host,
            port=args.port,
            workers=args.workers,
            token=config.read_token(args.token_file),
            token_file=args.token_file,
            max_body=args.max_body,
            max_upload=args.max_upload,
            timeout=args.timeout,
            cors_origins=tuple(args.cors_origin),
            calendar=tuple(args.calendar),
            plugins=not args.no_plugins,
            events_dir=args.events_dir,
            secure_cookie=args.secure_cookie,
        )
    except DeadlinesError as error:
        argument = getattr(error, "argument", "")
        option = f"--{argument.replace('_', '-')}" if argument else ""
        raise UsageError(option, error.said or str(error)) from None
    # Built here even with several workers: a broken calendar file or plugin stops the
    # command now, with its message, rather than in each worker.
    app = create_app(settings)
    if settings.workers > 1 and app.state.upload_path is not None:
        print(say("serve.workers", args.lang, n=settings.workers), file=sys.stderr)
    serve(settings, app)
    return EXIT_OK
