#!/usr/bin/env python3
"""Seeds fuzz/corpus/mapping from the preset fixtures: each fixture behind its preset's selector byte (even), and
each preset document + NUL + fixture behind an odd selector (read as a custom mapping)."""
import glob, os, re

root = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(root, "../src/source/mapping/presets.rs"), encoding="utf-8").read()
names = re.findall(r'"([a-z-]+)",\s*\n?\s*include_str', src)
out = os.path.join(root, "corpus/mapping")
os.makedirs(out, exist_ok=True)
for i, name in enumerate(names):
    preset = open(os.path.join(root, f"../presets/{name}.json"), "rb").read()
    for fixture in glob.glob(os.path.join(root, f"../tests/fixtures/{name}/*.json")):
        data = open(fixture, "rb").read()
        base = f"{name}-{os.path.basename(fixture)}"
        open(os.path.join(out, base + ".preset"), "wb").write(bytes([2 * i]) + data)
        open(os.path.join(out, base + ".doc"), "wb").write(b"\x01" + preset + b"\x00" + data)
custom = os.path.join(root, "../tests/fixtures/custom")
open(os.path.join(out, "custom.doc"), "wb").write(
    b"\x01" + open(f"{custom}/mapping.json", "rb").read() + b"\x00" + open(f"{custom}/article.json", "rb").read())
print(len(os.listdir(out)), "seeds in", out)
