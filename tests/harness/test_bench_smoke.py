"""The benchmark runs end to end and produces its table (a few seconds; figures are not asserted)."""
import pytest

from harness import bench

pytestmark = pytest.mark.e2e


def test_smoke_run_prints_a_table_with_every_reply_right(capsys):
    assert bench.main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "| Measure" in out and "1 at once: messages/s" in out and "Start to ready" in out
    wrong = [line for line in out.splitlines() if "wrong or failed replies" in line]
    assert wrong and all(line.split("|")[2].strip() == "0" for line in wrong), wrong
    assert "End-to-end replies right (of " in out
    cpu = next(line for line in out.splitlines() if "CPU per message" in line)
    assert float(cpu.split("|")[2]) > 0  # the server did the work, and it was counted
