"""Train a model only when what it is built from has changed.

The model's name carries a hash of its inputs (config, domain, training data, pinned packages),
so "is there a model for the current data?" is a file lookup, and CI or `make run` never spend
minutes retraining an unchanged assistant. The contact directory is not an input: it is read at
run time, so a changed phone number needs a restart, not a retrain.
"""
import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Iterable, List

from bot.paths import CONFIG_FILE, DATA_DIR, DOMAIN_FILE, MODELS_DIR, ROOT

LOCK_FILE = ROOT / "requirements.lock"


def training_inputs() -> List[Path]:
    """Every file whose content decides what the trained model does."""
    return [CONFIG_FILE, DOMAIN_FILE, LOCK_FILE] + sorted(DATA_DIR.rglob("*.yml"))


def fingerprint(files: Iterable[Path]) -> str:
    """A short hash of the files' names and contents, stable across machines."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def current_model_path(config: Path = CONFIG_FILE) -> Path:
    """Where the model for the current inputs is (or will be) stored."""
    inputs = [config if p == CONFIG_FILE else p for p in training_inputs()]
    return MODELS_DIR / f"{config.stem}-{fingerprint(inputs)}.tar.gz"


def train(config: Path = CONFIG_FILE, force: bool = False) -> Path:
    """Return the model for the current inputs, training it first if it does not exist."""
    target = current_model_path(config)
    if target.exists() and not force:
        print(f"Model is up to date: {target.relative_to(ROOT)}")
        return target
    print(f"Training {target.relative_to(ROOT)} ...", flush=True)
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", str(config),
        "--domain", str(DOMAIN_FILE),
        "--data", str(DATA_DIR),
        "--out", str(MODELS_DIR),
        "--fixed-model-name", target.name[: -len(".tar.gz")],
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    if not target.exists():
        raise RuntimeError(f"rasa train finished but {target} was not written")
    return target
