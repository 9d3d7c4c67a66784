#!/usr/bin/env bash
# Installs everything building and testing the map need, and skips whatever is already there at
# the pinned version. Safe to run again and again: `make serve` and `make test` both start here.
#
# Assumes Debian 12 with rustup, Node.js/npm and apt (as root, or with sudo for apt).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# The CLI must equal the wasm-bindgen crate that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

step "Rust toolchain and wasm32 target (rust-toolchain.toml)"
# `rustup show` installs the toolchain and targets that rust-toolchain.toml names, if missing.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup target add wasm32-unknown-unknown >/dev/null
rustc --version

step "Trunk $TRUNK_VERSION"
if have_version trunk "trunk $TRUNK_VERSION"; then
  echo "already installed"
else
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  echo "already installed"
else
  # Not --locked: the CLI's own lock file names a dependency version that can no longer be had.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "wasm-opt (binaryen), esbuild and the boundary source, from tools/package-lock.json"
if [ -x tools/node_modules/.bin/wasm-opt ] && [ -x tools/node_modules/.bin/esbuild ] && [ tools/node_modules/.package-lock.json -nt tools/package-lock.json ]; then
  echo "already installed"
else
  (cd tools && npm ci --no-audit --no-fund)
fi
tools/node_modules/.bin/wasm-opt --version
echo "esbuild $(tools/node_modules/.bin/esbuild --version)"

step "Browsers and their WebDriver drivers (Debian packages)"
# Each package with the program that shows it is there: Chromium and ChromeDriver, Firefox ESR,
# WebKitGTK's WebDriver (which drives its MiniBrowser) and Xvfb, the display MiniBrowser needs.
missing=()
for pair in chromium:chromium chromium-driver:chromedriver firefox-esr:firefox-esr \
  webkit2gtk-driver:WebKitWebDriver xvfb:Xvfb; do
  command -v "${pair#*:}" >/dev/null 2>&1 || missing+=("${pair%%:*}")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "already installed"
else
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq "${missing[@]}"
fi
chromedriver --version
firefox-esr --version
dpkg-query -W -f='${Package} ${Version}\n' webkit2gtk-driver xvfb

step "geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver)"
if have_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
  echo "already installed"
else
  cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi
