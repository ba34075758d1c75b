"""A staff change reaches a running assistant without a restart, and no conversation is lost.

The change is made as staff make it: an answer edited in domain.yml, the model trained again. The
running servers' model server (bot/operations/model_server.py) sees the new trained archive and
the Rasa server loads it on its next poll, while a resident is half-way through the notes.
"""
import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from bot.operations import models
from bot.paths import ROOT
from tests.helpers import joined, running_assistant, say, trained_model
from tests.staff_fixtures import project_copy, replace_in

pytestmark = pytest.mark.e2e

OLD = "You do not have to deal with this alone."
NEW = "You are not on your own with this."
SUPPORT_QUESTION = "how can i get support after a hate crime"
LIVE_WITHIN_SECONDS = 60


def train_with_changed_answer(folder, target):
    """Edit the support answer in a copy of the project and train it, as `make reload` does."""
    folder.mkdir()
    project = project_copy(folder)
    replace_in(project / "domain.yml", OLD, NEW)
    subprocess.run([sys.executable, "-m", "rasa", "train", "--config", str(project / "config.yml"),
                    "--domain", str(project / "domain.yml"), "--data", str(project / "data"),
                    "--out", str(folder / "trained"), "--fixed-model-name", "changed", "--skip-validation"],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    archive = folder / "trained" / "changed.tar.gz"
    models.record(archive)
    # Put in place as `make train` leaves it: the record, then the archive, each whole.
    shutil.copy(models.hash_record(archive), models.hash_record(target))
    archive.replace(target)


def test_a_retrained_answer_is_live_within_60_s_and_a_conversation_carries_on(tmp_path):
    served = tmp_path / "served" / "model.tar.gz"
    served.parent.mkdir()
    shutil.copy(trained_model(), served)
    shutil.copy(models.hash_record(trained_model()), models.hash_record(served))
    with running_assistant(tmp_path, model=served) as assistant:
        resident = uuid.uuid4().hex
        say(assistant, "/start_notes", resident)
        assert "When did it happen" in joined(say(assistant, "a man shouted at me in the street", resident))
        assert OLD in joined(say(assistant, SUPPORT_QUESTION))

        saved_at = time.monotonic()
        train_with_changed_answer(tmp_path / "staff", served)
        while NEW not in joined(say(assistant, SUPPORT_QUESTION)):
            assert time.monotonic() - saved_at < LIVE_WITHIN_SECONDS, "the new answer is not live yet"
            time.sleep(1)

        # The resident half-way through the notes carries on where they were.
        assert "Where did it happen" in joined(say(assistant, "yesterday about 6pm", resident))
