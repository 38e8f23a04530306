#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for optimizer tests.

Usage:  .venv/bin/python Scripts/make_optimizer_fixtures.py [--out DIR]

Writes Tests/RecurrentTests/Fixtures/optim/<name>.safetensors (float32).

metadata (all strings):
    optimizer   sgd | adam | adamw | rmsprop | adagrad
    steps       "5"
    every hyperparameter passed to the torch constructor (all of them are
    passed explicitly, defaults included):
      sgd      lr, momentum, dampening, nesterov ("0"/"1"), weight_decay
      adam     lr, beta1, beta2, eps, weight_decay, amsgrad ("0"/"1")
      adamw    lr, beta1, beta2, eps, weight_decay, amsgrad ("0"/"1")
      rmsprop  lr, alpha, eps, weight_decay, momentum, centered ("0"/"1")
      adagrad  lr, lr_decay, weight_decay, initial_accumulator_value, eps
    Floats are written with Python's repr (e.g. "0.01", "1e-08").

tensors (float32), parameters `w` (3, 4) and `b` (4,):
    param.w, param.b            initial values
    grad.<s>.w, grad.<s>.b      gradient assigned to .grad before step s (s = 1..5)
    expected.<s>.w, .b          parameter values after step s
"""

import argparse
import os
import sys
import zlib

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "RecurrentTests", "Fixtures", "optim")
STEPS = 5


def sgd(lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
    return dict(lr=lr, momentum=momentum, dampening=dampening, nesterov=nesterov, weight_decay=weight_decay)


def adam(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, amsgrad=False):
    return dict(lr=lr, beta1=beta1, beta2=beta2, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)


def adamw(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01, amsgrad=False):
    return adam(lr, beta1, beta2, eps, weight_decay, amsgrad)


def rmsprop(lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    return dict(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum, centered=centered)


def adagrad(lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    return dict(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay,
                initial_accumulator_value=initial_accumulator_value, eps=eps)


CONFIGS = [
    ("sgd_plain", "sgd", sgd(0.1)),
    ("sgd_momentum", "sgd", sgd(0.1, momentum=0.9)),
    ("sgd_nesterov_wd", "sgd", sgd(0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("sgd_momentum_dampening", "sgd", sgd(0.1, momentum=0.9, dampening=0.1)),
    ("adam_default", "adam", adam(0.01)),
    ("adam_wd", "adam", adam(0.01, weight_decay=0.01)),
    ("adam_amsgrad", "adam", adam(0.01, amsgrad=True)),
    ("adamw_default", "adamw", adamw(0.01)),
    ("rmsprop_default", "rmsprop", rmsprop(0.01)),
    ("rmsprop_centered_momentum", "rmsprop", rmsprop(0.01, momentum=0.5, centered=True)),
    ("adagrad_default", "adagrad", adagrad(0.1)),
    ("adagrad_lrdecay_wd", "adagrad", adagrad(0.1, lr_decay=0.01, weight_decay=0.1)),
]


def make_optimizer(kind, params, hp):
    if kind == "sgd":
        return torch.optim.SGD(params, **hp)
    if kind in ("adam", "adamw"):
        kw = dict(hp)
        kw["betas"] = (kw.pop("beta1"), kw.pop("beta2"))
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return cls(params, **kw)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, **hp)
    if kind == "adagrad":
        return torch.optim.Adagrad(params, **hp)
    raise ValueError(kind)


def s(v):
    if isinstance(v, bool):
        return "1" if v else "0"
    return repr(float(v))


def build(name, kind, hp):
    gen = torch.Generator().manual_seed(zlib.crc32(name.encode()))
    w = torch.nn.Parameter(torch.randn(3, 4, generator=gen))
    b = torch.nn.Parameter(torch.randn(4, generator=gen))
    tensors = {"param.w": w.detach().clone(), "param.b": b.detach().clone()}
    opt = make_optimizer(kind, [w, b], hp)
    for step in range(1, STEPS + 1):
        gw = torch.randn(3, 4, generator=gen)
        gb = torch.randn(4, generator=gen)
        w.grad = gw.clone()
        b.grad = gb.clone()
        opt.step()
        tensors[f"grad.{step}.w"] = gw
        tensors[f"grad.{step}.b"] = gb
        tensors[f"expected.{step}.w"] = w.detach().clone()
        tensors[f"expected.{step}.b"] = b.detach().clone()
    for k, v in tensors.items():
        assert v.dtype == torch.float32 and torch.isfinite(v).all(), k
    meta = {"optimizer": kind, "steps": str(STEPS)}
    meta.update({k: s(v) for k, v in hp.items()})
    return meta, tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    for name, kind, hp in CONFIGS:
        meta, tensors = build(name, kind, hp)
        path = os.path.join(args.out, name + ".safetensors")
        safetensors_io.save(path, tensors, meta)
        meta2, t2 = safetensors_io.load(path)
        assert meta2 == meta and set(t2) == set(tensors)
        for k, v in tensors.items():
            assert np.array_equal(v.numpy(), t2[k]), k
        delta = (tensors[f"expected.{STEPS}.w"] - tensors["param.w"]).abs().max().item()
        print(f"{name:28s} {meta}  max|dw| after {STEPS} steps = {delta:.4g}")
    print(f"{len(CONFIGS)} fixtures -> {args.out}")


if __name__ == "__main__":
    main()
