"""What to say when the model is not sure what a message meant.

A generic "I did not understand" leaves an upset person to guess again. Instead, the clarifying
answer offers the two or three topics the model thought likeliest, as buttons ("Did you mean one
of these?"), and says plainly that this assistant reads English only when the message was in
another language it has no translation for (bot/rules/language.py; the languages it has get the
essentials in that language instead, bot/rules/translations.py). Pure functions of the message's parse data, so they are
tested without a model; bot/rasa_plugins/nlg.py uses them inside the Rasa server.
"""
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from ruamel.yaml import YAML

from bot.paths import TOPIC_TITLES_FILE
from bot.rules import language

CLARIFY = "utter_clarify"
DID_YOU_MEAN = "utter_did_you_mean"
NOT_ENGLISH = "utter_not_english"
# Sent in place of utter_clarify, so no rule names them.
IN_PLACE_OF_CLARIFY = (DID_YOU_MEAN, NOT_ENGLISH)
MAX_SUGGESTIONS = 3
# Below this the model's guess is noise; a topic that unlikely is not worth a button.
MIN_CONFIDENCE = 0.05


def load_titles(path: Path = TOPIC_TITLES_FILE) -> Dict[str, str]:
    """Topic (intent) name -> its short title, from content/topic_titles.yml."""
    return dict(YAML(typ="safe").load(path.read_text(encoding="utf-8"))["titles"])


def suggestions(ranking: List[Dict[str, Any]], titles: Mapping[str, str]) -> List[Dict[str, str]]:
    """Buttons for the likeliest topics with a title, best first."""
    buttons = []
    for candidate in ranking:
        name = candidate.get("name")
        if name in titles and (candidate.get("confidence") or 0) >= MIN_CONFIDENCE:
            buttons.append({"title": titles[name], "payload": f"/{name}"})
        if len(buttons) == MAX_SUGGESTIONS:
            break
    return buttons


def choose(parse_data: Mapping[str, Any], titles: Mapping[str, str]) -> Tuple[str, Optional[List[Dict[str, str]]]]:
    """The response to send in place of utter_clarify, and the suggestion buttons to put first."""
    if language.from_entities(parse_data.get("entities")) not in (None, language.ENGLISH):
        return NOT_ENGLISH, None
    buttons = suggestions(parse_data.get("intent_ranking") or [], titles)
    if len(buttons) >= 2:
        return DID_YOU_MEAN, buttons
    return CLARIFY, None
