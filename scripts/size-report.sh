#!/usr/bin/env bash
# Where the bytes of the release wasm go: the 30 largest functions and data items, and the total per crate, from
# twiggy (crates.io) run on the wasm that `scripts/build.sh` (Trunk) compiled before wasm-bindgen and wasm-opt —
# the same code, with its name section, so every item has a name. Writes docs/size-report.md (the date, the
# build's sizes and both tables) and prints it. Shares are of that pre-optimisation wasm; wasm-opt shrinks every
# item, so they are proportions, not the shipped bytes (`scripts/sizes.sh` gives those).
#
#   scripts/size-report.sh            # after scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM="${FOLIO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/folio-spa.wasm"
OUT=docs/size-report.md
TWIGGY_VERSION=0.8.0

if ! twiggy --version 2>/dev/null | grep -q "$TWIGGY_VERSION"; then
  echo "[size-report] installing twiggy $TWIGGY_VERSION (about 3 minutes)" >&2
  cargo install -q twiggy --version "$TWIGGY_VERSION"
fi
[ -f "$WASM" ] || { echo "[size-report] no $WASM: run scripts/build.sh first" >&2; exit 1; }

items=$(mktemp)
trap 'rm -f "$items"' EXIT
# Every item, largest first: shallow size in bytes, share, name.
twiggy top --format csv -n 1000000 "$WASM" >"$items"

python3 - "$items" "$WASM" "$OUT" <<'PY'
import csv, datetime, os, re, sys

items_csv, wasm, out = sys.argv[1:4]
rows = []
with open(items_csv, newline="") as f:
    for r in csv.DictReader(f):
        rows.append((int(r["ShallowSize"]), r["Name"]))
# The name section, wasm-bindgen's custom section and its `__wbindgen_describe_*` functions (which only tell the CLI
# the types, and are removed by it) never ship: leave them out, so shares are of the code and data that do.
def ships(name):
    return not (name.startswith('"') or name.startswith("custom section") or "__wbindgen_describe" in name)

kept = [(size, name) for size, name in rows if ships(name)]
total = sum(size for size, _ in kept)

PRIMITIVES = {"f32", "f64", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize", "bool", "str",
              "char", "dyn", "impl", "T", "F", "mut", "const"}

def crate(name):
    """The crate an item belongs to: the first path segment of its Rust symbol that names a crate (for
    `<A as B>::f`, A's crate, or B's when A is a primitive), else what kind of item it is."""
    for m in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", name):
        if m.group(1) not in PRIMITIVES:
            return m.group(1)
    if name.startswith("data segment"):
        return "(static data)"
    return "(unnamed)"

by_crate = {}
for size, name in kept:
    by_crate[crate(name)] = by_crate.get(crate(name), 0) + size

now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
lines = [
    "# Where the wasm's bytes go",
    "",
    f"Made by `scripts/size-report.sh` on {now}, from `{wasm}`:",
    f"the release build before wasm-bindgen and wasm-opt, with its name section. Shares are of its {total:,} bytes of code and data (the name section and",
    "wasm-bindgen's custom section and type descriptions, which do not ship, left out);",
    "wasm-opt then shrinks every item, and the shipped sizes are in `docs/embed.md` (`scripts/sizes.sh`). Run the script again after a change: this page is its output.",
    "",
    "## By crate",
    "",
    "| crate | bytes | share |",
    "|---|---:|---:|",
]
for c, size in sorted(by_crate.items(), key=lambda kv: -kv[1])[:25]:
    lines.append(f"| `{c}` | {size:,} | {100 * size / total:.2f} % |")
lines += ["", "## The 30 largest items", "", "| bytes | share | item |", "|---:|---:|---|"]
for size, name in kept[:30]:
    shown = re.sub(r"::h[0-9a-f]{16}$", "", name)
    shown = shown if len(shown) <= 110 else shown[:107] + "..."
    shown = shown.replace("|", "\\|")
    lines.append(f"| {size:,} | {100 * size / total:.2f} % | `{shown}` |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
