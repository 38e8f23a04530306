#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for the per-step cells (RNNCell, LSTMCell, GRUCell).

Usage:  /path/to/venv/bin/python Scripts/make_cell_fixtures.py [--out DIR]

Writes one safetensors file per configuration to Tests/RecurrentTests/Fixtures/cells/
(container format: Scripts/safetensors_io.py). A PyTorch cell (nn.RNNCell / nn.LSTMCell /
nn.GRUCell) is stepped by hand over T steps, h_t = cell(x_t, h_{t-1}), then

    Loss = sum_t sum(h_t * grad_h[t])  (+ sum(c_T * grad_c_n) for LSTMCell)

is backpropagated. Contents:

metadata (all strings):
    module         RNN_TANH | RNN_RELU | LSTM | GRU
    input_size, hidden_size, steps
    bias           "0" | "1"
    dtype          float32 | float64

tensors (in `dtype`):
    weight_ih, weight_hh, bias_ih, bias_hh    PyTorch's cell parameter names (no bias_* when bias = 0)
    input          (T, B, I)
    h0, c0         (B, H)                     c0: LSTM only
    grad_h         (T, B, H)
    grad_c_n       (B, H)                     LSTM only
    h              (T, B, H)                  h_1 ... h_T
    c              (T, B, H)                  LSTM only
    grad_input (T, B, I), grad_h0, grad_c0 (LSTM only), grad.<param>

Parameters are drawn from uniform(-0.5, 0.5), the rest from a standard normal, from a
per-fixture seed (crc32 of the file name).
"""

import argparse
import os
import sys
import zlib

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "RecurrentTests", "Fixtures", "cells")

# (module, dtype, T, B, I, H, bias)
CONFIGS = [
    ("RNN_TANH", "float64", 3, 3, 4, 5, True),
    ("RNN_RELU", "float64", 3, 2, 3, 4, True),
    ("LSTM", "float64", 3, 3, 4, 5, True),
    ("GRU", "float64", 3, 3, 4, 5, True),
    ("LSTM", "float64", 2, 2, 3, 4, False),
    ("GRU", "float64", 2, 1, 3, 4, False),
    ("RNN_TANH", "float32", 4, 3, 6, 8, True),
    ("LSTM", "float32", 4, 3, 6, 8, True),
    ("GRU", "float32", 4, 3, 6, 8, True),
]


def fixture_name(module, dtype, bias):
    return "_".join([module.lower(), "cell", "f32" if dtype == "float32" else "f64"] + ([] if bias else ["nobias"]))


def make_cell(module, I, H, bias):
    if module == "RNN_TANH":
        return nn.RNNCell(I, H, bias=bias, nonlinearity="tanh")
    if module == "RNN_RELU":
        return nn.RNNCell(I, H, bias=bias, nonlinearity="relu")
    if module == "LSTM":
        return nn.LSTMCell(I, H, bias=bias)
    if module == "GRU":
        return nn.GRUCell(I, H, bias=bias)
    raise ValueError(module)


def build(cfg):
    module, dtype, T, B, I, H, bias = cfg
    name = fixture_name(module, dtype, bias)
    gen = torch.Generator().manual_seed(zlib.crc32(name.encode()))
    tdt = torch.float64 if dtype == "float64" else torch.float32
    is_lstm = module == "LSTM"
    cell = make_cell(module, I, H, bias).to(tdt)
    with torch.no_grad():
        for _, p in cell.named_parameters():
            p.copy_(torch.rand(p.shape, generator=gen, dtype=torch.float64) - 0.5)

    def randn(*shape):
        return torch.randn(*shape, generator=gen, dtype=torch.float64).to(tdt)

    x = randn(T, B, I).requires_grad_(True)
    h0 = randn(B, H).requires_grad_(True)
    c0 = randn(B, H).requires_grad_(True) if is_lstm else None
    g_h = randn(T, B, H)
    g_cn = randn(B, H) if is_lstm else None

    hs, cs = [], []
    h, c = h0, c0
    for t in range(T):  # stepped by hand, as a decoder does
        if is_lstm:
            h, c = cell(x[t], (h, c))
            cs.append(c)
        else:
            h = cell(x[t], h)
        hs.append(h)
    hs_t = torch.stack(hs)
    loss = (hs_t * g_h).sum()
    if is_lstm:
        loss = loss + (c * g_cn).sum()
    loss.backward()

    tensors = {}
    for pname, p in cell.named_parameters():
        tensors[pname] = p.detach()
        tensors["grad." + pname] = p.grad.detach()
    tensors.update(input=x.detach(), h0=h0.detach(), grad_h=g_h, h=hs_t.detach(),
                   grad_input=x.grad.detach(), grad_h0=h0.grad.detach())
    if is_lstm:
        tensors.update(c0=c0.detach(), grad_c_n=g_cn, c=torch.stack(cs).detach(), grad_c0=c0.grad.detach())
    for k, v in tensors.items():
        assert v.dtype == tdt and torch.isfinite(v).all(), (name, k)
    meta = {"module": module, "input_size": str(I), "hidden_size": str(H), "steps": str(T),
            "bias": "1" if bias else "0", "dtype": dtype}
    return name, meta, tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for cfg in CONFIGS:
        name, meta, tensors = build(cfg)
        path = os.path.join(args.out, name + ".safetensors")
        safetensors_io.save(path, tensors, meta)
        meta2, t2 = safetensors_io.load(path)  # read back and compare bit for bit
        assert meta2 == meta and set(t2) == set(tensors)
        for k, v in tensors.items():
            assert np.array_equal(v.detach().numpy(), t2[k]), k
        total += os.path.getsize(path)
        print(f"{name:28s} {len(tensors):3d} tensors {os.path.getsize(path):7d} bytes")
    print(f"{len(CONFIGS)} fixtures, {total} bytes total -> {args.out}")


if __name__ == "__main__":
    main()
