"""A channel blueprint served at its own address instead of under /webhooks/."""
from typing import Any, Dict, Text

from sanic import Blueprint, Sanic


class MountedBlueprint(Blueprint):
    """Rasa registers every channel's blueprint under /webhooks/ (``channels.channel.register``);
    this one replaces the prefix with its own when Sanic registers it (listed in PATCHES.md)."""

    def __init__(self, name: str, url_prefix: str) -> None:
        super().__init__(name, url_prefix=url_prefix)

    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        super().register(app, {**options, "url_prefix": self.url_prefix})
