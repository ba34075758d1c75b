"""A Rasa input channel that serves the chat widget and its pages under /chat/.

Rasa mounts every channel's blueprint under /webhooks/; like Rasa's own Socket.IO channel, this
blueprint reaches the app itself when it is registered, to serve /chat/, and the script fonts
under /chat/fonts/ (bot/widget/fonts.py). Every language's interface text is filled into the
frame at start-up (bot/widget/languages.py). The server-wide safeguards are not installed here
(removing this channel must not remove them): see bot/safeguards/bootstrap.py. Enabled in
credentials.yml.
"""
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, raw

from bot.operations import settings
from bot.paths import ROOT
from bot.rasa_plugins.channels.mounted_blueprint import MountedBlueprint
from bot.rules import directory
from bot.safeguards import bootstrap
from bot.widget import fonts, languages

HERE = Path(__file__).parent
PAGES = HERE / "pages"
URL_PREFIX = "/chat"
SOCKET_IO_CLIENT = ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"

# No inline script or style anywhere: partners with a strict policy can use the same files.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
REFERRER = {"Referrer-Policy": "no-referrer"}
# The chat frame: only the assistant's own pages and the allowed partner sites may embed it.
FRAME = "frame"
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}

JS, CSS, HTML = "text/javascript; charset=utf-8", "text/css; charset=utf-8", "text/html; charset=utf-8"
# path under /chat/ -> (file, content type)
FILES = {
    # widget.js and widget.css are the addresses partners already embed: the loader.
    "widget.js": (HERE / "loader.js", JS),
    "widget.css": (HERE / "loader.css", CSS),
    "chat.js": (HERE / "chat.js", JS),
    "chat.css": (HERE / "chat.css", CSS),
    FRAME: (HERE / "frame.html", HTML),
    "pages.css": (PAGES / "pages.css", CSS),
    "socket.io.min.js": (SOCKET_IO_CLIENT, JS),
    "": (PAGES / "demo.html", HTML),
    "privacy": (PAGES / "privacy.html", HTML),
    "partners": (PAGES / "partners.html", HTML),
}
LAYOUT = PAGES / "layout.html"
HELPERS = HERE / "helpers.js"
HELPERS_MARK = "  // {{helpers.js}}\n"
PAGE_TITLE = re.compile(r"\A<!-- title: (.*?) -->\n")


def page_values() -> Dict[str, str]:
    """Directory values the widget and pages show, so their numbers come from the one file too."""
    values = directory.placeholder_values(directory.load())
    config = settings.load()
    return {
        "emergency_phone": values["police_emergency.phone"],
        "text_relay_phone": values["emergency_text_relay.phone"],
        "council_web": values["council.web"],
        "council_hate_crime_web": values["council_hate_crime.web"],
        "retention_days": str(config.retention_days),
        # The widget refuses what the server would refuse, in the same count.
        "max_message_chars": str(config.limits.max_message_chars),
        "max_message_chars_words": f"{config.limits.max_message_chars:,}",
    }


def with_helpers(script: str) -> str:
    """loader.js and chat.js share helpers.js, put in where each names it (no build step)."""
    helpers = "".join(f"  {line}" if line.strip() else line
                      for line in HELPERS.read_text(encoding="utf-8").splitlines(keepends=True))
    return script.replace(HELPERS_MARK, helpers)


def fill(text: str, values: Dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def as_page(content: str) -> str:
    """A page file is its title line and body; the layout adds the shared head."""
    title = PAGE_TITLE.match(content)
    return fill(LAYOUT.read_text(encoding="utf-8"), {
        "title": title.group(1), "content": content[title.end():].rstrip("\n"),
    })


def generated_values(values: Dict[str, str]) -> Dict[str, str]:
    """Made at start-up, already filled: every language's interface text (the frame), the list of
    languages (the partner page), and chat.css's font faces (the pages' stylesheet)."""
    return {
        **languages.page_values(values),
        "font_faces": fonts.font_faces((HERE / "chat.css").read_text(encoding="utf-8")),
    }


def load_files() -> Dict[str, tuple]:
    """Read every file once at start-up; a missing one stops the server with a clear message."""
    if not SOCKET_IO_CLIENT.exists():
        raise FileNotFoundError(f"{SOCKET_IO_CLIENT} is missing: run `make venv` (it runs npm ci)")
    values = page_values()
    values.update(generated_values(values))  # last, so nothing in them is filled again
    loaded = {}
    for name, (path, content_type) in FILES.items():
        body = path.read_text(encoding="utf-8")
        if content_type == HTML and name != FRAME:
            body = as_page(body)
        if HELPERS_MARK in body:
            body = with_helpers(body)
        loaded[name] = (fill(body, values).encode("utf-8"), content_type)
    return loaded


def frame_policy(allowed_origins: Iterable[str]) -> str:
    """The chat frame's policy: as every page's, but the allowed partner sites may embed it (the
    browser refuses it anywhere else, so the launcher never appears on other sites)."""
    ancestors = " ".join(["'self'", *allowed_origins])
    return PAGE_POLICY.replace("frame-ancestors 'self'", f"frame-ancestors {ancestors}")


class WidgetChannel(InputChannel):
    """Not a message channel of its own: residents talk over the Socket.IO or REST channel."""

    @classmethod
    def name(cls) -> Text:
        return "widget"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        files = load_files()
        font_files = fonts.load()
        policies = {FRAME: frame_policy(settings.load().allowed_origins)}
        widget = bootstrap.guarded(MountedBlueprint("chat_widget", URL_PREFIX))

        async def serve(request: Request, name: str = "") -> HTTPResponse:
            if name not in files:
                return raw(b"Not found", status=404, headers=COMMON_HEADERS)
            body, content_type = files[name]
            headers = dict(COMMON_HEADERS)
            if content_type == HTML:
                headers.update(REFERRER)
                headers["Content-Security-Policy"] = policies.get(name, PAGE_POLICY)
            return raw(body, content_type=content_type, headers=headers)

        async def serve_font(request: Request, name: str) -> HTTPResponse:
            if name not in font_files:
                return raw(b"Not found", status=404, headers=COMMON_HEADERS)
            return raw(font_files[name], content_type=fonts.CONTENT_TYPE, headers=fonts.HEADERS)

        widget.add_route(serve, "/", methods=["GET"], name="chat_demo")
        widget.add_route(serve_font, "/fonts/<name:str>", methods=["GET"], name="chat_font")
        widget.add_route(serve, "/<name:str>", methods=["GET"], name="chat_file")
        return widget

