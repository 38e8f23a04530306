#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for RNN/LSTM/GRU layer parity tests.

Usage:  .venv/bin/python Scripts/make_parity_fixtures.py [--out DIR] [--check]

Writes one safetensors file per configuration to
Tests/RecurrentTests/Fixtures/parity/ (see Scripts/safetensors_io.py for the
container format).  Contents of each file:

metadata (all strings):
    module         RNN_TANH | RNN_RELU | LSTM | GRU
    input_size, hidden_size, num_layers
    bidirectional  "0" | "1"
    dtype          float32 | float64

tensors (in `dtype` unless noted), D = 2 if bidirectional else 1, L = num_layers:
    <param>             every parameter under its PyTorch name
                        (weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k},
                        and ..._reverse for bidirectional)
    input               (T, B, I)
    h0                  (L*D, B, H)           absent in the "nohx" fixtures (hx = None:
    c0                  (L*D, B, H)           LSTM only; zeros), as are grad_h0, grad_c0
    lengths             (B,) int64            optional; unsorted, 1 <= len <= T
    grad_output         (T, B, D*H)
    grad_h_n            (L*D, B, H)
    grad_c_n            (L*D, B, H)           LSTM only
    output              (T, B, D*H)           zero past each sequence's length
    h_n                 (L*D, B, H)
    c_n                 (L*D, B, H)           LSTM only
    grad_input, grad_h0, grad_c0 (LSTM only), grad.<param>
        gradients of  Loss = sum(output*grad_output) + sum(h_n*grad_h_n)
                             (+ sum(c_n*grad_c_n) for LSTM)

With `lengths`, the layer is run on
pack_padded_sequence(input, lengths, enforce_sorted=False) and the output is
unpacked with pad_packed_sequence(total_length=T).

dropout = 0, batch_first = False; bias = True except in the "nobias" fixtures
(PyTorch's bias=False: no bias_* parameters).  Parameters are drawn from
uniform(-0.5, 0.5) (the "wide*" fixtures: PyTorch's uniform(-1/sqrt(H), 1/sqrt(H))),
input/h0/c0/grad_* from a standard normal, all from a per-fixture seed (crc32 of
the file name), so the output is deterministic (to the last bit on one machine;
PyTorch's kernels may differ in the last ulp between CPUs).

Every float32 fixture is also computed in float64 from the same float32 values;
generation stops with an error naming the fixture and tensor when PyTorch's own
float32 result is further than 1e-4 * (1 + |e|) from it: no float32
implementation could then be held to the test's 2e-4 (chaotic recurrences, e.g.
U(-0.5, 0.5) weights with H = 140 and T = 40: outputs 1.1 % apart).
"""

import argparse
import copy
import os
import sys
import zlib

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "RecurrentTests", "Fixtures", "parity")

# (module, layers, bidirectional, with_lengths, dtype, T, B, I, H, tag)
CONFIGS = [
    # --- RNN tanh
    ("RNN_TANH", 1, False, False, "float64", 7, 3, 4, 5, ""),
    ("RNN_TANH", 1, True, False, "float64", 6, 2, 3, 4, ""),
    ("RNN_TANH", 2, False, True, "float64", 8, 4, 5, 6, ""),
    ("RNN_TANH", 2, True, True, "float64", 9, 5, 3, 4, ""),
    ("RNN_TANH", 1, False, False, "float32", 10, 3, 6, 8, ""),
    ("RNN_TANH", 3, True, False, "float64", 5, 2, 4, 3, ""),
    ("RNN_TANH", 1, False, False, "float64", 1, 3, 4, 5, "t1"),
    ("RNN_TANH", 2, True, True, "float64", 6, 1, 3, 4, "b1"),
    # --- RNN relu
    ("RNN_RELU", 1, False, False, "float64", 7, 3, 4, 5, ""),
    ("RNN_RELU", 2, True, False, "float64", 6, 3, 5, 4, ""),
    ("RNN_RELU", 1, False, True, "float64", 9, 4, 3, 6, ""),
    ("RNN_RELU", 3, False, False, "float32", 8, 2, 4, 5, ""),
    ("RNN_RELU", 1, True, True, "float64", 7, 5, 2, 3, ""),
    ("RNN_RELU", 1, False, False, "float64", 6, 2, 3, 1, "h1"),
    # --- LSTM
    ("LSTM", 1, False, False, "float64", 7, 3, 4, 5, ""),
    ("LSTM", 1, True, False, "float64", 6, 2, 3, 4, ""),
    ("LSTM", 2, False, False, "float64", 8, 3, 5, 6, ""),
    ("LSTM", 2, True, True, "float64", 9, 5, 4, 5, ""),
    ("LSTM", 3, True, False, "float64", 5, 2, 3, 4, ""),
    ("LSTM", 3, False, True, "float64", 10, 4, 6, 3, ""),
    ("LSTM", 1, False, True, "float64", 12, 4, 7, 9, ""),
    ("LSTM", 1, False, False, "float32", 10, 3, 6, 8, ""),
    ("LSTM", 2, True, True, "float32", 8, 4, 5, 6, ""),
    ("LSTM", 1, False, False, "float64", 1, 3, 4, 5, "t1"),
    ("LSTM", 2, True, True, "float64", 1, 3, 4, 5, "t1"),
    ("LSTM", 1, True, False, "float64", 6, 1, 3, 4, "b1"),
    ("LSTM", 2, False, True, "float64", 7, 3, 4, 1, "h1"),
    ("LSTM", 1, True, True, "float64", 8, 4, 3, 1, "h1"),
    # --- GRU
    ("GRU", 1, False, False, "float64", 7, 3, 4, 5, ""),
    ("GRU", 1, True, False, "float64", 6, 2, 3, 4, ""),
    ("GRU", 2, False, True, "float64", 8, 4, 5, 6, ""),
    ("GRU", 2, True, True, "float64", 9, 5, 4, 5, ""),
    ("GRU", 3, False, False, "float64", 6, 3, 3, 4, ""),
    ("GRU", 3, True, True, "float64", 7, 4, 5, 3, ""),
    ("GRU", 1, False, False, "float32", 10, 3, 6, 8, ""),
    ("GRU", 2, True, True, "float32", 8, 4, 5, 6, ""),
    ("GRU", 1, False, False, "float64", 1, 2, 3, 4, "t1"),
    ("GRU", 1, False, True, "float64", 7, 1, 3, 4, "b1"),
    ("GRU", 2, True, False, "float64", 5, 3, 2, 1, "h1"),
    # --- without biases (bias=False: no bias_* tensors)
    ("GRU", 1, False, False, "float64", 6, 3, 4, 5, "nobias"),
    ("LSTM", 2, True, True, "float32", 7, 3, 4, 6, "nobias"),
    ("RNN_TANH", 1, True, True, "float64", 5, 3, 3, 4, "nobias"),
    # --- wider float32 layers: several register tiles of rows and units (the blocked
    # kernels' edges), parameters scaled so that the recurrence stays well conditioned
    ("LSTM", 1, False, True, "float32", 12, 8, 24, 40, "wide"),
    ("GRU", 1, True, True, "float32", 10, 7, 20, 36, "wide"),
    ("RNN_TANH", 2, False, True, "float32", 9, 13, 10, 20, "wide"),
    # --- wide float32 layers at batch 1 (the one-row kernels: groups of four column panels
    # and the panels left over)
    ("LSTM", 1, False, False, "float32", 12, 1, 24, 72, "wide_b1"),
    ("GRU", 2, True, False, "float32", 9, 1, 20, 48, "wide_b1"),
    ("RNN_TANH", 1, False, True, "float32", 10, 1, 16, 64, "wide_b1"),
    # --- one step of one row (the products read W's rows in place, unpacked)
    ("LSTM", 2, True, False, "float32", 1, 1, 24, 40, "wide_t1b1"),
    ("GRU", 1, False, False, "float32", 1, 1, 20, 36, "wide_t1b1"),
    ("RNN_RELU", 1, True, False, "float32", 1, 1, 17, 33, "wide_t1b1"),
    # --- no initial state (hx = None: zeros; no h0, c0, grad_h0, grad_c0 tensors)
    ("LSTM", 2, True, True, "float64", 6, 3, 4, 5, "nohx"),
    ("GRU", 1, False, False, "float32", 5, 2, 3, 4, "nohx"),
]


def fixture_name(module, layers, bi, with_len, dtype, tag):
    parts = [module.lower(), f"l{layers}", "bi" if bi else "uni"]
    if with_len:
        parts.append("len")
    parts.append("f32" if dtype == "float32" else "f64")
    if tag:
        parts.append(tag)
    return "_".join(parts)


def make_module(module, I, H, L, bi, bias=True):
    kw = dict(num_layers=L, bias=bias, batch_first=False, dropout=0.0, bidirectional=bi)
    if module == "RNN_TANH":
        return nn.RNN(I, H, nonlinearity="tanh", **kw)
    if module == "RNN_RELU":
        return nn.RNN(I, H, nonlinearity="relu", **kw)
    if module == "LSTM":
        return nn.LSTM(I, H, **kw)
    if module == "GRU":
        return nn.GRU(I, H, **kw)
    raise ValueError(module)


def make_lengths(gen, T, B):
    """Unsorted lengths in [1, T]; for T > 1 at least one sequence is shorter than T
    and, when B > 1, the lengths are not in sorted order."""
    if T == 1:
        return torch.ones(B, dtype=torch.int64)
    for _ in range(1000):
        lens = torch.randint(1, T + 1, (B,), generator=gen, dtype=torch.int64)
        if B == 1:
            if lens[0] < T:
                return lens
            continue
        l = lens.tolist()
        unsorted = l != sorted(l, reverse=True)
        if unsorted and min(l) < T and len(set(l)) > 1:
            return lens
    raise RuntimeError("could not draw lengths")


def run(mod, x, hx, lengths, g_out, g_hn, g_cn):
    """Forward (through a packed sequence when lengths are given), then backward of
    L = sum(output*g_out) + sum(h_n*g_hn) (+ sum(c_n*g_cn)): gradients land in .grad."""
    T = x.shape[0]
    if lengths is not None:
        packed = pack_padded_sequence(x, lengths, batch_first=False, enforce_sorted=False)
        out_p, hid = mod(packed, hx)
        out, out_lens = pad_packed_sequence(out_p, batch_first=False, total_length=T)
        assert torch.equal(out_lens, lengths)
    else:
        out, hid = mod(x, hx)
    h_n, c_n = hid if isinstance(hid, tuple) else (hid, None)
    loss = (out * g_out).sum() + (h_n * g_hn).sum()
    if c_n is not None:
        loss = loss + (c_n * g_cn).sum()
    loss.backward()
    return out, h_n, c_n


# A float32 fixture is checked against the same computation in float64 (from the same
# float32 values): its expected tensors must agree within half the test tolerance, or no
# float32 implementation could be held to 2e-4. Chaotic recurrences (large weights, long
# sequences) fail this: PyTorch's own float32 result then depends on summation order.
F32_CONDITIONING = 1e-4


def check_conditioning(name, mod, x, hx, lengths, g_out, g_hn, g_cn, out, h_n, c_n):
    ref = copy.deepcopy(mod).double()
    ref.zero_grad()
    x64 = x.detach().double().requires_grad_(True)
    if hx is None:
        hx64 = None
    elif isinstance(hx, tuple):
        hx64 = tuple(t.detach().double().requires_grad_(True) for t in hx)
    else:
        hx64 = hx.detach().double().requires_grad_(True)
    out64, h_n64, c_n64 = run(ref, x64, hx64, lengths, g_out.double(), g_hn.double(),
                              None if g_cn is None else g_cn.double())
    pairs = [("output", out, out64), ("h_n", h_n, h_n64), ("grad_input", x.grad, x64.grad)]
    if c_n is not None:
        pairs.append(("c_n", c_n, c_n64))
    if hx is not None:
        states = hx if isinstance(hx, tuple) else (hx,)
        states64 = hx64 if isinstance(hx64, tuple) else (hx64,)
        for label, s32, s64 in zip(("grad_h0", "grad_c0"), states, states64):
            pairs.append((label, s32.grad, s64.grad))
    p64 = dict(ref.named_parameters())
    for pname, p in mod.named_parameters():
        pairs.append(("grad." + pname, p.grad, p64[pname].grad))
    for label, a, e in pairs:
        err = ((a.detach().double() - e.detach()).abs() / (1 + e.detach().abs())).max().item()
        if err > F32_CONDITIONING:
            raise RuntimeError(
                f"{name}: ill-conditioned in float32: PyTorch's float32 {label} differs from float64 "
                f"by {err:.3g} (relative to 1+|e|) > {F32_CONDITIONING:g}; use smaller weights "
                f"(tag 'wide'), a shorter sequence or float64")


def build(cfg):
    module, L, bi, with_len, dtype, T, B, I, H, tag = cfg
    name = fixture_name(module, L, bi, with_len, dtype, tag)
    seed = zlib.crc32(name.encode())
    tdt = torch.float64 if dtype == "float64" else torch.float32
    D = 2 if bi else 1
    is_lstm = module == "LSTM"

    gen = torch.Generator().manual_seed(seed)
    mod = make_module(module, I, H, L, bi, bias=tag != "nobias")
    if dtype == "float64":
        mod = mod.double()
    with torch.no_grad():
        for _, p in mod.named_parameters():
            # U(-0.5, 0.5); wide layers U(-1/sqrt(H), 1/sqrt(H)) (PyTorch's init), where
            # U(-0.5, 0.5) would make the recurrence chaotic and float32 results
            # depend on summation order.
            scale = 2 / H ** 0.5 if tag.startswith("wide") else 1.0
            p.copy_((torch.rand(p.shape, generator=gen, dtype=torch.float64) - 0.5) * scale)

    def randn(*shape):
        return torch.randn(*shape, generator=gen, dtype=torch.float64).to(tdt)

    x = randn(T, B, I).requires_grad_(True)
    h0 = randn(L * D, B, H).requires_grad_(True)
    c0 = randn(L * D, B, H).requires_grad_(True) if is_lstm else None
    lengths = make_lengths(gen, T, B) if with_len else None
    g_out = randn(T, B, D * H)
    g_hn = randn(L * D, B, H)
    g_cn = randn(L * D, B, H) if is_lstm else None

    hx = (h0, c0) if is_lstm else h0
    if tag == "nohx":
        hx = None
    out, h_n, c_n = run(mod, x, hx, lengths, g_out, g_hn, g_cn)
    if dtype == "float32":
        check_conditioning(name, mod, x, hx, lengths, g_out, g_hn, g_cn, out, h_n, c_n)

    tensors = {}
    for pname, p in mod.named_parameters():
        tensors[pname] = p.detach()
        tensors["grad." + pname] = p.grad.detach()
    tensors["input"] = x.detach()
    if hx is not None:
        tensors["h0"] = h0.detach()
    tensors["grad_output"] = g_out
    tensors["grad_h_n"] = g_hn
    tensors["output"] = out.detach()
    tensors["h_n"] = h_n.detach()
    tensors["grad_input"] = x.grad.detach()
    if hx is not None:
        tensors["grad_h0"] = h0.grad.detach()
    if is_lstm:
        tensors["grad_c_n"] = g_cn
        tensors["c_n"] = c_n.detach()
        if hx is not None:
            tensors["c0"] = c0.detach()
            tensors["grad_c0"] = c0.grad.detach()
    if lengths is not None:
        tensors["lengths"] = lengths
        # sanity: padded outputs and input grads are exactly zero
        for b, n in enumerate(lengths.tolist()):
            assert torch.all(out[n:, b] == 0)
            assert torch.all(x.grad[n:, b] == 0)

    for k, v in tensors.items():
        if k != "lengths":
            assert v.dtype == tdt, (name, k, v.dtype)
            assert torch.isfinite(v).all(), (name, k)

    meta = {
        "module": module,
        "input_size": str(I),
        "hidden_size": str(H),
        "num_layers": str(L),
        "bidirectional": "1" if bi else "0",
        "dtype": dtype,
    }
    return name, meta, tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)

    names = set()
    total = 0
    for cfg in CONFIGS:
        name, meta, tensors = build(cfg)
        assert name not in names, f"duplicate fixture name {name}"
        names.add(name)
        path = os.path.join(args.out, name + ".safetensors")
        safetensors_io.save(path, tensors, meta)
        # read back and compare bit-for-bit
        meta2, t2 = safetensors_io.load(path)
        assert meta2 == meta
        assert set(t2) == set(tensors)
        for k, v in tensors.items():
            a = v.detach().numpy()
            assert a.dtype == t2[k].dtype and a.shape == t2[k].shape, k
            assert np.array_equal(a, t2[k]), k
        size = os.path.getsize(path)
        total += size
        print(f"{name:32s} {len(tensors):3d} tensors {size:7d} bytes")
    print(f"{len(CONFIGS)} fixtures, {total} bytes total -> {args.out}")


if __name__ == "__main__":
    main()
