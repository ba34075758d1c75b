"""A Rasa response generator that fills contact details from the directory file.

Rasa's own templated generator fills ``{placeholders}`` from slots only. This subclass adds the
directory's values, so responses in domain.yml say ``{victim_support.phone}`` and the number
itself lives in one file. It runs inside the Rasa server: no extra service, no network call.
Enabled in endpoints.yml with ``nlg: type: bot.nlg.DirectoryNLG``.
"""
from pathlib import Path
from typing import Any, Dict, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from bot import directory
from bot.paths import DIRECTORY_FILE, ROOT


class DirectoryNLG(TemplatedNaturalLanguageGenerator):
    """Templated responses plus the contact directory's placeholder values."""

    def __init__(self, endpoint_config: Optional[EndpointConfig], domain: Domain) -> None:
        super().__init__(domain.responses)
        configured = (endpoint_config.kwargs.get("directory") if endpoint_config else None)
        path = ROOT / configured if configured else DIRECTORY_FILE
        self.directory_values = directory.placeholder_values(directory.load(Path(path)))

    def _response_variables(  # type: ignore[override]
        self, filled_slots: Dict[Text, Any], kwargs: Dict[Text, Any]
    ) -> Dict[Text, Any]:
        """Slots and action arguments first, then the directory, which always wins.

        The directory wins so that nothing a conversation sets can change a published number.
        """
        values = super()._response_variables(filled_slots, kwargs)
        values.update(self.directory_values)
        return values
