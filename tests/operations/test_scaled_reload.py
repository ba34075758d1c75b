"""Scale-out: a retrained model reaches every Rasa server of the set without a restart, and a
conversation that moves between servers carries on. `make test-scale` runs it."""
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from bot.operations import models, scaled_set
from bot.operations.settings import Settings
from tests.end_to_end.test_reload import LIVE_WITHIN_SECONDS, NEW, OLD, SUPPORT_QUESTION, train_with_changed_answer
from tests.helpers import TEST_LIMITS, free_port, joined, say, trained_model

pytestmark = pytest.mark.scale


def test_every_server_answers_with_the_new_model_within_60_s_of_saving():
    folder = Path(tempfile.mkdtemp(prefix="assistant-scale-reload-"))
    folder.chmod(0o755)  # PostgreSQL runs as its own user
    served = folder / "served" / "model.tar.gz"
    served.parent.mkdir()
    shutil.copy(trained_model(), served)
    shutil.copy(models.hash_record(trained_model()), models.hash_record(served))
    settings = Settings(rasa_host="127.0.0.1", rasa_port=free_port(), actions_port=free_port(),
                        tracker_db=folder / "unused.db", log_level="WARNING", limits=TEST_LIMITS)
    try:
        with (folder / "servers.log").open("w") as log:
            cluster = scaled_set.start(settings, served, folder, log=log, durable=False)
            try:
                resident = uuid.uuid4().hex
                say(cluster, "/start_notes", resident)
                assert "When did it happen" in joined(say(cluster, "a man shouted at me in the street", resident))
                for server in cluster.rasa:
                    assert OLD in joined(say(server, SUPPORT_QUESTION))

                saved_at = time.monotonic()
                train_with_changed_answer(folder / "staff", served)
                for server in cluster.rasa:  # each server, directly, not whichever nginx picks
                    while NEW not in joined(say(server, SUPPORT_QUESTION)):
                        assert time.monotonic() - saved_at < LIVE_WITHIN_SECONDS, "not live on every server"
                        time.sleep(1)
                assert "Where did it happen" in joined(say(cluster, "yesterday about 6pm", resident))
            finally:
                cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
