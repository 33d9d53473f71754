"""``deadlines plugins``: the installed plugins and what each changes."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from deadlines._errors import PluginConflictError, PluginError
from deadlines.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    add_json,
    add_lang,
    guarded,
    out,
    plugin_hint,
    print_json,
)

if TYPE_CHECKING:
    from deadlines._plugins import PluginInfo


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private subparsers action
    """Add ``deadlines plugins`` to the command line."""
    parser = subparsers.add_parser(
        "plugins",
        help="list the installed plugins and what each changes",
        description="List the plugins installed under the entry-point group 'deadlines' and "
        "what each changes: rules, days, office hours, conventions. A change another plugin "
        "overrides is marked. Exits 1 when a plugin is broken or two plugins conflict.",
    )
    add_json(parser)
    add_lang(parser)


@guarded
def run(args: argparse.Namespace) -> int:
    """Print the installed plugins and their changes."""
    from deadlines._engine import Engine

    try:
        plugins = Engine().plugins
    except (PluginError, PluginConflictError) as error:
        print(f"deadlines plugins: error: {error}; {plugin_hint('plugins')}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print_json([_as_json(plugin) for plugin in plugins])
    else:
        print(render(plugins, args.lang), file=out())
    return EXIT_OK


def _as_json(plugin: PluginInfo) -> dict[str, Any]:
    return {**asdict(plugin), "source": plugin.source}


def render(plugins: tuple[PluginInfo, ...], lang: str = "en") -> str:
    """The plugins as text: a head line each, then its changes, one per line.

    >>> render(())
    "no plugins installed (entry-point group 'deadlines')"
    """
    zh = lang == "zh"
    if not plugins:
        return (
            "未安装插件（入口点组 deadlines）"
            if zh
            else ("no plugins installed (entry-point group 'deadlines')")
        )
    lines: list[str] = []
    for plugin in plugins:
        where = plugin.distribution or ("代码注册" if zh else "registered in code")
        lines.append(
            f"{plugin.name}（{where}，模块 {plugin.module}）"
            if zh
            else (f"{plugin.name} ({where}, module {plugin.module})")
        )
        if not plugin.changes:
            lines.append("  无改动" if zh else "  changes nothing")
        lines.extend(f"  - {change.text(lang)}" for change in plugin.changes)
    return "\n".join(lines)
