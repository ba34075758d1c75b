"""Only models this project trained are loaded: the archive's hash must match its training record."""
import pytest

from bot import model


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "config-0123456789abcdef.tar.gz"
    path.write_bytes(b"a trained model")
    model.hash_record(path).write_text(model.file_hash(path) + "\n", encoding="utf-8")
    return path


def test_a_model_with_its_training_record_is_trusted(archive):
    model.verify(archive)


def test_a_changed_model_is_refused(archive):
    archive.write_bytes(b"a model from somewhere else")
    with pytest.raises(model.ModelNotTrusted, match="changed since it was trained"):
        model.verify(archive)


def test_a_model_without_a_training_record_is_refused(archive):
    model.hash_record(archive).unlink()
    with pytest.raises(model.ModelNotTrusted, match="not trained here"):
        model.verify(archive)


def test_the_servers_refuse_to_start_with_an_untrusted_model(archive, tmp_path):
    from bot import servers
    from bot.settings import Settings

    archive.write_bytes(b"tampered")
    settings = Settings("127.0.0.1", servers.free_port(), servers.free_port(), tmp_path / "t.db", "WARNING")
    with pytest.raises(model.ModelNotTrusted):
        servers.start(settings, archive)
