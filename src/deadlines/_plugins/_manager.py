"""One engine's `pluggy.PluginManager`: plugins registered, installed ones loaded, hooks called,
and what pluggy lets pass silently refused (docs/plugins.md), naming the plugin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Final

from pluggy import PluginManager, PluginValidationError

from deadlines import hookspecs
from deadlines._discovery import ENTRY_POINT_GROUP
from deadlines._errors import InvalidArgumentError, InvalidValueError, PluginError
from deadlines._plugins._claims import HOOKS, Answer, PluginChange

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

LOAD: Final = "(load)"  # the "hook" named when a plugin fails before any hook is called

_HOOKS = ", ".join(HOOKS)
_GIVEN = "an iterable of plugin objects, e.g. [module], or a mapping {name: plugin}"


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """A plugin an engine uses, where it comes from, and what it changes.

    Attributes:
        name: its name: the entry point's name, or the name it was given in code.
        module: the module that defines it.
        distribution: ``name version`` of the installed distribution; empty when it was
            passed in code.
        hooks: the hooks it implements.
        changes: what it changes, in the order of `deadlines.hookspecs`.
    """

    name: str
    module: str
    distribution: str
    hooks: tuple[str, ...]
    changes: tuple[PluginChange, ...] = ()

    @property
    def source(self) -> str:
        """``entry point`` or ``code``."""
        return "entry point" if self.distribution else "code"


def plugin_manager(plugins: object, *, discover: bool) -> PluginManager:
    """A manager of its own with the plugins given in code, then those installed (skipped when
    one of the same name, or the same object, was given in code)."""
    manager = PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    for name, plugin in _given(plugins):
        try:
            manager.register(plugin, name=name)
        except PluginValidationError as error:
            raise _invalid(name, error) from None
        except ValueError as error:  # a name, or the same object, twice
            twice = "each plugin once, by distinct plugin names; name them with a mapping"
            raise InvalidValueError("plugins", name, f"{twice} {{name: plugin}}") from error
    if discover:
        _load_installed(manager)
    try:
        manager.check_pending()
    except PluginValidationError as error:
        callers = manager.get_hookcallers(error.plugin) or ()
        hook = next((c.name for c in callers if not c.has_spec()), LOAD)
        no_such = f"no such hook; the hooks are {_HOOKS}"
        raise PluginError(manager.get_name(error.plugin) or LOAD, hook, no_such) from None
    for name, plugin in registered(manager):
        _check(manager, name, plugin)
    return manager


def registered(manager: PluginManager) -> list[tuple[str, object]]:
    """Each plugin by name, in the order registered (blocked names left out)."""
    return [(name, plugin) for name, plugin in manager.list_name_plugin() if plugin is not None]


def infos(
    manager: PluginManager, changes: Mapping[str, tuple[PluginChange, ...]]
) -> tuple[PluginInfo, ...]:
    """Each plugin, with its distribution, the hooks it implements, and its `changes`."""
    dists = {id(p): f"{d.project_name} {d.version}" for p, d in manager.list_plugin_distinfo()}
    found = []
    for name, plugin in registered(manager):
        own = {caller.name for caller in manager.get_hookcallers(plugin) or ()}
        module = plugin.__name__ if isinstance(plugin, ModuleType) else None
        module = module or getattr(plugin, "__module__", "") or type(plugin).__module__
        hooks = tuple(hook for hook in HOOKS if hook in own)
        dist = dists.get(id(plugin), "")
        found.append(PluginInfo(name, module, dist, hooks, changes.get(name, ())))
    return tuple(found)


def answers(manager: PluginManager, hook: str, kwargs: Mapping[str, object]) -> list[Answer]:
    """Each plugin's non-None answer, highest rank first, then by plugin name; each `HookImpl`
    called by itself, as pluggy's loop calls it, to pin each answer on its plugin (design.md)."""
    found = []
    for impl in getattr(manager.hook, hook).get_hookimpls():
        try:
            value = impl.function(*(kwargs[name] for name in impl.argnames))
        except Exception as error:
            raise PluginError(
                impl.plugin_name, hook, f"raised {type(error).__name__}: {error}"
            ) from error
        if value is not None:
            rank = 2 if impl.tryfirst else 0 if impl.trylast else 1
            found.append(Answer(impl.plugin_name, rank, hook, value))
    return sorted(found, key=lambda answer: (-answer.rank, answer.plugin))


def _given(plugins: object) -> Iterator[tuple[str, object]]:
    if isinstance(plugins, (str, bytes)) or not isinstance(plugins, Iterable):
        raise InvalidArgumentError("plugins", plugins, _GIVEN)
    pairs = plugins.items() if isinstance(plugins, Mapping) else ((_name(p), p) for p in plugins)
    for name, plugin in pairs:
        if not isinstance(name, str) or not name:
            names = "non-empty names in a mapping {name: plugin}"
            raise InvalidArgumentError("plugins", name, names)
        if plugin is None or isinstance(plugin, (str, bytes)):
            raise InvalidArgumentError("plugins", plugin, f"plugin objects, not names: {_GIVEN}")
        yield name, plugin


def _name(plugin: object) -> str:
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def _invalid(name: str, error: PluginValidationError) -> PluginError:
    hook = next((h for h in HOOKS if repr(h) in str(error)), LOAD)
    return PluginError(name, hook, str(error).replace("\n", "; "))


def _check(manager: PluginManager, name: str, plugin: object) -> None:
    """What pluggy lets pass: an unmarked ``deadlines_*`` function, no hook, a wrapper, a twin."""
    for attr in dir(plugin):
        unmarked = attr.startswith("deadlines_") and not manager.parse_hookimpl_opts(plugin, attr)
        if unmarked and callable(getattr(plugin, attr)):
            raise PluginError(name, attr, "is not marked; decorate it with @deadlines.hookimpl")
    callers = manager.get_hookcallers(plugin) or []
    if not callers:
        mark = "mark functions such as deadlines_rules with @deadlines.hookimpl"
        raise PluginError(name, LOAD, f"implements no hook; {mark} (the hooks are {_HOOKS})")
    for caller in callers:
        own = [impl for impl in caller.get_hookimpls() if impl.plugin is plugin]
        if any(impl.wrapper or impl.hookwrapper for impl in own):
            fix = "return the change as a value, which the engine merges and reports"
            raise PluginError(name, caller.name, f"wrappers are not supported: {fix}")
        if len(own) > 1:
            n, functions = len(own), ", ".join(impl.function.__name__ for impl in own)
            fix = "return every change from one function"
            raise PluginError(name, caller.name, f"implements it {n} times ({functions}); {fix}")


def _load_installed(manager: PluginManager) -> None:
    """Load the installed plugins with pluggy, one entry-point name at a time, in name order."""
    from importlib.metadata import entry_points

    by_name: dict[str, list[EntryPoint]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        by_name.setdefault(ep.name, []).append(ep)
    for name, (ep, *more) in sorted(by_name.items()):
        if manager.has_plugin(name):  # given in code: that one wins
            continue
        if more:
            dists = " and ".join(
                f"{e.dist.name} {e.dist.version}" if e.dist else e.value for e in (ep, *more)
            )
            problem = f"two distributions install a plugin of this name ({dists}); uninstall one"
            raise PluginError(name, LOAD, problem)
        try:
            if ep.module in sys.modules and manager.is_registered(ep.load()):
                manager.set_blocked(name)  # the same object was given in code, by its own name
                continue
            manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=name)
        except PluginValidationError as error:
            raise _invalid(name, error) from None
        except Exception as error:
            problem = f"cannot import {ep.value}: {type(error).__name__}: {error}"
            raise PluginError(name, LOAD, problem) from error
