"""A throwaway copy of the project's content for staff-tool tests to break and edit."""
import shutil
from pathlib import Path

from bot.paths import ROOT


def project_copy(folder: Path) -> Path:
    copy = folder / "project"
    copy.mkdir()
    for part in ("domain.yml", "config.yml", "data", "content"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / part)
    return copy


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
