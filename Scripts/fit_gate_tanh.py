#!/usr/bin/env python3
"""Fits the rational tanh of the fused cells' gates (rk_tanhf_gate in rk_vecmath.h).

tanh(x) ≈ x·P(x²)/Q(x²) on [0, C] with P(0) = Q(0) = 1, minimising the largest relative
error: for a trial bound d, |P − f·Q| ≤ d·f·Q (f = tanh(x)/x) with Q ≥ 1 is a linear
feasibility problem in the coefficients (Chebyshev basis in 2x²/C² − 1 for conditioning);
d is bisected. Prints the coefficients in x² (monomial, Horner order for C) and the error
of the double-precision rational on a dense grid. Float errors are measured by the tests.

    python3 -m venv .venv-fit && .venv-fit/bin/pip install numpy scipy
    .venv-fit/bin/python Scripts/fit_gate_tanh.py            # C = 9, degrees 5 / 4
"""
import argparse

import numpy as np
from numpy.polynomial import chebyshev as cheb
from numpy.polynomial import polynomial as poly
from scipy.optimize import linprog

ap = argparse.ArgumentParser()
ap.add_argument("--clamp", type=float, default=9.0)
ap.add_argument("--p", type=int, default=5, help="degree of P in x²")
ap.add_argument("--q", type=int, default=4, help="degree of Q in x²")
ap.add_argument("--points", type=int, default=3000)
a = ap.parse_args()
c, dp, dq = a.clamp, a.p, a.q

x = np.unique(np.concatenate([c * np.sin(np.linspace(0, np.pi / 2, a.points)), np.linspace(0, c, a.points)]))
t = 2 * (x / c) ** 2 - 1
f = np.where(x > 0, np.tanh(x) / np.where(x > 0, x, 1), 1.0)
tp, tq = cheb.chebvander(t, dp), cheb.chebvander(t, dq)


def feasible(d):
    rows = np.vstack([np.hstack([tp, -(f * (1 + d))[:, None] * tq]),
                      np.hstack([-tp, (f * (1 - d))[:, None] * tq]),
                      np.hstack([np.zeros_like(tp), -tq])])
    rhs = np.concatenate([np.zeros(2 * len(t)), -np.ones(len(t))])
    r = linprog(np.concatenate([np.zeros(dp + 1), tq.sum(0)]), A_ub=rows, b_ub=rhs,
                bounds=[(None, None)] * (dp + dq + 2), method="highs")
    return r.x if r.status == 0 else None


lo, hi = 1e-12, 1e-4
best = feasible(hi)
for _ in range(40):
    mid = np.sqrt(lo * hi)
    s = feasible(mid)
    if s is not None:
        hi, best = mid, s
    else:
        lo = mid


def in_x2(coefficients):  # Chebyshev series in t = 2u/c² − 1 → monomial in u = x²
    out, power = np.zeros(len(coefficients)), np.array([1.0])
    for k, v in enumerate(cheb.cheb2poly(coefficients)):
        out[: len(power)] += v * power
        power = poly.polymul(power, [-1.0, 2 / c**2])
    return out


pu, qu = in_x2(best[: dp + 1]), in_x2(best[dp + 1:])
pu, qu = pu / pu[0], qu / pu[0]
qu = qu / qu[0]
xx = np.linspace(0, c, 2_000_001)
ff = np.where(xx > 0, np.tanh(xx) / np.where(xx > 0, xx, 1), 1.0)
err = np.abs(poly.polyval(xx * xx, pu) / poly.polyval(xx * xx, qu) / ff - 1).max()
print(f"clamp {c}, P degree {dp}, Q degree {dq}: max relative error (double) {err:.3g}")
print("P (highest first):", ", ".join(f"{float(np.float32(v)):.9e}f" for v in pu[::-1]))
print("Q (highest first):", ", ".join(f"{float(np.float32(v)):.9e}f" for v in qu[::-1]))
