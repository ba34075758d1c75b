"""check-links against a real local HTTP server: fine, moved, dead, too slow, refused, offline."""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.staff import links
from tests.helpers import free_port

SEEN_AGENTS = []


class Site(BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802
        SEEN_AGENTS.append(self.headers.get("User-Agent"))
        if self.path == "/no-head":
            return self.reply(405)
        self.do_GET()

    def do_GET(self):  # noqa: N802
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/new")
            self.end_headers()
            return
        self.reply(404 if self.path == "/gone" else 200)

    def reply(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_each_kind_of_link_gets_the_right_verdict(site, capsys):
    refused = f"http://127.0.0.1:{free_port()}/"
    urls = [f"{site}/ok", f"{site}/old", f"{site}/gone", f"{site}/slow", f"{site}/no-head", refused]
    results = {r.url: r for r in links.check_links(urls, timeout=0.5)}
    assert results[f"{site}/ok"].verdict == "ok"
    assert results[f"{site}/old"].verdict == "moved" and results[f"{site}/old"].final_url == f"{site}/new"
    assert results[f"{site}/gone"].verdict == "dead" and results[f"{site}/gone"].status == 404
    assert results[f"{site}/slow"].verdict == "no answer" and "0.5 seconds" in results[f"{site}/slow"].problem
    assert results[f"{site}/no-head"].verdict == "ok"  # HEAD refused, GET answered
    assert results[refused].verdict == "no answer" and "could not connect" in results[refused].problem
    assert links.report(list(results.values())) == 1
    out = capsys.readouterr().out
    assert f"-> now {site}/new (update the directory)" in out
    assert "6 links checked: 2 fine, 4 to look at." in out
    assert set(SEEN_AGENTS) == {links.USER_AGENT}


def test_with_no_network_it_says_so_instead_of_calling_links_dead(capsys):
    urls = [f"http://127.0.0.1:{free_port()}/a", f"http://127.0.0.1:{free_port()}/b"]
    assert links.report(links.check_links(urls, timeout=0.5)) == 2
    assert "no internet connection" in capsys.readouterr().out


def test_the_directory_links_include_every_web_address_and_source(contacts):
    found = links.directory_links(contacts)
    assert "https://www.report-it.org.uk" in found and "https://www.samaritans.org" in found
    assert all(url.startswith("http") for url in found)
