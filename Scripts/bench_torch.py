#!/usr/bin/env python3
"""PyTorch (CPU) baseline for `rnn bench cells`.

Usage:
    .venv/bin/python Scripts/bench_torch.py [--threads N] [--json] [--cells rnn,lstm,gru]
                                            [--modes infer,train] [--repeats R]
                                            [--min-time S] [--warmup W] [--shapes B:T:I:H,...]
                                            [--fastest]

Times one single-layer, unidirectional, float32 torch.nn.RNN(tanh)/LSTM/GRU
(batch_first=False, input (T, B, I), zero initial state) per grid point:

    infer  forward only, under torch.inference_mode()
    train  forward + backward of (output * grad_output).sum() with
           input.requires_grad=True (so dL/dinput and all parameter gradients
           are computed); no optimizer step.  Gradients are reset to None
           (outside the timed region) before every call.

FLOPs (matrix-multiply work only):
    forward = 2 * G * H * (I + H) * B * T, G = 1 (rnn), 4 (lstm), 3 (gru)
    train   = 3 * forward
Reported: median milliseconds per call (with --fastest: the fastest call, as
`rnn bench cells --fastest`) after `--warmup` untimed calls (>= 3);
timing stops once `--repeats` calls (default 10) have been timed, or once
`--min-time` seconds (default 1.0) have elapsed with at least 3 timed calls.

Output: an aligned table, or with --json one object per line:
    {"cell", "mode", "batch", "seq", "input", "hidden", "threads", "ms", "gflops",
     "peak_gflops": null}
"""

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn

GRID = [
    (32, 64, 64, 128),
    (64, 100, 128, 256),
    (32, 50, 256, 512),
    (1, 200, 64, 128),
    (64, 35, 650, 650),
]
GATES = {"rnn": 1, "lstm": 4, "gru": 3}
FASTEST = False  # --fastest: report the fastest call instead of the median


def make_cell(cell, I, H):
    if cell == "rnn":
        return nn.RNN(I, H, num_layers=1, nonlinearity="tanh")
    if cell == "lstm":
        return nn.LSTM(I, H, num_layers=1)
    if cell == "gru":
        return nn.GRU(I, H, num_layers=1)
    raise ValueError(cell)


def forward_flops(cell, B, T, I, H):
    return 2 * GATES[cell] * H * (I + H) * B * T


def bench_one(cell, mode, B, T, I, H, warmup, repeats, min_time, seed=0):
    torch.manual_seed(seed)
    mod = make_cell(cell, I, H).float()
    x = torch.randn(T, B, I)
    if mode == "infer":
        def call():
            with torch.inference_mode():
                mod(x)
        prep = None
    else:
        x.requires_grad_(True)
        g = torch.randn(T, B, H)

        def prep():
            x.grad = None
            mod.zero_grad(set_to_none=True)

        def call():
            out, _ = mod(x)
            (out * g).sum().backward()

    for _ in range(warmup):
        if prep:
            prep()
        call()
    times = []
    start = time.perf_counter()
    while True:
        if prep:
            prep()
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
        n = len(times)
        if n >= repeats or (n >= 3 and time.perf_counter() - start >= min_time):
            break
    ms = (min(times) if FASTEST else statistics.median(times)) * 1e3
    flops = forward_flops(cell, B, T, I, H) * (3 if mode == "train" else 1)
    return ms, flops / (ms * 1e-3) / 1e9, len(times)


def parse_shapes(s):
    """B:T:I:H,... as tuples; None when an item is not four positive integers."""
    out = []
    for item in s.split(","):
        try:
            v = [int(x) for x in item.split(":")]
        except ValueError:
            return None
        if len(v) != 4 or min(v) <= 0:
            return None
        out.append(tuple(v))
    return out or None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    ap.add_argument("--json", action="store_true", help="one JSON object per line")
    ap.add_argument("--cells", default="rnn,lstm,gru")
    ap.add_argument("--modes", default="infer,train")
    ap.add_argument("--repeats", type=int, default=10, help="timed calls (default 10)")
    ap.add_argument("--min-time", type=float, default=1.0,
                    help="stop timing after this many seconds once >= 3 calls are timed")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--shapes", default=None, help="override grid: B:T:I:H,...")
    ap.add_argument("--fastest", action="store_true",
                    help="report the fastest call instead of the median (as rnn bench cells --fastest)")
    args = ap.parse_args()
    global FASTEST
    FASTEST = args.fastest

    cells = [c.strip() for c in args.cells.split(",") if c.strip()]
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for c in cells:
        if c not in GATES:
            ap.error(f"unknown cell {c!r} (rnn, lstm, gru)")
    for m in modes:
        if m not in ("infer", "train"):
            ap.error(f"unknown mode {m!r} (infer, train)")
    if not cells or not modes:
        ap.error("--cells and --modes need at least one entry each")
    if args.threads < 1 or args.repeats < 1 or not args.min_time > 0:
        ap.error("--threads and --repeats must be at least 1, --min-time positive")
    grid = GRID
    if args.shapes is not None:
        grid = parse_shapes(args.shapes)
        if grid is None:
            ap.error(f"--shapes {args.shapes!r}: expected B:T:I:H,... with four positive integers each")
    warmup = max(3, args.warmup)

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass

    if not args.json:
        print(f"# torch {torch.__version__}, threads={torch.get_num_threads()}, float32, 1 layer, "
              f"{'fastest' if FASTEST else 'median'} of <= {args.repeats} calls after {warmup} warm-up")
        hdr = f"{'cell':5s} {'mode':5s} {'batch':>5s} {'seq':>4s} {'input':>5s} {'hidden':>6s} " \
              f"{'thr':>3s} {'ms':>10s} {'GFLOP/s':>8s} {'n':>3s}"
        print(hdr)
        print("-" * len(hdr))
    for (B, T, I, H) in grid:
        for cell in cells:
            for mode in modes:
                ms, gflops, n = bench_one(cell, mode, B, T, I, H, warmup, args.repeats, args.min_time)
                if args.json:
                    print(json.dumps({
                        "cell": cell, "mode": mode, "batch": B, "seq": T, "input": I, "hidden": H,
                        "threads": args.threads, "ms": round(ms, 4), "gflops": round(gflops, 3),
                        "peak_gflops": None,
                    }))
                else:
                    print(f"{cell:5s} {mode:5s} {B:5d} {T:4d} {I:5d} {H:6d} {args.threads:3d} "
                          f"{ms:10.3f} {gflops:8.2f} {n:3d}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
