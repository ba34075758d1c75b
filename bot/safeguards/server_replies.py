"""The answers the server sends itself, without asking the model: too long, too fast, try again."""
from typing import Dict

from rasa.core.nlg.interpolator import interpolate_text
from ruamel.yaml import YAML

from bot.paths import DOMAIN_FILE
from bot.rules import directory
from bot.rules.answer_text import SERVER_SENT_RESPONSES


def load_replies() -> Dict[str, str]:
    """The answers the server sends itself, from domain.yml (staff edit them like any other answer), filled in."""
    responses = YAML(typ="safe").load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"]
    values = directory.placeholder_values(directory.load())
    return {name: interpolate_text(responses[name][0]["text"], values) for name in SERVER_SENT_RESPONSES}
