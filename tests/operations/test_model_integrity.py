"""Only models this project trained are loaded: the archive's hash must match its training record."""
import pytest

from bot.operations import models


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "config-0123456789abcdef.tar.gz"
    path.write_bytes(b"a trained model")
    models.record(path)
    return path


def test_a_model_with_its_training_record_is_trusted(archive):
    models.verify(archive)


def test_a_changed_model_is_refused(archive):
    archive.write_bytes(b"a model from somewhere else")
    with pytest.raises(models.ModelNotTrusted, match="changed since it was trained"):
        models.verify(archive)


def test_a_model_without_a_training_record_is_refused(archive):
    models.hash_record(archive).unlink()
    with pytest.raises(models.ModelNotTrusted, match="not trained here"):
        models.verify(archive)


def test_the_servers_refuse_to_start_with_an_untrusted_model(archive, tmp_path):
    from bot.operations import processes
    from bot.operations.settings import Settings

    archive.write_bytes(b"tampered")
    settings = Settings("127.0.0.1", processes.free_port(), processes.free_port(), tmp_path / "t.db", "WARNING")
    with pytest.raises(models.ModelNotTrusted):
        processes.start(settings, archive)
