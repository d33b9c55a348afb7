# coursecost: `make serve` and `make test` are all a newcomer needs.
# Every target installs what it is missing first, idempotently.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
CARGO ?= cargo
# Pinned to the wasm-bindgen crate version in Cargo.lock (checked by scripts/tools.sh).
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)
WASM := target/wasm32-unknown-unknown/release/coursecost.wasm
TYPES_WASM := target/wasm32-unknown-unknown/debug/coursecost.wasm
# Builds of the one crate, all without std: the package's engine, and its
# staff engine with clinic sheets, quotes and Good Faith Estimates
# (`--features staff`), both with "did you mean" suggestions; each has a
# debug twin with `--features types`, the same exports plus the tsify
# interfaces, that only the `.d.ts` is taken from. And the visitor page's
# engine (below).
VISITOR_WASM := target/wasm/coursecost.wasm
STAFF_WASM := target/wasm/coursecost_staff.wasm
# The visitor page's own build of the engine: the npm engine without "did
# you mean" suggestions, which the page never shows (the same exports).
PAGE_WASM := target/wasm/coursecost_page.wasm
RUST_SOURCES := $(shell find src data -type f 2>/dev/null) Cargo.toml Cargo.lock

.PHONY: help tools node-deps browser pkg site serve test test-clients test-native test-wasm test-wasm-browser test-node test-page lint bench fuzz clean

help:
	@echo "make serve   build and serve the page at http://127.0.0.1:$(PORT)/"
	@echo "make test    install what is missing, then run every test"
	@echo "make pkg     build the npm package into pkg/"
	@echo "make site    build the page into target/site/ (what make serve serves)"
	@echo "make bench   run the benchmarks, writing BENCHMARKS.md"
	@echo "make fuzz    fuzz plans and clinic sheets (nightly; FUZZ_SECONDS=1800)"

## Installs ---------------------------------------------------------------

tools:
	@scripts/tools.sh rust $(WASM_BINDGEN_VERSION)

node_modules/.installed: package.json package-lock.json
	@scripts/tools.sh node
	@touch $@

node-deps: node_modules/.installed

browser:
	@scripts/tools.sh chromium

## Build ------------------------------------------------------------------

$(VISITOR_WASM): $(RUST_SOURCES)
	$(CARGO) build --release --target wasm32-unknown-unknown --lib --no-default-features --features suggestions
	mkdir -p target/wasm && cp $(WASM) $@
	$(CARGO) build --target wasm32-unknown-unknown --lib --no-default-features --features types
	cp $(TYPES_WASM) target/wasm/coursecost.types.wasm

# After the visitor build: both write $(WASM) and $(TYPES_WASM).
$(STAFF_WASM): $(RUST_SOURCES) | $(VISITOR_WASM)
	$(CARGO) build --release --target wasm32-unknown-unknown --lib --no-default-features --features staff,suggestions
	mkdir -p target/wasm && cp $(WASM) $@
	$(CARGO) build --target wasm32-unknown-unknown --lib --no-default-features --features types,staff
	cp $(TYPES_WASM) target/wasm/coursecost_staff.types.wasm

# After the staff build, for the same reason.
$(PAGE_WASM): $(RUST_SOURCES) | $(STAFF_WASM)
	$(CARGO) build --release --target wasm32-unknown-unknown --lib --no-default-features
	mkdir -p target/wasm && cp $(WASM) $@

pkg/package.json: $(VISITOR_WASM) $(STAFF_WASM) scripts/build-pkg.mjs scripts/bundle.mjs data/presets.json $(wildcard npm/*) $(shell find www/embed www/shared -type f) | tools node-deps
	node scripts/build-pkg.mjs

pkg: tools node-deps pkg/package.json

# The page as served: www/ with each page's modules bundled (esbuild).
target/site/index.html: pkg/package.json $(PAGE_WASM) scripts/build-site.mjs $(shell find www benches/page -type f) | node-deps
	node scripts/build-site.mjs

site: pkg target/site/index.html

## Serve ------------------------------------------------------------------

serve: site
	node scripts/serve.mjs --port $(PORT)

## Test -------------------------------------------------------------------

test: tools node-deps lint test-native site test-wasm test-wasm-browser test-node test-page test-clients
	@echo "make test: all suites passed"

lint: tools
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	$(CARGO) clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
	$(CARGO) clippy --target wasm32-unknown-unknown --lib --no-default-features --features staff -- -D warnings
	$(CARGO) clippy --target wasm32-unknown-unknown --lib --no-default-features --features types,staff -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps --quiet

test-native: tools
	$(CARGO) test

test-wasm: tools
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  $(CARGO) test --target wasm32-unknown-unknown --test wasm

test-wasm-browser: tools browser
	scripts/wasm-browser-test.sh

test-node: site
	node --test tests/node/

# The visitor page in headless Chromium; screenshots land in target/screenshots/.
test-page: site browser
	node --test --test-concurrency=1 tests/browser/

# The packed package built into real apps: Next.js, Vite, webpack, esbuild,
# Rollup, Node (ES modules, CommonJS, a server bundle), Jest, Vitest,
# TypeScript, publint and attw. Installs their tools once into
# target/clients/tools (scripts/clients.sh); after that, no network.
test-clients: pkg browser
	scripts/clients.sh

# Writes BENCHMARKS.md: native, Node and Chromium timings, sizes, twiggy.
bench: site browser
	@command -v twiggy >/dev/null || cargo install twiggy
	node scripts/bench.mjs > /dev/null

# Fuzzes plans and clinic sheets (nightly + cargo-fuzz; not part of `make test`).
# FUZZ_SECONDS=1800 make fuzz. New inputs go to fuzz/corpus/ (not committed);
# the seeds are fuzz/seeds/.
FUZZ_SECONDS ?= 1800
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	mkdir -p fuzz/corpus/inputs
	cargo +nightly fuzz run inputs fuzz/corpus/inputs fuzz/seeds -- \
	  -dict=fuzz/json.dict -max_len=16384 -max_total_time=$(FUZZ_SECONDS)

clean:
	rm -rf target pkg node_modules
