"""`python -m bot validate`: Rasa's own data checks plus our content rules, in words staff can act on."""
import subprocess
import sys
from pathlib import Path

from bot.paths import ROOT
from bot.staff import content_checks, yaml_checks


def rasa_validate(root: Path) -> bool:
    """Rasa's checks (stories, rules, domain); its warnings count as failures."""
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings",
         "--domain", str(root / "domain.yml"), "--data", str(root / "data"), "--config", str(root / "config.yml")],
        cwd=root, capture_output=True, text=True,
    )
    if result.returncode != 0:
        lines = [line for line in (result.stdout + result.stderr).splitlines()
                 if ("UserWarning" in line or "ERROR" in line or "Error" in line) and "Deprecat" not in line]
        print("Rasa's own checks failed:")
        print("\n".join("  " + line.strip() for line in lines[-20:]) or "  (run `rasa data validate` to see why)")
    return result.returncode == 0


def run(root: Path = ROOT, with_rasa: bool = True) -> int:
    """Print every problem as file:line and a summary; 1 if there is any error, else 0."""
    problems = content_checks.check(yaml_checks.Project(root))
    for problem in sorted(problems, key=lambda p: (not p.error, str(p.file), p.line)):
        print(problem.render(root))
    errors = sum(p.error for p in problems)
    warnings = len(problems) - errors
    rasa_ok = rasa_validate(root) if with_rasa and not errors else True
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if errors or not rasa_ok:
        print(f"\nNot ready: {summary}. Fix the errors above, then run `make validate` again.")
        return 1
    print(f"\nAll good: {summary}." + (" Rasa's own checks passed too." if with_rasa else ""))
    return 0
