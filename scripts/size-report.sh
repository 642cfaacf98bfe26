#!/usr/bin/env bash
# Where the bytes of the embed's release wasm go: the lite module that one `<folio-reader>` on a Folio JSON API loads
# (the 30 largest functions and data items and the total per crate), what the full module (with the `mapping`
# feature: the mapping language and presets) adds to it, by module, and what the SPA's module (`folio-spa`) carries
# that the embed's leave out (the SPA shell, the demo index, the mapping playground). From twiggy (crates.io) run on
# the wasm that `scripts/build.sh` compiled before wasm-bindgen and wasm-opt (embed/build.sh keeps each module's as
# folio-embed-lite.wasm and folio-embed-full.wasm) — the same code, with its name section, so every item has a name.
# Writes docs/size-report.md (the date and the tables) and prints it. Shares are of that pre-optimisation wasm;
# wasm-opt shrinks every item, so they are proportions, not the shipped bytes (`scripts/sizes.sh` gives those).
#
#   scripts/size-report.sh            # after scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM="${FOLIO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/folio-embed-lite.wasm"
FULL_WASM="${FOLIO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/folio-embed-full.wasm"
SPA_WASM="${FOLIO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/folio-spa.wasm"
OUT=docs/size-report.md
TWIGGY_VERSION=0.8.0

if ! twiggy --version 2>/dev/null | grep -q "$TWIGGY_VERSION"; then
  echo "[size-report] installing twiggy $TWIGGY_VERSION (about 3 minutes)" >&2
  cargo install -q twiggy --version "$TWIGGY_VERSION"
fi
for w in "$WASM" "$FULL_WASM" "$SPA_WASM"; do
  [ -f "$w" ] || { echo "[size-report] no $w: run scripts/build.sh first" >&2; exit 1; }
  # The end-to-end tests' build (FOLIO_FEATURES=test-hooks) writes the same files; it exports `folio_test_panic`,
  # which a release build never does, and its figures are not the shipped module's.
  if grep -q -a folio_test_panic "$w"; then
    echo "[size-report] $w is a test build (FOLIO_FEATURES=test-hooks): run scripts/build.sh first" >&2
    exit 1
  fi
done

items=$(mktemp)
full_items=$(mktemp)
spa_items=$(mktemp)
trap 'rm -f "$items" "$full_items" "$spa_items"' EXIT
# Every item, largest first: shallow size in bytes, share, name.
twiggy top --format csv -n 1000000 "$WASM" >"$items"
twiggy top --format csv -n 1000000 "$FULL_WASM" >"$full_items"
twiggy top --format csv -n 1000000 "$SPA_WASM" >"$spa_items"

python3 - "$items" "$WASM" "$OUT" "$spa_items" "$full_items" <<'PY'
import csv, datetime, os, re, sys

items_csv, wasm, out, spa_csv, full_csv = sys.argv[1:6]

def read(path):
    with open(path, newline="") as f:
        return [(int(r["ShallowSize"]), r["Name"]) for r in csv.DictReader(f)]

rows = read(items_csv)
spa_rows = read(spa_csv)
full_rows = read(full_csv)
# The name section, wasm-bindgen's custom section and its `__wbindgen_describe_*` functions (which only tell the CLI
# the types, and are removed by it) never ship: leave them out, so shares are of the code and data that do.
def ships(name):
    return not (name.startswith('"') or name.startswith("custom section") or "__wbindgen_describe" in name
                # The `WasmDescribe` impls only tell the CLI a type too, and go with the functions that call them.
                or "wasm_bindgen::describe::WasmDescribe>::describe" in name)

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
    "# Where the embed wasm's bytes go",
    "",
    f"Made by `scripts/size-report.sh` on {now}, from `{wasm}` (the lite module, which one `<folio-reader>` on a Folio JSON API loads):",
    f"the release build before wasm-bindgen and wasm-opt, with its name section. Shares are of its {total:,} bytes of code and data (the name section and",
    "wasm-bindgen's custom section and type descriptions, which do not ship, left out);",
    "wasm-opt then shrinks every item (and `embed/build.sh` blanks the panic locations and shortens the import names), and the shipped sizes are in `docs/embed.md` (`scripts/sizes.sh`). Run the script again after a change: this page is its output.",
    "",
    "## By crate",
    "",
    "| crate | bytes | share |",
    "|---|---:|---:|",
]
for c, size in sorted(by_crate.items(), key=lambda kv: -kv[1])[:25]:
    lines.append(f"| `{c}` | {size:,} | {100 * size / total:.2f} % |")
# The SPA-only parts, by module: present in the SPA's module, absent from the embed's.
SPA_ONLY = {
    "folio::shells::spa::playground": "the mapping playground",
    "folio::shells::spa::demo_index": "the demo index",
    "folio::shells::spa": "the SPA shell (all of it, with the two above)",
}
def module_bytes(items, prefix):
    return sum(size for size, name in items if prefix + "::" in name and ships(name))
lines += ["", "## Left out of the embed", "",
          "Bytes of items whose names contain the module, in each release wasm (before wasm-opt):", "",
          "| module | what | SPA module | full embed module | lite embed module |", "|---|---|---:|---:|---:|"]
for prefix, what in SPA_ONLY.items():
    lines.append(f"| `{prefix}` | {what} | {module_bytes(spa_rows, prefix):,} | {module_bytes(full_rows, prefix):,} "
                 f"| {module_bytes(rows, prefix):,} |")
# What the full module adds: the mapping engine by module, and the data (the presets' JSON text is in .rodata).
full_total = sum(size for size, name in full_rows if ships(name))
MAPPING = "folio::source::mapping::"
parts = {}
for size, name in full_rows:
    if ships(name) and MAPPING in name:
        rest = name[name.index(MAPPING) + len(MAPPING):]
        seg = re.match(r"([a-z_]+)::", rest)
        part = seg.group(1) if seg else "(mod.rs)"
        parts[part] = parts.get(part, 0) + size
def rodata(items):
    return sum(size for size, name in items if name == 'data segment ".rodata"')
lines += ["", "## The full module: what the mapping feature adds", "",
          f"The full embed module is {full_total:,} bytes before wasm-opt, the lite one {total:,}: "
          f"{full_total - total:,} more ({100 * (full_total - total) / full_total:.1f} % of the full module). "
          "Items of `folio::source::mapping` in the full module, by submodule (in the lite one only `detect` and "
          f"`path` remain: {module_bytes(rows, 'folio::source::mapping'):,} bytes), and the static data:", "",
          "| part | bytes in the full module |", "|---|---:|"]
for part, size in sorted(parts.items(), key=lambda kv: -kv[1]):
    lines.append(f"| `mapping::{part}` | {size:,} |")
lines.append(f"| `.rodata`, full minus lite (the twelve presets' JSON, the mapping's messages) | "
             f"{rodata(full_rows) - rodata(rows):,} |")
lines += ["", "## The 30 largest items", "", "| bytes | share | item |", "|---:|---:|---|"]
for size, name in kept[:30]:
    shown = re.sub(r"::h[0-9a-f]{16}$", "", name)
    shown = shown if len(shown) <= 110 else shown[:107] + "..."
    shown = shown.replace("|", "\\|")
    lines.append(f"| {size:,} | {100 * size / total:.2f} % | `{shown}` |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
