"""The model server each Rasa server polls, so a newly trained model goes live without a restart.

Rasa documents this mechanism (endpoints.yml ``models:``): the Rasa server asks the URL every
MODEL_PULL_SECONDS, sending the fingerprint of the model it has as ``If-None-Match``; the answer
is "304 Not Modified", or the new archive with its fingerprint as ``ETag``, which Rasa loads while
conversations carry on (they live in the tracker store, not in the model).

This server runs beside each Rasa server, on loopback only (bot/operations/processes.py). It
serves one archive: a fixed file, or, when following the project (``make run``), the model for
the project's current data once `make train` has written it. It serves only an archive whose
SHA-256 matches the record written when it was trained (bot/operations/models.py), and it sends
exactly the bytes it checked: an archive being replaced is never half-served. Until a new
trusted model exists, it keeps serving the last one.

    python -m bot.operations.model_server --port 5056 [--model models/config-....tar.gz]
"""
import argparse
import hashlib
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import List, Optional, Tuple

from bot.operations import models

PATH = "/model"


@dataclass
class Served:
    path: Path
    stamp: Tuple[int, int]
    digest: str
    body: bytes


class ModelSource:
    """Which archive to serve now, read and checked again only when its file changes."""

    def __init__(self, fixed: Optional[Path] = None) -> None:
        self.fixed = fixed
        self.served: Optional[Served] = None

    def wanted(self) -> Path:
        return self.fixed or models.current_model_path()

    def current(self) -> Optional[Served]:
        path = self.wanted()
        try:
            stamp = (path.stat().st_mtime_ns, path.stat().st_size)
            if self.served and (self.served.path, self.served.stamp) == (path, stamp):
                return self.served
            body = path.read_bytes()
            record = models.hash_record(path).read_text(encoding="utf-8").strip()
        except OSError:
            return self.served  # not trained yet, or being written: keep the last one
        digest = hashlib.sha256(body).hexdigest()
        if digest != record:
            return self.served  # not the archive that was trained (or not finished): never served
        self.served = Served(path, stamp, digest, body)
        return self.served


def handler_for(source: ModelSource) -> type:
    class ModelHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            served = source.current() if self.path.split("?", 1)[0] == PATH else None
            if served is None:
                self.send_response(404)
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == served.digest:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/gzip")
            self.send_header("Content-Length", str(len(served.body)))
            self.send_header("ETag", served.digest)
            self.send_header("filename", served.path.name)
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: a request every few seconds from each Rasa server says nothing useful."""

    return ModelHandler


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.operations.model_server", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--model", type=Path, help="serve this archive; without it, the project's current model")
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(ModelSource(args.model)))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
