# The two commands a new user needs:  make serve  (run it)  and  make test  (test it).
# Both install any missing tool first (scripts/install-tools.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test tools dist sizes geo check fuzz bench clean

## Build and serve the app on http://127.0.0.1:8080, rebuilding on change.
serve: tools
	trunk serve --release

## Every check and test: formatting, lints (host and wasm32), unit, data and browser tests.
test: tools check dist
	cargo test --workspace --all-targets --locked

tools:
	@scripts/install-tools.sh

## The release bundle in dist/ (opt-level z, LTO, wasm-opt -Oz). Trunk's post-build hook
## writes the whole page into index.html (cargo xtask prerender) and .br and .gz files beside
## each asset for static hosts; then the sizes are printed, and the public address used in
## canonical, og: and twitter: tags, sitemap.xml and robots.txt (SITE_URL, see README).
dist:
	trunk build --release --locked
	@$(MAKE) --no-print-directory sizes
	@cargo xtask site-url

## Raw, gzip and brotli size of every file in dist/.
sizes:
	@cargo xtask sizes dist

## Formatting and lints, for the host and for the browser's target; warnings are errors.
check:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

## Fuzz every parser with a million generated inputs (make test runs 20,000).
fuzz:
	cargo xtask fuzz 1000000

## The benchmark against D3 and Leaflet pages under mobile throttling (see bench/README.md).
bench: tools dist
	cargo run --release --package bench

## Re-derive geo/boroughs.geojson from the pinned vega-datasets package.
geo: tools
	cargo xtask geo tools/node_modules/vega-datasets/data/londonBoroughs.json geo/boroughs.geojson

clean:
	cargo clean
	rm -rf dist
