"""The safeguards stay on whatever channels are configured, and a server without them refuses
to start (bot/safeguards/bootstrap.py), against the real servers."""
import subprocess
import sys
import uuid

import pytest
import requests

from bot.operations import processes
from bot.paths import CREDENTIALS_FILE, ENDPOINTS_FILE
from tests.helpers import running_assistant, trained_model

pytestmark = pytest.mark.e2e

WITHOUT_WIDGET = "\n".join(
    line for line in CREDENTIALS_FILE.read_text(encoding="utf-8").splitlines()
    if "WidgetChannel" not in line
) + "\n"


def test_without_the_widget_channel_every_safeguard_is_still_in_place(tmp_path):
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(WITHOUT_WIDGET, encoding="utf-8")
    with running_assistant(tmp_path, credentials=credentials) as assistant:
        assert requests.get(assistant.url + "/chat/", timeout=10).status_code == 404  # the widget is gone
        sender = uuid.uuid4().hex
        other_site = requests.post(assistant.rest_webhook, json={"sender": sender, "message": "hello"},
                                   headers={"Origin": "https://not-a-partner.example"}, timeout=30)
        assert other_site.status_code == 403  # the origin check
        weak_id = requests.post(assistant.rest_webhook, json={"sender": "aaaaaaaaaaaaaaaa", "message": "hello"},
                                timeout=30)
        assert weak_id.status_code == 400  # the message checks
        too_long = requests.post(assistant.rest_webhook + "/", json={"sender": sender, "message": "a" * 15000},
                                 timeout=30)
        assert too_long.status_code == 413 and "999" in too_long.text  # the limits, by route
        assert requests.get(assistant.url + "/status", timeout=10).status_code in (403, 404)  # the API is off
        requests.post(assistant.rest_webhook, json={"sender": sender, "message": "my name is Zebedee Quux"},
                      timeout=30).raise_for_status()
    assert "Zebedee" not in (tmp_path / "servers.log").read_text()  # the log redaction


def test_a_rasa_server_started_without_the_bootstrap_refuses_to_start(tmp_path):
    settings = processes.local_settings(tmp_path / "tracker.db")
    plain_rasa = [sys.executable, "-m", "rasa", "run", "--model", str(trained_model()),
                  "--endpoints", str(ENDPOINTS_FILE), "--credentials", str(CREDENTIALS_FILE),
                  "--port", str(settings.rasa_port)]
    result = subprocess.run(plain_rasa, env=settings.env(), capture_output=True, text=True, timeout=300,
                            stdin=subprocess.DEVNULL)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Refusing to start: the origin check, the message limits" in output
