"""``deadlines plugins``: the installed plugins and what each changes."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from deadlines._errors import PluginConflictError, PluginError
from deadlines._messages import Lang, say
from deadlines.cli._common import EXIT_FAILED, EXIT_OK, plugin_problem, print_json

if TYPE_CHECKING:
    from deadlines._plugins import PluginInfo


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines plugins`` to the command line (its words: ``cli.plugins.*``)."""
    parser = subparsers.add_parser("plugins")
    parser.add_json()


def run(args: argparse.Namespace) -> int:
    """Print the installed plugins and their changes."""
    from deadlines._engine import Engine

    try:
        plugins = Engine().plugins
    except (PluginError, PluginConflictError) as error:
        text = plugin_problem(error, "plugins").render(args.lang)
        print(say("error.line", args.lang, command="deadlines plugins", text=text), file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print_json([{**asdict(plugin), "source": plugin.source} for plugin in plugins])
    else:
        print(render(plugins, args.lang))
    return EXIT_OK


def render(plugins: tuple[PluginInfo, ...], lang: Lang = "en") -> str:
    """The plugins as text: a head line each, then its changes, one per line."""
    if not plugins:
        return say("plugins.none", lang)
    lines: list[str] = []
    for plugin in plugins:
        where = plugin.distribution or say("plugins.in_code", lang)
        lines.append(say("plugins.head", lang, name=plugin.name, where=where, module=plugin.module))
        if not plugin.changes:
            lines.append(say("plugins.nothing", lang))
        # A change of a rule's English words (actor_en, title_en) says nothing to a Chinese
        # reader that the change of its Chinese words beside it has not said.
        shown = [c for c in plugin.changes if not (lang == "zh" and c.field.endswith("_en"))]
        lines.extend(f"  - {change.text(lang)}" for change in shown)
    return "\n".join(lines)
