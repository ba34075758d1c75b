"""The fonts for the scripts that Arial lacks, served by the assistant under /chat/fonts/.

Noto Sans Arabic (for Urdu too), Bengali, Ethiopic, Gujarati and Gurmukhi come from pinned npm
packages (@fontsource, SIL Open Font License, installed by `npm ci`): the woff2 file with only
that script's glyphs, regular and bold. chat.css declares each with the script's unicode-range,
so a browser downloads a font only when text in its script is on screen. No CDN: the frame's
policy (default-src 'self') allows nothing else. The file name carries the package's version, so
a file can be cached for a year: a new version is a new address.
"""
import json
import re
from pathlib import Path
from typing import Dict

from bot.paths import ROOT

FONTSOURCE = ROOT / "node_modules" / "@fontsource"
SCRIPTS = ("arabic", "bengali", "ethiopic", "gujarati", "gurmukhi")
WEIGHTS = (400, 700)
CONTENT_TYPE = "font/woff2"
HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=31536000, immutable"}
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")


def package(script: str) -> Path:
    return FONTSOURCE / f"noto-sans-{script}"


def package_file(script: str, weight: int) -> Path:
    """The package's woff2 file of one script subset and weight."""
    return package(script) / "files" / f"noto-sans-{script}-{script}-{weight}-normal.woff2"


def version(script: str) -> str:
    manifest = package(script) / "package.json"
    if not manifest.exists():
        raise FileNotFoundError(f"{package(script)} is missing: run `make venv` (it runs npm ci)")
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def served_name(script: str, weight: int) -> str:
    """The name under /chat/fonts/, e.g. noto-sans-arabic-5.3.0-400.woff2."""
    return f"noto-sans-{script}-{version(script)}-{weight}.woff2"


def font_files() -> Dict[str, Path]:
    """Every served name -> its file in the package."""
    return {served_name(script, weight): package_file(script, weight) for script in SCRIPTS for weight in WEIGHTS}


def load() -> Dict[str, bytes]:
    """Read every font once at start-up; a missing one stops the server with a clear message."""
    files = font_files()
    for path in files.values():
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make venv` (it runs npm ci)")
    return {name: path.read_bytes() for name, path in files.items()}


def font_faces(css: str) -> str:
    """The @font-face rules of a stylesheet (chat.css's, shared with the pages' stylesheet)."""
    return "\n\n".join(FONT_FACE.findall(css))
