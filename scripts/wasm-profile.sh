#!/usr/bin/env bash
# What the app's WebAssembly is made of: the release module as `make dist` builds it, optimised
# the same way but keeping function names, then `twiggy top`: the largest items, and the
# shallow bytes summed by crate (raw bytes, before compression). Run after `make dist`. The
# imports keep wasm-bindgen's long names here: the build renames them after (xtask/src/imports.rs).
#   scripts/wasm-profile.sh [items]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
items="${1:-15}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/borough-map.wasm
wasm-opt -Oz --converge -g --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/borough-map_bg.wasm" -o "$out/named.wasm"
twiggy top -n 100000 "$out/named.wasm" | grep -v '"function names" subsection' > "$out/top.txt"
echo "## Largest items (shallow bytes; the names section left out)"
head -n $((items + 2)) "$out/top.txt"
echo
echo "## By crate (shallow bytes)"
awk -F'┊' 'NR > 2 && $1 ~ /[0-9]/ {
  name = $3; gsub(/^ +| +$/, "", name)
  if (name ~ /^(data segment|import|export|elem|table|type|code)/) { split(name, w, /[ "\[]/); crate = w[1] }
  else if (name ~ /^Σ|^\.\.\./) next
  else {
    # The crate of the item: the first segment of its path; for a method of a trait on a type
    # without a path (`<char as core::fmt::Debug>::fmt`), the crate of the trait.
    sub(/^[<&(]+/, "", name); sub(/^(dyn |mut )/, "", name)
    if (name !~ /^[a-z_][a-z0-9_]*(\[|::)/ && match(name, / as [a-z_][a-z0-9_]*/)) name = substr(name, RSTART + 4)
    crate = name; sub(/(\[|::).*/, "", crate)
  }
  bytes[crate] += $1
} END { for (c in bytes) printf "%8d  %s\n", bytes[c], c }' "$out/top.txt" | sort -rn | head -n "$items"
