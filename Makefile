# Two commands do everything on a fresh machine: `make run` and `make test`.
# Python 3.10 is found through .python-version (pyenv) unless PYTHON=... is given.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: run train reload shell validate lint test test-unit test-stories test-e2e test-widget browser lock clean help venv \
	add-example add-intent set-response set-contact check-links stats bench purge privacy-report audit eval \
	safety-report language-report \
	test-scale run-scaled scale-services

help:
	@echo "The two commands that do everything:"
	@echo "  make run           set up, train if needed, start the assistant"
	@echo "  make test          the whole test suite (lint first)"
	@echo "Running:"
	@echo "  make run-scaled    several Rasa servers behind nginx, on PostgreSQL and Redis (docs/scaling.md)"
	@echo "  make shell         talk to the assistant in the terminal"
	@echo "  make train         train a model if the data or config changed"
	@echo "  make reload        validate and train: a running assistant switches to the new model by itself"
	@echo "  make purge         delete conversations older than RETENTION_DAYS (make run does it daily)"
	@echo "Checking:"
	@echo "  make lint          ruff (Python) and ESLint (the widget's scripts)"
	@echo "  make validate      the training data, answers and contact directory"
	@echo "  make test-unit, make test-stories, make test-e2e, make test-widget   parts of make test"
	@echo "  make test-scale    the scale-out and failover tests (CI runs them after make test)"
	@echo "  make eval          how well residents' own words are understood (tests/realistic/), by topic"
	@echo "  make privacy-report  how well personal details are redacted"
	@echo "  make safety-report   how well danger and crisis messages are caught, and false alarms"
	@echo "  make language-report how well other languages are recognised, and danger caught in them"
	@echo "  make bench         our configuration against Rasa's default (docs/benchmarks.md)"
	@echo "  make audit         known vulnerabilities in the pinned packages"
	@echo "Staff shortcuts (see docs/staff-guide.md):"
	@echo "  make add-example INTENT=ask_forum TEXT=\"how do i join the forum\""
	@echo "  make add-intent NAME=ask_new FILE=data/nlu/council.yml ANSWER=\"...\" EXAMPLES=examples.txt"
	@echo "  make set-response NAME=utter_thank TEXT=\"...\""
	@echo "  make set-contact ID=samaritans FIELD=phone VALUE=\"116 123\""
	@echo "  make check-links   make stats [CSV=stats.csv]"
	@echo "Maintenance: make lock (re-pin packages), make clean"

# The virtual environment is rebuilt whenever the pinned versions change.
$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 8) <= v <= (3, 10) else \
	  "Rasa 3.6 needs Python 3.8 to 3.10; this is %d.%d. Install 3.10 (pyenv install 3.10) " \
	  "or run: make PYTHON=/path/to/python3.10" % v)'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==24.0"
	$(PY) -m pip install --quiet --no-deps -r requirements.lock
	$(PY) -m pip check
	touch $@

# Front-end packages (the Socket.IO client the widget loads, axe-core for the tests), from the lock file.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

venv: $(VENV)/.installed node_modules/.installed

# Debian's Chromium for the widget tests (Playwright drives it; it downloads no browser of its own).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is needed for the widget tests: sudo apt-get install chromium"; exit 1; \
	  fi; }

train: venv
	$(PY) -m bot train

# A staff change to answers or examples, live without a restart: check, then train; every running
# server loads the new model within MODEL_PULL_SECONDS (bot/operations/model_server.py).
reload: validate train
	@echo "Trained. A running assistant answers with the new model within $${MODEL_PULL_SECONDS:-10} seconds."

run: venv
	$(PY) -m bot run

shell: venv
	$(PY) -m bot shell

validate: venv
	$(PY) -m bot validate

# Staff shortcuts: each runs the matching `python -m bot` command (see docs/staff-guide.md).
add-example: venv
	$(PY) -m bot add-example "$(INTENT)" "$(TEXT)"

add-intent: venv
	$(PY) -m bot add-intent "$(NAME)" --file "$(FILE)" --answer "$(ANSWER)" --examples-file "$(EXAMPLES)"

set-response: venv
	$(PY) -m bot set-response "$(NAME)" "$(TEXT)"

set-contact: venv
	$(PY) -m bot set-contact "$(ID)" "$(FIELD)" "$(VALUE)"

# Our configuration against Rasa's default, side by side; writes docs/benchmarks.md (about 20 minutes).
bench: venv
	$(PY) -m harness bench

check-links: venv
	$(PY) -m bot check-links

# The realistic evaluation set (tests/realistic/, written apart from the training data): every
# message sent over REST, each reply checked for what the person needs; fails below the floors.
eval: venv train
	$(PY) -m evaluation run

# How well personal details are redacted, on tests/redaction_cases.yml (fails below target).
privacy-report: venv
	$(PY) -m harness privacy-report

# How well the safety check catches danger and crisis, and its false alarms, on tests/safety_cases.yml
# (the rules alone, then with the trained model); fails if the rules miss a danger or crisis case.
safety-report: venv train
	$(PY) -m harness safety-report

# How well languages are recognised and danger caught in them, on tests/languages/recognition_set.yml,
# and how many English messages are taken for another language (docs/languages.md).
language-report: venv
	$(PY) -m harness language-report

# Known vulnerabilities in every pinned package (needs the internet; see docs/security.md).
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/.installed: requirements-audit.lock
	rm -rf $(AUDIT_VENV)
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet --no-deps -r requirements-audit.lock
	touch $@

audit: $(AUDIT_VENV)/.installed
	$(AUDIT_VENV)/bin/pip-audit --strict --requirement requirements.lock --no-deps --disable-pip --desc on

# Delete conversations older than RETENTION_DAYS (make run also does this daily).
purge: venv
	$(PY) -m bot purge

stats: venv
	$(PY) -m bot stats $(if $(CSV),--csv "$(CSV)")

test: venv lint train validate test-unit test-stories test-e2e eval test-widget

# Python (ruff) and the widget's scripts (ESLint), both pinned; configured in pyproject.toml and
# eslint.config.mjs. `make test` runs it first.
lint: venv
	$(VENV)/bin/ruff check .
	npx --no-install eslint bot/widget tests/widget

test-unit: venv
	$(PY) -m pytest -m "not e2e and not model and not browser and not scale" -q

test-stories: venv train
	$(PY) -m rasa test core --stories tests/test_stories.yml --fail-on-prediction-errors --out results/stories \
		--model "$$($(PY) -c 'from bot.operations.models import current_model_path as m; print(m())')"

test-e2e: venv train
	$(PY) -m pytest -m "(e2e or model) and not browser" -q

test-widget: venv train browser
	$(PY) -m pytest -m browser -q

# Scale-out (docs/scaling.md): 2 Rasa servers and 2 action servers behind nginx, on PostgreSQL and
# Redis, all started by the tests on loopback; failover, outage and throughput. CI runs it after `make test`.
test-scale: venv train scale-services
	$(PY) -m pytest -m scale -q

# The whole scaled set locally: PostgreSQL, Redis, RASA_REPLICAS Rasa servers, ACTION_REPLICAS
# action servers, nginx on RASA_PORT. Services named in .env (DATABASE_URL, REDIS_HOST) are used instead.
run-scaled: venv scale-services
	$(PY) -m bot run-scaled

# Debian's redis-server, nginx and PostgreSQL (installed when run as root, otherwise named).
scale-services:
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v nginx >/dev/null || missing="$$missing nginx-light"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "The scaled set needs Debian packages:$$missing. Install them with: sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

# Re-pin every package: after `.venv/bin/pip install NAME==VERSION` (and adding it to pyproject.toml).
lock:
	@test -x $(PY) || { echo "No $(VENV) yet: run make venv first"; exit 1; }
	{ echo "# Exact versions of every package, so a fresh install gives the same result."; \
	  echo "# Regenerate with: make lock  (after changing the direct dependencies in pyproject.toml)"; \
	  $(PY) -m pip freeze --all | grep -v '^pip=='; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) models results var .pytest_cache
