"""Minimal, dependency-free safetensors writer/reader used by the fixture scripts.

File layout (https://github.com/huggingface/safetensors, "format" section):

    [8 bytes]  N, little-endian unsigned 64-bit: length of the JSON header
    [N bytes]  UTF-8 JSON header:
                 {"__metadata__": {"key": "value", ...},          (all strings)
                  "<tensor name>": {"dtype": "F32" | "F64" | "I64",
                                    "shape": [d0, d1, ...],
                                    "data_offsets": [begin, end]}, ...}
               The header is right-padded with ASCII spaces so that the data
               section starts at an 8-byte aligned file offset (the reference
               implementation does the same; trailing spaces are valid JSON).
    [rest]     data section: raw little-endian row-major tensor bytes;
               data_offsets are byte offsets relative to the start of this
               section, tensors are contiguous and in header order.

Only numpy is needed.  Tensors may be numpy arrays or torch tensors.
"""

import json
import struct

import numpy as np

_DTYPES = {
    np.dtype("float32"): "F32",
    np.dtype("float64"): "F64",
    np.dtype("int64"): "I64",
}
_NP = {v: k for k, v in _DTYPES.items()}


def _to_numpy(t):
    if hasattr(t, "detach"):  # torch.Tensor
        t = t.detach().cpu().contiguous().numpy()
    a = np.ascontiguousarray(t)
    if a.dtype not in _DTYPES:
        raise TypeError(f"unsupported dtype {a.dtype}")
    return a.astype(a.dtype.newbyteorder("<"), copy=False)


def save(path, tensors, metadata=None):
    """Write `tensors` (name -> array) to `path`. Tensors are stored sorted by name."""
    header = {}
    if metadata:
        for k, v in metadata.items():
            if not isinstance(v, str):
                raise TypeError(f"metadata value for {k!r} must be str, got {type(v)}")
        header["__metadata__"] = dict(metadata)
    blobs = []
    offset = 0
    for name in sorted(tensors):
        if name == "__metadata__":
            raise ValueError("reserved name")
        a = _to_numpy(tensors[name])
        raw = a.tobytes(order="C")
        header[name] = {
            "dtype": _DTYPES[a.dtype],
            "shape": list(a.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    hjson = json.dumps(header, separators=(",", ":")).encode("utf-8")
    pad = (-(8 + len(hjson))) % 8
    hjson += b" " * pad
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hjson)))
        f.write(hjson)
        for raw in blobs:
            f.write(raw)


def load(path):
    """Return (metadata: dict[str,str], tensors: dict[str, np.ndarray])."""
    with open(path, "rb") as f:
        buf = f.read()
    (n,) = struct.unpack("<Q", buf[:8])
    header = json.loads(buf[8 : 8 + n].decode("utf-8"))
    data = buf[8 + n :]
    meta = header.pop("__metadata__", {})
    out = {}
    end_max = 0
    for name, info in header.items():
        dt = _NP[info["dtype"]].newbyteorder("<")
        b, e = info["data_offsets"]
        shape = tuple(info["shape"])
        count = int(np.prod(shape)) if shape else 1
        if e - b != count * dt.itemsize:
            raise ValueError(f"{name}: size mismatch")
        out[name] = np.frombuffer(data[b:e], dtype=dt).reshape(shape)
        end_max = max(end_max, e)
    if end_max != len(data):
        raise ValueError(f"data section has {len(data)} bytes, header covers {end_max}")
    return meta, out
