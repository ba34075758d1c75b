"""What the widget's browser tests share: Debian's Chromium, driven by Playwright."""
import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            # Playwright turns the back-forward cache off; people's browsers keep it on.
            ignore_default_args=["--disable-back-forward-cache"],
        )
        yield launched
        launched.close()
