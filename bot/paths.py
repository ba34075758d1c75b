"""Where the project's files are, resolved from this package so commands work from any folder."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRECTORY_FILE = ROOT / "content" / "directory.yml"
TOPIC_TITLES_FILE = ROOT / "content" / "topic_titles.yml"
DOMAIN_FILE = ROOT / "domain.yml"
CONFIG_FILE = ROOT / "config.yml"
ENDPOINTS_FILE = ROOT / "endpoints.yml"
CREDENTIALS_FILE = ROOT / "credentials.yml"
DATA_DIR = ROOT / "data"
NLU_DIR = DATA_DIR / "nlu"
MODELS_DIR = ROOT / "models"
TESTS_DIR = ROOT / "tests"
