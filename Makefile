# Two commands matter: `make run` and `make test`. Both install what is
# missing first. See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Must equal the `wasm-bindgen` version pinned in Cargo.toml.
WASM_BINDGEN_VERSION := 0.2.130

TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SITE_DIR := $(TARGET_DIR)/site
SERVER := $(TARGET_DIR)/debug/server
WASM := $(TARGET_DIR)/wasm32-unknown-unknown/wasm-release/app.wasm

# Where `make run` listens (`make run ADDRESS=0.0.0.0:8080`). Every other
# setting can be given as a LEARN_* environment variable (see docs/operators.md, "Configuration").
ADDRESS ?= 127.0.0.1:3000

export PATH := $(HOME)/.cargo/bin:$(PATH)

# Pages with islands need the browser build (wasm). No page has one today,
# so none is built, and no wasm tool installed, until one does.
ISLANDS := $(shell grep -rlE '^\s*\#\[(island|lazy)' app/src 2>/dev/null | head -n 1)

.PHONY: run test build release server wasm tools rust-tools browser-tools pdf-tools proxy-tools oidc-tools xapi-tools postgres integration-test e2e-test check bench fuzz clean

## run: build everything and serve the sample courses on SQLite at http://$(ADDRESS)
run: pdf-tools build
	$(SERVER) serve --address $(ADDRESS) --site-dir $(SITE_DIR)

## test: unit, integration (SQLite and PostgreSQL) and browser end-to-end tests
test: tools build
	$(MAKE) --no-print-directory integration-test e2e-test

build: server $(if $(ISLANDS),wasm)

server:
	cargo build --package server
	@mkdir -p $(SITE_DIR)

## release: an optimised server binary, and where it and its files are
release: pdf-tools $(if $(ISLANDS),wasm)
	cargo build --release --package server
	@mkdir -p $(SITE_DIR)
	@echo "server: $(abspath $(TARGET_DIR))/release/server ($$(du -h $(TARGET_DIR)/release/server | cut -f1))"
	@echo "courses: $(abspath courses) (--courses-dir); browser files: $(abspath $(SITE_DIR)) (--site-dir)"
	@echo "fonts for certificate PDFs: Debian's fonts-noto-core (/usr/share/fonts/truetype/noto)"
	@echo "deployment files: $(abspath deploy) (see docs/operators.md, Deploying)"

# The browser build, for pages with islands: size-optimised, then bound by
# the wasm-bindgen CLI of exactly the pinned version.
wasm: rust-tools
	cargo build --package app --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features hydrate
	wasm-bindgen --target web --no-typescript --out-dir $(SITE_DIR)/pkg --out-name app $(WASM)

## Unit tests and integration tests; PostgreSQL at TEST_POSTGRES_URL
## (default postgres://postgres@127.0.0.1:5432/test), started if it is down.
## The deployment test runs the release binary behind nginx.
integration-test: postgres pdf-tools proxy-tools oidc-tools xapi-tools lti-tools release
	LEARN_RELEASE_BIN=$(abspath $(TARGET_DIR))/release/server cargo test --workspace

e2e-test: browser-tools oidc-tools lti-tools postgres build
	SERVER_BIN=$(abspath $(SERVER)) SITE_DIR=$(abspath $(SITE_DIR)) COURSES_DIR=$(abspath courses) \
		node --test --test-concurrency=1 --test-force-exit end2end/tests/

## bench: benchmarks, release build (figures in docs/performance.md)
bench: proxy-tools
	@command -v wrk >/dev/null || { $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq wrk >/dev/null; }
	cargo build --release --package server --package bench
	$(TARGET_DIR)/release/http
	$(TARGET_DIR)/release/completions
	$(TARGET_DIR)/release/statistics
	$(TARGET_DIR)/release/studio

## fuzz: each fuzz target for FUZZ_SECONDS (default 60) with libFuzzer, seeded
## from the sample courses; not part of `make test`. Findings go to fuzz/artifacts/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := lesson_markdown enrolment_file typed_codes typed_fields
# cargo fuzz wants nightly flags; the stable compiler accepts them with
# RUSTC_BOOTSTRAP, and without a sanitizer the build needs nothing else.
FUZZ := cd fuzz && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$(abspath $(TARGET_DIR))/fuzz cargo fuzz
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@mkdir -p $(addprefix fuzz/corpus/,$(FUZZ_TARGETS))
	@find courses -name '*.md' ! -name README.md -exec sh -c 'cp "$$1" "fuzz/corpus/lesson_markdown/$$(sha1sum "$$1" | cut -c1-16)"' _ {} \;
	@printf 'name,username,cohort,gender,age_band,region,consent\r\nA B,ab.c,ABCD-EFGH,female,18-24,pk,yes\r\n"Q, ""x""",q_1,abcd efgh,,,,\r\n' > fuzz/corpus/enrolment_file/seed.csv
	@printf 'abcd-efgh-jkmn' > fuzz/corpus/typed_codes/reset; printf 'K7QM 2XPA' > fuzz/corpus/typed_codes/cohort
	@printf 'Amina Khan' > fuzz/corpus/typed_fields/name; printf 'amina.k' > fuzz/corpus/typed_fields/username
	@for target in $(FUZZ_TARGETS); do \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		( $(FUZZ) run --sanitizer none -O $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 ) || exit 1; \
	done

tools: $(if $(ISLANDS),rust-tools) browser-tools pdf-tools proxy-tools oidc-tools xapi-tools lti-tools

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# Debian's fonts for certificate PDFs (Latin, Cyrillic, Arabic script) and
# pdftotext, which the tests use to read names back out of a PDF.
pdf-tools:
	@[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] && command -v pdftotext >/dev/null || { \
		echo "installing Debian's fonts-noto-core and poppler-utils"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq fonts-noto-core poppler-utils >/dev/null; }

browser-tools:
	@command -v chromium >/dev/null || { \
		echo "installing Debian's Chromium"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null || { \
		echo "installing Debian's Java runtime, for the Nu HTML checker"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq default-jre-headless >/dev/null; }
	@[ -d end2end/node_modules/playwright-core ] && [ -d end2end/node_modules/jose ] && [ -d end2end/node_modules/vnu-jar ] || (cd end2end && npm ci --no-audit --no-fund)

# Debian's nginx: the scale test puts several instances behind it (the
# test starts its own on a free port; the system service is left alone).
proxy-tools:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
		echo "installing Debian's nginx"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq nginx >/dev/null; }

# PyPI's oidc-provider-mock: an OpenID Connect provider (authlib's) that
# the sign-in tests start on loopback, in a virtual environment of its own.
OIDC_PROVIDER_MOCK_VERSION := 0.3.4
oidc-tools:
	@[ -x .tools/python/bin/oidc-provider-mock ] || { \
		echo "installing oidc-provider-mock $(OIDC_PROVIDER_MOCK_VERSION) from PyPI"; \
		python3 -m venv .tools/python; \
		.tools/python/bin/pip install -q --disable-pip-version-check oidc-provider-mock==$(OIDC_PROVIDER_MOCK_VERSION); }

# PyPI's ralph-malph: a learning record store (xAPI) that the learning
# records tests start on loopback, in a virtual environment of its own.
RALPH_VERSION := 5.1.0
xapi-tools:
	@[ -x .tools/ralph/bin/ralph ] || { \
		echo "installing ralph-malph $(RALPH_VERSION) from PyPI"; \
		python3 -m venv .tools/ralph; \
		.tools/ralph/bin/pip install -q --disable-pip-version-check "ralph-malph[cli,lrs]==$(RALPH_VERSION)" requests; }

# PyPI's lti1p3platform: an LTI 1.3 platform (OpenLearning's), which the
# LTI tests drive as a partner's LMS on loopback (server/tests/lti_platform.py).
LTI1P3PLATFORM_VERSION := 0.1.8
lti-tools:
	@[ -f .tools/lti/ready-$(LTI1P3PLATFORM_VERSION) ] || { \
		echo "installing lti1p3platform $(LTI1P3PLATFORM_VERSION) from PyPI"; \
		python3 -m venv .tools/lti; \
		.tools/lti/bin/pip install -q --disable-pip-version-check lti1p3platform==$(LTI1P3PLATFORM_VERSION) \
			typing_extensions && touch .tools/lti/ready-$(LTI1P3PLATFORM_VERSION); }

# The local PostgreSQL, started when it is not answering (as on a fresh boot).
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2; }

## check: formatting and lints, as CI would want them (and the offline script parses)
check:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	node --check public/offline/records.js
	node --check public/offline/worker.js
	node --check public/offline/page.js
	node --check public/studio.js

clean:
	cargo clean
	rm -rf end2end/node_modules end2end/artifacts
