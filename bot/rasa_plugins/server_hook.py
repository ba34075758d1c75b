"""A hook into every Sanic app Rasa builds, for the safeguards (bot/safeguards/bootstrap.py).

Rasa 3.6 has no plugin point for "whenever a server app is made", so this wraps
``rasa.core.run.configure_app``, which `rasa run` and `rasa shell` both call (listed in
bot/rasa_plugins/PATCHES.md).
"""
from typing import Any, Callable

from sanic import Sanic


def after_each_app(install: Callable[[Sanic], None]) -> None:
    """Call ``install`` on every app ``rasa.core.run.configure_app`` returns from now on (once)."""
    import rasa.core.run as rasa_run

    original: Callable[..., Sanic] = rasa_run.configure_app
    if getattr(original, "hooked", False):
        return

    def configure_app(*args: Any, **kwargs: Any) -> Sanic:
        app = original(*args, **kwargs)
        install(app)
        return app

    configure_app.hooked = True  # type: ignore[attr-defined]
    rasa_run.configure_app = configure_app
