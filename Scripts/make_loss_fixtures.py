#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for loss-function tests.

Usage:  .venv/bin/python Scripts/make_loss_fixtures.py [--out DIR]

Writes Tests/RecurrentTests/Fixtures/losses/<name>.safetensors.

metadata (all strings):
    loss        cross_entropy | bce_with_logits | mse | huber
    reduction   mean | sum
    dtype       float32 | float64
    cross_entropy only: ignore_index (e.g. "-100"), label_smoothing (e.g. "0.0")
    huber only:         delta

tensors (in `dtype` unless noted):
    input                (N, C) logits for cross_entropy, (N, F) otherwise
    target               cross_entropy: (N,) int64 class indices (may contain
                         ignore_index); otherwise same shape/dtype as input
    expected.loss        shape [1]
    expected.grad_input  d loss / d input, same shape as input

The losses are torch.nn.functional.cross_entropy / binary_cross_entropy_with_logits
/ mse_loss / huber_loss with the options above.
"""

import argparse
import os
import sys
import zlib

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "RecurrentTests", "Fixtures", "losses")

# name, loss, reduction, options, dtype
CONFIGS = [
    ("ce_mean", "cross_entropy", "mean", dict(ignore_index=-100, label_smoothing=0.0), "float32"),
    ("ce_mean_ignore", "cross_entropy", "mean", dict(ignore_index=-100, label_smoothing=0.0, n_ignored=2), "float32"),
    ("ce_mean_smoothing", "cross_entropy", "mean", dict(ignore_index=-100, label_smoothing=0.1), "float32"),
    ("ce_mean_ignore0_smoothing", "cross_entropy", "mean", dict(ignore_index=0, label_smoothing=0.2, n_ignored=2), "float32"),
    ("ce_sum", "cross_entropy", "sum", dict(ignore_index=-100, label_smoothing=0.0), "float32"),
    ("ce_sum_ignore_smoothing", "cross_entropy", "sum", dict(ignore_index=-100, label_smoothing=0.1, n_ignored=1), "float32"),
    ("ce_mean_f64", "cross_entropy", "mean", dict(ignore_index=-100, label_smoothing=0.0, n_ignored=1), "float64"),
    ("bce_logits_mean_extreme", "bce_with_logits", "mean", dict(extreme=True), "float32"),
    ("bce_logits_sum", "bce_with_logits", "sum", dict(), "float32"),
    ("mse_mean", "mse", "mean", dict(), "float32"),
    ("mse_sum", "mse", "sum", dict(), "float32"),
    ("huber_mean_delta1", "huber", "mean", dict(delta=1.0), "float32"),
    ("huber_mean_delta05", "huber", "mean", dict(delta=0.5), "float32"),
    ("huber_sum_delta05", "huber", "sum", dict(delta=0.5), "float32"),
]


def fmt(v):
    return str(v) if isinstance(v, int) else repr(float(v))


def build(name, loss, reduction, opts, dtype):
    gen = torch.Generator().manual_seed(zlib.crc32(name.encode()))
    tdt = torch.float64 if dtype == "float64" else torch.float32
    meta = {"loss": loss, "reduction": reduction, "dtype": dtype}

    if loss == "cross_entropy":
        N, C = 7, 5
        x = (2.0 * torch.randn(N, C, generator=gen, dtype=torch.float64)).to(tdt)
        ignore = opts["ignore_index"]
        n_ign = opts.get("n_ignored", 0)
        lo = 1 if ignore == 0 else 0  # keep class `ignore` out of the non-ignored rows
        tgt = torch.randint(lo, C, (N,), generator=gen, dtype=torch.int64)
        if n_ign:
            rows = torch.randperm(N, generator=gen)[:n_ign]
            tgt[rows] = ignore
        x.requires_grad_(True)
        out = F.cross_entropy(x, tgt, ignore_index=ignore, label_smoothing=opts["label_smoothing"],
                              reduction=reduction)
        meta["ignore_index"] = str(ignore)
        meta["label_smoothing"] = fmt(opts["label_smoothing"])
    elif loss == "bce_with_logits":
        N, Fe = 4, 5
        x = (3.0 * torch.randn(N, Fe, generator=gen, dtype=torch.float64)).to(tdt)
        tgt = torch.randint(0, 2, (N, Fe), generator=gen).to(tdt)
        # a few soft targets
        tgt[0, :2] = torch.tensor([0.25, 0.7], dtype=tdt)
        if opts.get("extreme"):
            # +-30 logits with matching and mismatching targets (exp(30) overflows
            # naive formulations in float32 / loses all precision)
            x[1, 0], tgt[1, 0] = 30.0, 1.0
            x[1, 1], tgt[1, 1] = 30.0, 0.0
            x[1, 2], tgt[1, 2] = -30.0, 0.0
            x[1, 3], tgt[1, 3] = -30.0, 1.0
            x[1, 4], tgt[1, 4] = 30.0, 0.5
        x.requires_grad_(True)
        out = F.binary_cross_entropy_with_logits(x, tgt, reduction=reduction)
    elif loss == "mse":
        N, Fe = 5, 4
        x = torch.randn(N, Fe, generator=gen, dtype=torch.float64).to(tdt).requires_grad_(True)
        tgt = torch.randn(N, Fe, generator=gen, dtype=torch.float64).to(tdt)
        out = F.mse_loss(x, tgt, reduction=reduction)
    elif loss == "huber":
        N, Fe = 5, 4
        x = torch.randn(N, Fe, generator=gen, dtype=torch.float64).to(tdt)
        tgt = torch.randn(N, Fe, generator=gen, dtype=torch.float64).to(tdt)
        d = opts["delta"]
        # make sure both the quadratic and the linear regime appear
        x[0, 0] = tgt[0, 0] + 0.25 * d
        x[0, 1] = tgt[0, 1] - 3.0 * d
        x.requires_grad_(True)
        out = F.huber_loss(x, tgt, reduction=reduction, delta=d)
        meta["delta"] = fmt(d)
        diff = (x - tgt).abs()
        assert (diff < d).any() and (diff > d).any()
    else:
        raise ValueError(loss)

    out.backward()
    tensors = {
        "input": x.detach(),
        "target": tgt,
        "expected.loss": out.detach().reshape(1),
        "expected.grad_input": x.grad.detach(),
    }
    for k, v in tensors.items():
        if k != "target" or loss != "cross_entropy":
            assert v.dtype == tdt, (name, k)
        assert torch.isfinite(v.double()).all(), (name, k)
    return meta, tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    for name, loss, reduction, opts, dtype in CONFIGS:
        meta, tensors = build(name, loss, reduction, opts, dtype)
        path = os.path.join(args.out, name + ".safetensors")
        safetensors_io.save(path, tensors, meta)
        meta2, t2 = safetensors_io.load(path)
        assert meta2 == meta and set(t2) == set(tensors)
        for k, v in tensors.items():
            assert np.array_equal(v.numpy(), t2[k]), k
        print(f"{name:28s} loss={tensors['expected.loss'].item():.6g}  {meta}")
    print(f"{len(CONFIGS)} fixtures -> {args.out}")


if __name__ == "__main__":
    main()
