"""`make bench`: our configuration against Rasa's default, on our data, side by side in one run.

Both models are trained (Rasa's training cache off, so the times are real) and served together;
each load level runs on one, then the other, then again in the other order, so the machine's
noise hits both alike. Every reply is checked against tests/conversations.yml: a fast wrong
answer counts as a failure. The table is printed and written to docs/benchmarks.md.
`--smoke` is a few-second run of the same code on our model only, for `make test`.
"""
import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Dict, List, Optional

import aiohttp
import requests

from bot.operations import models, processes
from bot.paths import CONFIG_FILE, ROOT
from evaluation import realistic_set
from evaluation import report as evaluation_report
from evaluation import runner as evaluation_runner
from harness import cases, load_test

DEFAULT_CONFIG = ROOT / "bench" / "default-config.yml"
REPORT = ROOT / "docs" / "benchmarks.md"
TURNS_PER_CONVERSATION = 5
SAMPLE_TURNS = 10  # turns at each end of the long conversation whose median is compared


@dataclass
class Load:
    """One load level's results for one server."""

    latencies: List[float] = field(default_factory=list)
    wrong: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, other: "Load") -> None:
        self.latencies += other.latencies
        self.wrong += other.wrong
        self.errors += other.errors
        self.seconds += other.seconds

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


@dataclass
class Figures:
    name: str
    train_seconds: Optional[float] = None
    ready_seconds: float = 0.0
    accuracy: Optional[float] = None
    macro_f1: Optional[float] = None
    e2e_passed: int = 0
    e2e_total: int = 0
    # The realistic set (tests/realistic/, the understanding issue): single messages and
    # conversations answered right, as `make eval` judges them.
    realistic_messages: Optional[float] = None
    realistic_conversations: Optional[float] = None
    loads: Dict[int, Load] = field(default_factory=dict)
    rasa_peak_mb: float = 0.0
    actions_peak_mb: float = 0.0
    turn_1_ms: float = 0.0
    turn_200_ms: float = 0.0
    load_cpu_seconds: float = 0.0
    load_messages: int = 0
    load_check: Optional[load_test.LoadResult] = None


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) the process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def conversation(session: aiohttp.ClientSession, url: str, messages: List, load: Load,
                       check: bool) -> None:
    sender = uuid.uuid4().hex
    for text, expected in messages:
        started = time.perf_counter()
        try:
            async with session.post(url, json={"sender": sender, "message": text}) as response:
                replies = await response.json() if response.status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError):
            replies = None
        load.latencies.append((time.perf_counter() - started) * 1000)
        if replies is None:
            load.errors += 1
        elif check and not cases.reply_is_right("\n".join(r.get("text", "") for r in replies), expected):
            load.wrong += 1


async def run_load(url: str, users: int, total: int, check: bool, offset: int = 0) -> Load:
    """`users` people at once, each in conversations of a few turns, `total` messages in all."""
    case_list = cases.load_cases()
    per_user = max(TURNS_PER_CONVERSATION, total // users)
    load = Load()
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=users)) as session:
        async def user(index: int) -> None:
            for start in range(0, per_user, TURNS_PER_CONVERSATION):
                turns = [case_list[(offset + index * 7 + start + t) % len(case_list)]
                         for t in range(min(TURNS_PER_CONVERSATION, per_user - start))]
                await conversation(session, url, turns, load, check)

        started = time.perf_counter()
        await asyncio.gather(*(user(i) for i in range(users)))
        load.seconds = time.perf_counter() - started
    return load


async def long_conversation(url: str, turns: int) -> List[float]:
    """Latency of each turn of one conversation, to see what a growing tracker costs.

    The last SAMPLE_TURNS messages are the first ones again, so the two ends differ only in
    how long the conversation is, not in what was asked.
    """
    load = Load()
    case_list = cases.load_cases()
    messages = [case_list[i % len(case_list)] for i in range(turns - SAMPLE_TURNS)] + case_list[:SAMPLE_TURNS]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        await conversation(session, url, messages, load, check=False)
    return load.latencies


def heldout_scores(model_path: Path) -> tuple:
    """Held-out intent accuracy and macro F1, in a child process so its memory is not counted."""
    code = (
        "import asyncio, json, sys\n"
        "from rasa.core.agent import Agent\n"
        "from sklearn.metrics import f1_score\n"
        "from harness.cases import load_heldout\n"
        "agent = Agent.load(sys.argv[1])\n"
        "items = load_heldout()\n"
        "async def main():\n"
        "    return [(await agent.parse_message(t))['intent']['name'] for _, t in items]\n"
        "got = asyncio.run(main()); want = [i for i, _ in items]\n"
        "acc = sum(a == b for a, b in zip(want, got)) / len(want)\n"
        "print(json.dumps([acc, f1_score(want, got, average='macro', zero_division=0)]))\n"
    )
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", LOG_LEVEL="ERROR", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, str(model_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    accuracy, f1 = json.loads(out.strip().splitlines()[-1])
    return accuracy, f1


def timed_train(config: Path, measure: bool) -> tuple:
    """Train (without Rasa's cache when measuring) and return (models, seconds or None)."""
    if not measure:
        return models.train(config), None
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    started = time.perf_counter()
    path = models.train(config, force=True)
    return path, time.perf_counter() - started


def start(figures: Figures, model_path: Path, folder: Path) -> processes.Assistant:
    settings = processes.local_settings(folder / f"{figures.name}.db", "ERROR")
    log = (folder / f"{figures.name}.log").open("w")
    started = time.perf_counter()
    assistant = processes.start(settings, model_path, log=log)
    figures.ready_seconds = time.perf_counter() - started
    return assistant


def start_floor(folder: Path) -> tuple:
    port = processes.free_port()
    process = subprocess.Popen([sys.executable, "-m", "harness.bench_floor", "--port", str(port)], cwd=ROOT,
                               stdout=(folder / "floor.log").open("w"), stderr=subprocess.STDOUT)
    for _ in range(200):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}/webhooks/rest/webhook"


def default_config(epochs: Optional[int]) -> Path:
    """Rasa's default configuration; with ``epochs``, the same networks trained for fewer epochs.

    On this project's data DIET alone takes about 30 s an epoch on two cores, so the default's 100
    epochs (and TED's) take over an hour. Fewer epochs give the same networks, so the same cost per
    message, memory and start-up; only the default's accuracy and training time are then not
    comparable, and the table leaves them out."""
    if epochs is None:
        return DEFAULT_CONFIG
    shortened = ROOT / "results" / "bench" / f"default-config-{epochs}-epochs.yml"
    shortened.parent.mkdir(parents=True, exist_ok=True)
    shortened.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace("epochs: 100", f"epochs: {epochs}"),
                         encoding="utf-8")
    return shortened


def measure(args: argparse.Namespace) -> tuple:
    configs = [("ours", CONFIG_FILE)] + ([] if args.smoke else [("default", default_config(args.default_epochs))])
    levels = [1, 4] if args.smoke else [1, 20, 100]
    total = 10 if args.smoke else args.messages
    all_figures = {name: Figures(name) for name, _ in configs}
    floor = {level: Load() for level in levels}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        running = {}
        try:
            for name, config in configs:
                print(f"Training {name} ...", flush=True)
                path, all_figures[name].train_seconds = timed_train(config, measure=not args.smoke)
                comparable = name == "ours" or args.default_epochs is None
                if not comparable:
                    all_figures[name].train_seconds = None
                if not args.smoke and comparable:
                    all_figures[name].accuracy, all_figures[name].macro_f1 = heldout_scores(path)
                running[name] = start(all_figures[name], path, folder)
            floor_process, floor_url = start_floor(folder)
            for name, assistant in running.items():
                case_list = cases.load_cases()
                all_figures[name].e2e_total = len(case_list)
                load = asyncio.run(run_load(assistant.rest_webhook, 1, len(case_list), check=True))
                all_figures[name].e2e_passed = len(case_list) - load.wrong - load.errors
                if not args.smoke and (name == "ours" or args.default_epochs is None):
                    print(f"The realistic set: {name} ...", flush=True)
                    realistic = evaluation_report.figures(evaluation_runner.run(realistic_set.load(),
                                                                                assistant.rest_webhook))
                    all_figures[name].realistic_messages = evaluation_report.share(*realistic.messages)
                    all_figures[name].realistic_conversations = evaluation_report.share(*realistic.conversations)
            for level in levels:
                print(f"Load: {level} at once ...", flush=True)
                for round_number in range(1 if args.smoke else 2):
                    order = list(running.items())
                    order = order if round_number % 2 == 0 else order[::-1]
                    for name, assistant in order:
                        figures, cpu_before = all_figures[name], cpu_seconds(assistant.process(processes.RASA).pid)
                        result = asyncio.run(run_load(assistant.rest_webhook, level, total, check=True,
                                                      offset=round_number))
                        figures.load_cpu_seconds += cpu_seconds(assistant.process(processes.RASA).pid) - cpu_before
                        figures.load_messages += len(result.latencies)
                        figures.loads.setdefault(level, Load()).add(result)
                    floor[level].add(asyncio.run(run_load(floor_url, level, total, check=False)))
            turns = 20 if args.smoke else 200
            for name, assistant in running.items():
                latencies = asyncio.run(long_conversation(assistant.rest_webhook, turns))
                all_figures[name].turn_1_ms = statistics.median(latencies[:SAMPLE_TURNS])
                all_figures[name].turn_200_ms = statistics.median(latencies[-SAMPLE_TURNS:])
                all_figures[name].rasa_peak_mb = peak_rss_mb(assistant.process(processes.RASA).pid)
                all_figures[name].actions_peak_mb = peak_rss_mb(assistant.process(processes.ACTIONS).pid)
            floor_process.terminate()
            ours = running["ours"]
            print("Load test: many conversations at once, then the store ...", flush=True)
            all_figures["ours"].load_check = load_test.run(
                ours.rest_webhook, ours.settings.tracker_url, *((10, 3) if args.smoke else (200, 20)))
        finally:
            for assistant in running.values():
                assistant.stop()
    return all_figures, floor, levels


def ratio(ours: Optional[float], default: Optional[float]) -> str:
    if ours is None or default is None or not default:
        return ""
    return f"{ours / default:.2f}x"


def table(all_figures: Dict[str, Figures], floor: Dict[int, Load], levels: List[int]) -> str:
    ours, default = all_figures["ours"], all_figures.get("default")
    rows = []

    def row(label: str, get, fmt: str) -> None:
        mine = get(ours)
        base = get(default) if default else None
        show = lambda v: "" if v is None else format(v, fmt)  # noqa: E731
        rows.append((label, show(mine), show(base), ratio(mine, base)))

    row("Held-out intent accuracy", lambda f: f.accuracy, ".1%")
    row("Held-out macro F1", lambda f: f.macro_f1, ".3f")
    row("End-to-end replies right (of %d)" % ours.e2e_total, lambda f: f.e2e_passed, "d")
    row("Realistic set: single messages right", lambda f: f.realistic_messages, ".1%")
    row("Realistic set: conversations right", lambda f: f.realistic_conversations, ".1%")
    for level in levels:
        row(f"{level} at once: messages/s", lambda f, level=level: f.loads[level].per_second, ".1f")
        for p, name in ((50, "median"), (95, "95th"), (99, "99th")):
            row(f"{level} at once: {name} ms", lambda f, level=level, p=p: f.loads[level].percentile(p), ".0f")
        row(f"{level} at once: wrong or failed replies",
            lambda f, level=level: f.loads[level].wrong + f.loads[level].errors, "d")
        rows.append((f"{level} at once: floor (fixed reply) msgs/s, median ms",
                     f"{floor[level].per_second:.0f}/s, {floor[level].percentile(50):.1f} ms", "", ""))
    row("Rasa server CPU per message under load, ms",
        lambda f: 1000 * f.load_cpu_seconds / f.load_messages if f.load_messages else None, ".1f")
    row("Start to ready, s (model trained)", lambda f: f.ready_seconds, ".1f")
    row("Rasa server peak memory, MB", lambda f: f.rasa_peak_mb, ".0f")
    row("Action server peak memory, MB", lambda f: f.actions_peak_mb, ".0f")
    row("Training time, s", lambda f: f.train_seconds, ".0f")
    row("Turn 1 median ms", lambda f: f.turn_1_ms, ".0f")
    row("Turn 200 median ms", lambda f: f.turn_200_ms, ".0f")
    row("Turn 200 / turn 1", lambda f: f.turn_200_ms / f.turn_1_ms if f.turn_1_ms else None, ".2f")
    header = ("Measure", "Ours", "Rasa default", "Ours / default")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness bench")
    parser.add_argument("--smoke", action="store_true", help="a few seconds, our model only, no report file")
    parser.add_argument("--messages", type=int, default=300, help="messages per load level, per round")
    parser.add_argument("--default-epochs", type=int, help="train the default's networks for this many epochs "
                        "(same cost per message; its accuracy and training time are then left out)")
    args = parser.parse_args(argv)
    all_figures, floor, levels = measure(args)
    result = table(all_figures, floor, levels)
    checked = all_figures["ours"].load_check
    result += f"\n\nLoad test (ours, one server): {checked.summary()}."
    stamp = f"Run {datetime.now():%Y-%m-%d %H:%M} on {machine()}"
    if args.default_epochs is not None:
        stamp += (f". Rasa default trained for {args.default_epochs} epochs instead of 100 (same networks, so the "
                  "same cost per message); its accuracy and training time are not shown")
    print(f"\n{stamp}\n\n{result}")
    if not args.smoke:
        text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
        marker = "<!-- latest run -->"
        before = text.split(marker)[0] if marker in text else text
        REPORT.write_text(f"{before.rstrip()}\n\n{marker}\n## Latest run\n\n{stamp}\n\n{result}\n", encoding="utf-8")
        print(f"\nWritten to {REPORT.relative_to(ROOT)}")
    return 0 if checked.passed else 1


if __name__ == "__main__":
    sys.exit(main())
