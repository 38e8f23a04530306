#!/usr/bin/env python3
"""Runs `rnn bench cells` and Scripts/bench_torch.py back to back (never together: the
two would share the cores) and prints ours/PyTorch per row, `--rounds` times alternating,
keeping each side's best time per row (this machine's run-to-run spread is ±10-20 %).

    .venv/bin/python Scripts/compare_cells.py --threads 2 [--cells lstm] [--rounds 2]
        [--shapes B:T:I:H,...] [--fastest]

--fastest compares each side's fastest call instead of its median (both benches have the
flag): the steadier figure on a shared or virtual machine. --per-row alternates row by row
(ours, then PyTorch, for one cell, mode and shape at a time) instead of grid by grid, so
that both sides of a row are timed within seconds of each other: on a VM whose speed drifts
over minutes, whole-grid alternation compares different phases. --torch-jsonl FILE also
writes PyTorch's best row times there (the format of Scripts/torch_baseline_cells*.jsonl).
"""
import argparse, ast, json, subprocess, sys, os

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--cells", default="rnn,lstm,gru")
ap.add_argument("--modes", default="train,infer")
ap.add_argument("--rounds", type=int, default=1)
ap.add_argument("--rnn", default=".build/release/rnn")
ap.add_argument("--shapes", default=None)
ap.add_argument("--fastest", action="store_true")
ap.add_argument("--per-row", action="store_true")
ap.add_argument("--torch-jsonl", default=None)
args = ap.parse_args()
extra = (["--shapes", args.shapes] if args.shapes else []) + (["--fastest"] if args.fastest else [])

def rows(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]

def key(r):
    return (r["cell"], r["mode"], r["batch"], r["seq"], r["input"], r["hidden"])

ours, torch = {}, {}  # key -> (ms, peak GFLOP/s); key -> PyTorch's fastest row
here = os.path.dirname(os.path.abspath(__file__))


def default_grid():
    """bench_torch.py's GRID (read, not imported: importing it would load torch here)."""
    with open(os.path.join(here, "bench_torch.py")) as f:
        for node in ast.parse(f.read()).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "GRID":
                return [":".join(map(str, shape)) for shape in ast.literal_eval(node.value)]
    raise SystemExit("compare_cells.py: no GRID in bench_torch.py")


def run_pair(cells, modes, extra, reverse):
    """Our bench, then PyTorch's (or the other way round), on the given rows."""
    sides = [("ours", [args.rnn, "bench", "cells", "--threads", str(args.threads), "--cells", cells,
                       "--modes", modes, "--json"] + extra),
             ("torch", [sys.executable, os.path.join(here, "bench_torch.py"), "--threads", str(args.threads),
                        "--cells", cells, "--modes", modes, "--json"] + extra)]
    for side, cmd in (sides[::-1] if reverse else sides):
        for r in rows(cmd):
            if side == "ours":
                ours[key(r)] = min(ours.get(key(r), (1e30, 0)), (r["ms"], r.get("peak_gflops", 0)))
            elif key(r) not in torch or r["ms"] < torch[key(r)]["ms"]:
                torch[key(r)] = r


fastest = ["--fastest"] if args.fastest else []
for round_ in range(args.rounds):
    if not args.per_row:
        run_pair(args.cells, args.modes, extra, False)
        continue
    grid = args.shapes.split(",") if args.shapes else default_grid()
    for cell in args.cells.split(","):
        for mode in args.modes.split(","):
            for shape in grid:
                run_pair(cell, mode, ["--shapes", shape] + fastest, round_ % 2 == 1)

if args.torch_jsonl:
    with open(args.torch_jsonl, "w") as f:
        for k in sorted(torch, key=lambda k: (k[2:], k[0], k[1])):
            f.write(json.dumps(torch[k]) + "\n")

stat = "fastest call" if args.fastest else "median"
print(f"threads {args.threads}: ms ({stat}, best of {args.rounds}), speed-up = torch / ours")
print(f"{'cell':5} {'mode':5} {'B':>3} {'T':>4} {'I':>4} {'H':>4} {'ours':>9} {'torch':>9} {'speed-up':>8}  %peak")
for k in sorted(ours, key=lambda k: (k[0], k[1] != "train", k[2:])):
    if k not in torch: continue
    (o, peak), t = ours[k], torch[k]["ms"]
    g = {"rnn": 1, "lstm": 4, "gru": 3}[k[0]]
    flops = 2 * g * k[5] * (k[4] + k[5]) * k[2] * k[3] * (3 if k[1] == "train" else 1)
    pct = 100 * flops / (o * 1e-3) / 1e9 / peak if peak else 0
    print(f"{k[0]:5} {k[1]:5} {k[2]:3} {k[3]:4} {k[4]:4} {k[5]:4} {o:9.3f} {t:9.3f} {t / o:7.2f}x  {pct:4.0f}%")
