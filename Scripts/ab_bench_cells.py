#!/usr/bin/env python3
"""A/B of `rnn bench cells` between two builds of `rnn`, alternated row by row.

    Scripts/ab_bench_cells.py OLD_RNN NEW_RNN [--rounds 5] [--threads 1] [--shapes B:T:I:H,…]

Each row (cell × mode × shape) is timed by OLD and NEW in turn, `rounds` times each, so that a
drift of the machine's speed (a shared or virtual machine's) falls on both alike; the fastest
call of each side is kept (`--fastest`). Prints per row both times and NEW/OLD.
"""
import argparse, json, subprocess

DEFAULT_SHAPES = "32:64:64:128,64:100:128:256,32:50:256:512,1:200:64:128,64:35:650:650"


def run(binary, cell, mode, shape, threads):
    out = subprocess.run([binary, "bench", "cells", "--fastest", "--json", "--cells", cell, "--modes", mode,
                          "--shapes", shape, "--threads", str(threads), "--seconds", "0.3"],
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    return rows[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--shapes", default=DEFAULT_SHAPES)
    p.add_argument("--cells", default="rnn,lstm,gru")
    a = p.parse_args()
    print(f"{'row':34} {'old ms':>9} {'new ms':>9} {'new/old':>8} {'new % peak':>10}")
    worst = 0.0
    for cell in a.cells.split(","):
        for shape in a.shapes.split(","):
            for mode in ("train", "infer"):
                old, new, peak, gflop = [], [], 0.0, 0.0
                for _ in range(a.rounds):
                    o = run(a.old, cell, mode, shape, a.threads)
                    n = run(a.new, cell, mode, shape, a.threads)
                    old.append(o["ms"]); new.append(n["ms"])
                    peak = max(peak, n["peak_gflops"], o["peak_gflops"])
                    gflop = n["gflops"] * n["ms"] / 1e3
                r = min(new) / min(old)
                worst = max(worst, abs(r - 1))
                share = gflop / (min(new) / 1e3) / peak * 100
                print(f"{cell + ' ' + mode + ' ' + shape:34} {min(old):9.4f} {min(new):9.4f} {r:8.3f} {share:9.0f}%",
                      flush=True)
    print(f"largest change: {worst * 100:.1f} %")


if __name__ == "__main__":
    main()
