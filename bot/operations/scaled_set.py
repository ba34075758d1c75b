"""Several Rasa servers and action servers behind nginx, sharing PostgreSQL and Redis.

This is Rasa's own way to scale (stateless Rasa processes, a shared SQL tracker store, a Redis
lock store) laid out on one machine: `make run-scaled` and the scale-out tests start it. Where
DATABASE_URL or REDIS_HOST is set, that service is used; where not, one is started in a folder
of ours on loopback. Ports inside the set are chosen free at start; only RASA_PORT (nginx, the
public address) and ACTIONS_PORT (nginx, for the Rasa servers' action calls) are fixed.
"""
import dataclasses
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, List, Optional

from bot.operations import backing_services, processes
from bot.operations.backing_services import Postgres, Service
from bot.operations.processes import Assistant, ServesRest, free_port
from bot.operations.settings import Settings


@dataclass
class ScaledAssistant(ServesRest):
    """The running set. ``settings`` are the public ones (nginx's ports, the shared stores)."""

    settings: Settings
    nginx: Service
    rasa: List[Assistant] = field(default_factory=list)
    actions: List[Assistant] = field(default_factory=list)
    redis: Optional[Service] = None  # ours, if we started it
    postgres: Optional[Postgres] = None  # ours, if we started it

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def processes(self) -> list:
        """Every process that must keep running (for `make run-scaled`'s watch)."""
        return [p for server in self.rasa + self.actions for p in server.processes] + [
            s.process for s in (self.nginx, self.redis, self.postgres and self.postgres.service) if s]

    def stop(self) -> None:
        """Front to back: nginx first, so nothing new arrives, then the processes, then the stores."""
        self.nginx.stop()
        with ThreadPoolExecutor() as pool:
            list(pool.map(Assistant.stop, self.rasa + self.actions))
        if self.redis:
            self.redis.stop()
        if self.postgres:
            self.postgres.stop()


def start(settings: Settings, model: Path, folder: Path, log: Optional[IO] = None,
          durable: bool = True, follow_project: bool = False) -> ScaledAssistant:
    """Start the stores (unless configured), the action processes, the Rasa servers and nginx.

    ``folder`` holds our PostgreSQL's data (kept between runs), Redis's and nginx's files and the
    logs. ``durable=False`` lets PostgreSQL skip waiting for the disk (tests only). Each Rasa
    server has its own model server (``follow_project``: see processes.start).
    """
    redis_service = postgres = nginx = None
    started: List[Assistant] = []
    try:
        if not settings.redis.enabled:
            redis_settings = dataclasses.replace(settings.redis, host="127.0.0.1", port=free_port(),
                                                 password=secrets.token_urlsafe(24))
            redis_service = backing_services.redis(
                folder / "redis", redis_settings.port, redis_settings.password).start()
            settings = dataclasses.replace(settings, redis=redis_settings)
        if not settings.database_url:
            postgres = local_postgres(folder / "postgres").start(durable)
            settings = dataclasses.replace(settings, database_url=postgres.url)

        action_ports = [free_port() for _ in range(settings.action_replicas)]
        rasa_ports = [free_port() for _ in range(settings.rasa_replicas)]
        nginx = backing_services.nginx(folder / "nginx", settings.rasa_port, rasa_ports,
                                     settings.actions_port, action_ports).start()
        # Each Rasa server reaches the action servers through nginx (ACTIONS_PORT) and reads the
        # client's address from nginx's X-Forwarded-For.
        behind_nginx = dataclasses.replace(settings, proxies_count=1)
        actions = start_together([dataclasses.replace(behind_nginx, actions_port=port) for port in action_ports],
                                 model, log, processes.ACTIONS, started)
        rasa = start_together([dataclasses.replace(behind_nginx, rasa_port=port, model_server_port=free_port())
                               for port in rasa_ports], model, log, processes.RASA, started, follow_project)
    except BaseException:
        for part in [nginx, *started, redis_service, postgres]:
            if part:
                part.stop()
        raise
    return ScaledAssistant(settings, nginx, rasa, actions, redis_service, postgres)


def start_together(each: List[Settings], model: Path, log: Optional[IO], part: str,
                   started: List[Assistant], follow_project: bool = False) -> List[Assistant]:
    """Start one server per settings at the same time (a Rasa server takes seconds to load its
    model); each one that starts goes into `started`, so a failure can stop them all."""
    with ThreadPoolExecutor() as pool:
        futures = [pool.submit(processes.start, one, model, log, [part], follow_project=follow_project)
                   for one in each]
    running = [future.result() for future in futures if not future.exception()]
    started.extend(running)
    failed = [future.exception() for future in futures if future.exception()]
    if failed:
        raise failed[0]
    return running


def local_postgres(folder: Path) -> Postgres:
    """Our PostgreSQL in `folder`, on a free port; its password is made once and kept beside it."""
    password_file = folder / "password"
    if not password_file.exists():
        folder.mkdir(parents=True, exist_ok=True)
        password_file.touch(mode=0o600)
        password_file.write_text(secrets.token_urlsafe(24))
    return Postgres(folder, free_port(), password=password_file.read_text().strip())
