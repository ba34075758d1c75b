"""Redis, PostgreSQL and nginx from Debian's packages, started in a folder of ours on loopback.

`make run-scaled` and the scale-out tests use these to stand up, on one machine, what a council
would run as separate services (docs/scaling.md). Each runs in the foreground as our child, so
stopping (or killing, in the failover tests) is one signal. Nothing listens beyond 127.0.0.1.
"""
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, List, Optional

from bot.paths import ROOT

NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
START_TIMEOUT_SECONDS = 60
DEBIAN_PACKAGES = {"redis-server": "redis-server", "nginx": "nginx-light", "postgres": "postgresql"}


class MissingProgram(RuntimeError):
    """A server program is not installed; the message says which Debian package has it."""


def program(name: str) -> str:
    """The path of a server program; PostgreSQL's live outside PATH on Debian."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        package = DEBIAN_PACKAGES.get(name, "postgresql")
        raise MissingProgram(f"{name} is not installed: sudo apt-get install {package}")
    return found


@dataclass
class Service:
    """One server process of ours; ``kill()`` is the failover tests' sudden death."""

    name: str
    command: List[str]
    folder: Path
    ready: Callable[[], bool]
    user: Optional[str] = None  # run as this user (PostgreSQL refuses to run as root)
    process: Optional[subprocess.Popen] = field(default=None, init=False)
    log: Optional[IO] = field(default=None, init=False)

    def start(self) -> "Service":
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log = log = (self.folder / f"{self.name}.log").open("ab")
        self.process = subprocess.Popen(
            as_user(self.command, self.user), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not self.ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {log.name}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not start in {START_TIMEOUT_SECONDS}s; see {log.name}")
            time.sleep(0.1)
        return self

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)

    def _signal(self, signum: int) -> None:
        if self.running:
            os.killpg(self.process.pid, signum)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.log:
            self.log.close()


def as_user(command: List[str], user: Optional[str]) -> List[str]:
    return ["runuser", "-u", user, "--"] + command if user else command


def unprivileged_user() -> Optional[str]:
    """As root, PostgreSQL runs as its own Debian user; otherwise as whoever we are."""
    return "postgres" if os.geteuid() == 0 else None


def give_to(path: Path, user: Optional[str]) -> None:
    if user:
        entry = pwd.getpwnam(user)
        for folder in [path, *path.rglob("*")]:
            os.chown(folder, entry.pw_uid, entry.pw_gid)


def port_open(port: int) -> Callable[[], bool]:
    def check() -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex(("127.0.0.1", port)) == 0
    return check


def redis(folder: Path, port: int, password: str = "") -> Service:
    """Redis in memory only: no snapshot or append-only file, so nothing it holds reaches a disk."""
    command = [program("redis-server"), "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
               "--save", "", "--appendonly", "no", "--daemonize", "no"]
    if password:
        command += ["--requirepass", password]
    return Service("redis", command, folder, port_open(port))


@dataclass
class Postgres:
    """A PostgreSQL cluster in a folder of ours, with one database and a password-protected user."""

    folder: Path
    port: int
    database: str = "assistant"
    user: str = "assistant"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    service: Optional[Service] = None

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.database}"

    def start(self, durable: bool = True) -> "Postgres":
        """initdb on first use, then start; ``durable=False`` (tests) skips waiting for the disk."""
        data = self.folder / "data"
        owner = unprivileged_user()
        if not (data / "PG_VERSION").exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / "pw").write_text(self.password)
            give_to(self.folder, owner)
            subprocess.run(as_user([program("initdb"), "-D", str(data), "-U", self.user,
                                    "--pwfile", str(self.folder / "pw"), "--auth-host=scram-sha-256",
                                    "--auth-local=peer", "-E", "UTF8", "--no-sync"], owner),
                           check=True, stdout=subprocess.DEVNULL)
            (self.folder / "pw").unlink()
            first_start = True
        else:
            first_start = False
        options = ["-c", "listen_addresses=127.0.0.1", "-p", str(self.port), "-k", str(self.folder)]
        if not durable:
            options += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        self.service = Service("postgres", [program("postgres"), "-D", str(data)] + options, self.folder,
                               port_open(self.port), user=owner).start()
        if first_start:
            self._create_database()
        return self

    def _create_database(self) -> None:
        import psycopg2

        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                connection = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                              password=self.password, dbname="postgres")
                break
            except psycopg2.OperationalError:  # still starting up
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{self.database}"')
        connection.close()

    def stop(self) -> None:
        if self.service:
            self.service.stop()


def nginx(folder: Path, port: int, rasa_ports: List[int], actions_port: int, action_ports: List[int]) -> Service:
    """nginx in front: the public port shares messages among the Rasa servers, and the actions port
    shares the Rasa servers' action calls among the action servers (deploy/nginx.conf.template)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(nginx_config(folder, port, rasa_ports, actions_port, action_ports))
    return Service("nginx", [program("nginx"), "-c", str(config), "-p", str(folder), "-e", str(folder / "error.log")],
                   folder, port_open(port))


def nginx_config(folder: Path, port: int, rasa_ports: List[int], actions_port: int, action_ports: List[int]) -> str:
    values = {
        "folder": str(folder),
        "user": "user root;" if os.geteuid() == 0 else "",
        "port": str(port),
        "actions_port": str(actions_port),
        "rasa_servers": "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in rasa_ports),
        "action_servers": "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"
                                    for p in action_ports),
    }
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text
