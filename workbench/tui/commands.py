"""The command palette (ctrl+p): every action of the current screen and of the app, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.tui import keys


class KeysProvider(Provider):
    """Offers the actions in ``keys.REGISTRY`` that work on the current screen."""

    def _commands(self):
        screen = self.screen
        targets: dict[str, str | None] = getattr(screen, "KEY_SCOPES", {})
        for scope, selector in targets.items():
            node = screen
            if selector:
                try:
                    node = screen.query_one(selector)
                except Exception:
                    continue
            for action in keys.actions(scope):
                yield action, node
        for action in keys.actions("app"):
            if not action.builtin:
                yield action, self.app

    async def discover(self) -> Hits:
        for action, node in self._commands():
            yield DiscoveryHit(f"{action.description}  ({action.display})", partial(node.run_action, action.action),
                               help=keys.SCOPES[action.scope])

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action, node in self._commands():
            label = f"{action.description}  ({action.display})"
            score = matcher.match(f"{keys.SCOPES[action.scope]} {action.description}")
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(node.run_action, action.action),
                          text=label, help=keys.SCOPES[action.scope])
