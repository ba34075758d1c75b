"""A Rasa response generator that fills contact details from the directory file.

Rasa's own templated generator fills ``{placeholders}`` from slots only. This subclass adds the
directory's values, so responses in domain.yml say ``{victim_support.phone}`` and the number
itself lives in one file. It also fills the incident notes summary (bot/rules/notes.py), and puts the
999 or crisis guidance first when a message during the notes shows danger: the notes form asks
its next question before any rule could answer, so the guidance goes on the question itself.
In a conversation in another language (the slot ``language``), the answers that have a
translation come in that language, with its buttons (bot/rules/translations.py).
It runs inside the Rasa server: no extra service, no network call.
Enabled in endpoints.yml with ``nlg: type: bot.rasa_plugins.nlg.DirectoryNLG``.
"""
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from ruamel.yaml.error import MarkedYAMLError

from bot.operations import settings
from bot.paths import DIRECTORY_FILE, ROOT, TOPIC_TITLES_FILE
from bot.rules import answer_text, clarify, contact_again, directory, language, notes, translations

SAFETY_INTENTS = ("emergency", "crisis_self_harm")
NOTES_RESPONSES = tuple(f"utter_ask_{slot}" for slot in notes.SLOTS) + ("utter_notes_summary",)


class DirectoryNLG(TemplatedNaturalLanguageGenerator):
    """Templated responses plus the contact directory's placeholder values."""

    def __init__(self, endpoint_config: Optional[EndpointConfig], domain: Domain) -> None:
        super().__init__(domain.responses)
        configured = (endpoint_config.kwargs.get("directory") if endpoint_config else None)
        self.directory_path = Path(ROOT / configured if configured else DIRECTORY_FILE)
        self._content_stamp: Tuple[int, ...] = ()
        self._load_content()

    def _content_files(self) -> List[Path]:
        return [self.directory_path, TOPIC_TITLES_FILE, *sorted(translations.TRANSLATIONS_DIR.glob("*.yml"))]

    def _load_content(self) -> None:
        """Read the contact directory, topic titles and translations again if any file changed
        since they were read: staff changes to them are live at the next reply, with no restart
        and no training. A change that breaks a file, or leaves an answer's contact detail with no
        value (an entry renamed or cut off in a half-saved file), keeps the last good content:
        never an answer showing "{samaritans.phone}" instead of the number."""
        try:
            stamp = tuple(path.stat().st_mtime_ns for path in self._content_files())
            if stamp == self._content_stamp:
                return
            contacts = directory.load(self.directory_path)
            values, titles = directory.placeholder_values(contacts), clarify.load_titles()
            languages = translations.load_all()
            templates = [v.get("text") or "" for variations in self.responses.values() for v in variations]
            templates += [text for t in languages.values() for text in t.answers.values()]
            unfilled = answer_text.unfilled_contacts(templates, values)
            if unfilled and self._content_stamp:
                raise ValueError(f"contact details used by answers are missing: {sorted(unfilled)}")
        except (OSError, ValueError, KeyError, TypeError, MarkedYAMLError, directory.DirectoryError):
            if self._content_stamp:  # a file half-saved, broken or missing an entry: `make validate` says which
                return
            raise
        self.contacts, self.directory_values, self.topic_titles, self.translations = contacts, values, titles, languages
        self.unconfirmed = {entry for entry, contact in contacts.items() if not contact.confirmed}
        self._content_stamp = stamp

    def _response_variables(  # type: ignore[override]
        self, filled_slots: Dict[Text, Any], kwargs: Dict[Text, Any]
    ) -> Dict[Text, Any]:
        """Slots and action arguments first, then the notes summary, then the directory.

        The directory wins so that nothing a conversation sets can change a published number.
        """
        values = super()._response_variables(filled_slots, kwargs)
        values.update(notes.summary_values(filled_slots))
        values[answer_text.RETENTION_DAYS_VALUE] = str(settings.retention_days_here())
        values.update(self.directory_values)
        return values

    async def generate(
        self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        self._load_content()
        message = await self._generate_in_english(utter_action, tracker, output_channel, **kwargs)
        return self._in_conversation_language(utter_action, tracker, message)

    def _in_conversation_language(self, utter_action: Text, tracker: DialogueStateTracker,
                                  message: Optional[Dict[Text, Any]]) -> Optional[Dict[Text, Any]]:
        """The answer in the conversation's language, where it has a translation; the English
        answer's other parts (its urgency, for the widget) are kept."""
        code = tracker.get_slot(language.ENTITY)  # a typed payload can put anything here
        translation = self.translations.get(code) if isinstance(code, str) else None
        if message is None or translation is None:
            return message
        template = translations.answer_template(translation, utter_action)
        unconfirmed = answer_text.unconfirmed_shown(template, self.unconfirmed)
        translated = translations.answer(translation, utter_action, self.directory_values, bool(unconfirmed))
        if translated is None:
            return message
        custom = {**(message.get("custom") or {}), "lang": translation.code, "dir": translation.direction}
        return {**message, "text": translated["text"], "buttons": translated["buttons"], "custom": custom}

    async def _generate_in_english(
        self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        if utter_action == clarify.CLARIFY:
            return await self._clarify(tracker, output_channel, **kwargs)
        if utter_action == contact_again.RESPONSE:
            return await self._contact_again(tracker, output_channel, **kwargs)
        message = await self._with_check_line(utter_action, tracker, output_channel, **kwargs)
        danger = tracker.latest_message.intent.get("name") if tracker.latest_message else None
        if message is None or utter_action not in NOTES_RESPONSES or danger not in SAFETY_INTENTS:
            return message
        guidance = await super().generate(f"utter_{danger}", tracker, output_channel, **kwargs) or {}
        return {
            **message,
            "text": f"{guidance.get('text', '')}\n\n{message.get('text', '')}",
            "custom": {**(message.get("custom") or {}), **(guidance.get("custom") or {})},
        }

    async def _clarify(self, tracker: DialogueStateTracker, output_channel: Text,
                       **kwargs: Any) -> Optional[Dict[Text, Any]]:
        """The clarifying answer for the message just received: the likeliest topics as buttons,
        or "I can only read English" to a message in another language (bot/rules/clarify.py)."""
        parse_data = tracker.latest_message.parse_data if tracker.latest_message else {}
        response, suggested = clarify.choose(parse_data, self.topic_titles)
        message = await super().generate(response, tracker, output_channel, **kwargs)
        if message is not None and suggested:
            message = {**message, "buttons": suggested + list(message.get("buttons") or [])}
        return message

    async def _contact_again(self, tracker: DialogueStateTracker, output_channel: Text,
                             **kwargs: Any) -> Optional[Dict[Text, Any]]:
        """The details of the service the last answer named ("what's their number?"), or the list
        of support services if no answer has named one yet (bot/rules/contact_again.py)."""
        answers = [e.action_name for e in reversed(tracker.events) if isinstance(e, ActionExecuted) and e.action_name]
        texts = {name: [v.get("text") or "" for v in variations] for name, variations in self.responses.items()}
        service = contact_again.last_service(answers, texts)
        if service is None:
            return await super().generate(contact_again.NO_SERVICE_YET, tracker, output_channel, **kwargs)
        contact = self.contacts[service]
        details = dict(zip(contact_again.COMPUTED_VALUES, (contact.get("name") or service, contact.how_to_contact())))
        shown = [f"{service}.contact"] if service in self.unconfirmed else []
        return await self._with_check_line(contact_again.RESPONSE, tracker, output_channel, shown,
                                           **{**kwargs, **details})

    async def _with_check_line(self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text,
                               shown_unconfirmed: Optional[List[str]] = None,
                               **kwargs: Any) -> Optional[Dict[Text, Any]]:
        """The response, with utter_check_details added when it shows contact details that are not
        confirmed in the directory and does not already ask people to check them: nothing shown
        to residents may look more certain than it is. Confirming the entry removes the line."""
        message = await super().generate(utter_action, tracker, output_channel, **kwargs)
        templates = [v.get("text") or "" for v in self.responses.get(utter_action, [])]
        shown = shown_unconfirmed or [p for t in templates
                                      for p in answer_text.unconfirmed_shown(t, self.unconfirmed)]
        if message is None or not shown or answer_text.CHECK_ON_WEBSITE_RE.search(message.get("text") or ""):
            return message
        check = await super().generate(answer_text.CHECK_DETAILS_RESPONSE, tracker, output_channel, **kwargs) or {}
        return {**message, "text": f"{message.get('text', '')}\n{check.get('text', '')}"}
