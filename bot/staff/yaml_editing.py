"""Load and save YAML the way staff wrote it, and never leave a half-written file.

ruamel.yaml's round-trip mode keeps comments, key order and quoting; the indentation is read
from each file, and long lines are never wrapped, so an edit shows in `git diff` as just the
lines it changed.
"""
import io
import os
import tempfile
from pathlib import Path
from typing import Any, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.util import load_yaml_guess_indent


def load(path: Path) -> Tuple[Any, YAML]:
    """The file's content and a YAML instance set up to write it back in the same style."""
    return load_text(path.read_text(encoding="utf-8"))


def load_text(text: str) -> Tuple[Any, YAML]:
    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.indent(mapping=block_seq_indent or 2, sequence=indent or 2, offset=block_seq_indent or 0)
    return yaml.load(text), yaml


def dump(data: Any, yaml: YAML) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, flush it to disk, then swap it in.

    A crash or a full disk leaves either the old file or the new one, never half of one.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
