"""Train a model only when what it is built from has changed, and load only models we trained.

The model's name carries a hash of its inputs (config, domain, training data, pinned packages),
so "is there a model for the current data?" is a file lookup, and CI or `make run` never spend
minutes retraining an unchanged assistant. The contact directory is not an input: it is read at
run time, so a changed phone number needs a restart, not a retrain.

A Rasa model archive holds code-like data (Rasa 3.6.21 fixed a flaw where a crafted model could
run code when loaded). Training records the archive's SHA-256 beside it; the servers refuse to
load an archive whose hash does not match (bot/operations/processes.py), so a swapped or damaged file is
never loaded.
"""
import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Iterable, List

from bot.paths import CONFIG_FILE, DATA_DIR, DOMAIN_FILE, MODELS_DIR, ROOT

LOCK_FILE = ROOT / "requirements.lock"


# The code of our trainable components: it decides what a trained model holds and how it is saved.
TRAINED_CODE = [ROOT / "bot" / "rasa_plugins" / name for name in
                ("intent_classifier.py", "linear_model_files.py", "known_words.py")]


def training_inputs() -> List[Path]:
    """Every file whose content decides what the trained model does."""
    return [CONFIG_FILE, DOMAIN_FILE, LOCK_FILE] + TRAINED_CODE + sorted(DATA_DIR.rglob("*.yml"))


def fingerprint(files: Iterable[Path]) -> str:
    """A short hash of the files' names and contents, stable across machines."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class ModelNotTrusted(RuntimeError):
    """The archive is not one this project trained, or it changed since."""


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as archive:
        for block in iter(lambda: archive.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_record(model_path: Path) -> Path:
    return model_path.with_name(model_path.name + ".sha256")


def record(model_path: Path) -> None:
    """Write the archive's hash beside it, as training does: the servers load only such archives."""
    hash_record(model_path).write_text(file_hash(model_path) + "\n", encoding="utf-8")


def verify(model_path: Path) -> None:
    """Raise ModelNotTrusted unless the archive's hash is the one recorded when it was trained."""
    record = hash_record(model_path)
    if not record.exists():
        raise ModelNotTrusted(f"{model_path.name} has no training record ({record.name}), so it was not "
                              "trained here. Run `make train` to train the assistant's own model.")
    if file_hash(model_path) != record.read_text(encoding="utf-8").strip():
        raise ModelNotTrusted(f"{model_path.name} has changed since it was trained. Delete it and "
                              "run `make train`.")


def current_model_path(config: Path = CONFIG_FILE) -> Path:
    """Where the model for the current inputs is (or will be) stored."""
    inputs = [config if p == CONFIG_FILE else p for p in training_inputs()]
    return MODELS_DIR / f"{config.stem}-{fingerprint(inputs)}.tar.gz"


def train(config: Path = CONFIG_FILE, force: bool = False) -> Path:
    """Return the model for the current inputs, training it first if it does not exist."""
    target = current_model_path(config)
    if target.exists() and hash_record(target).exists() and not force:
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
        # Rasa's own data checks take a third of the training time, and `make validate` runs
        # them (with ours) before every `make test` and `make reload`.
        "--skip-validation",
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    if not target.exists():
        raise RuntimeError(f"rasa train finished but {target} was not written")
    record(target)
    return target
