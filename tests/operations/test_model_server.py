"""The model server the Rasa servers poll: the trained archive with its hash as ETag, "not
modified" when the server already has it, and never an archive that fails the hash check."""
import threading
from http.server import ThreadingHTTPServer

import pytest
import requests

from bot.operations import model_server, models


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "model.tar.gz"
    path.write_bytes(b"first model")
    models.record(path)
    return path


@pytest.fixture
def url(archive):
    server = ThreadingHTTPServer(("127.0.0.1", 0), model_server.handler_for(model_server.ModelSource(archive)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{model_server.PATH}"
    server.shutdown()


def test_the_trained_archive_is_served_with_its_hash_then_not_sent_again(url, archive):
    first = requests.get(url, timeout=5)
    assert first.status_code == 200 and first.content == b"first model"
    assert first.headers["ETag"] == models.file_hash(archive)
    assert requests.get(url, headers={"If-None-Match": first.headers["ETag"]}, timeout=5).status_code == 304


def test_a_new_trained_archive_is_served_and_a_tampered_one_never(url, archive):
    old_tag = requests.get(url, timeout=5).headers["ETag"]
    archive.write_bytes(b"second model")
    models.record(archive)
    new = requests.get(url, headers={"If-None-Match": old_tag}, timeout=5)
    assert new.status_code == 200 and new.content == b"second model"

    archive.write_bytes(b"swapped by someone")  # the record still says "second model"
    kept = requests.get(url, timeout=5)
    assert kept.content == b"second model" and kept.headers["ETag"] == new.headers["ETag"]


def test_nothing_but_the_model_is_served(url):
    assert requests.get(url.replace("/model", "/etc/passwd"), timeout=5).status_code == 404


def test_a_model_server_that_stops_is_started_again_on_its_port(archive, tmp_path):

    from bot.operations import processes

    settings = processes.local_settings(tmp_path / "tracker.db")
    assistant = processes.Assistant(settings)
    assistant.model_server_start = (processes.model_server_command(settings, archive, False), settings.env(), None)
    assistant.processes.append(processes.start_model_server(settings, archive, None))
    try:
        first = assistant.processes[0]
        wait_for(settings.model_server_url)
        first.kill()
        first.wait()
        assistant.revive_model_server()
        assert assistant.processes[0] is not first
        assert wait_for(settings.model_server_url).content == b"first model"
    finally:
        assistant.stop()


def wait_for(url):
    import time

    for _ in range(100):
        try:
            return requests.get(url, timeout=2)
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")
