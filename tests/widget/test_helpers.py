"""The widget's pure helpers, tested in Node (tests/widget/helpers.test.mjs): no browser, no model."""
import shutil
import subprocess

import pytest

from bot.paths import ROOT


def test_the_widget_helpers_pass_their_node_tests():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the widget's tests (it is already needed for `npm ci`)")
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "widget" / "helpers.test.mjs")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 7" in result.stdout
