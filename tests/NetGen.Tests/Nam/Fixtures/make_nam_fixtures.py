"""Generate Neural Amp Modeler (.nam) test fixtures and reference outputs for NetGen.

Run from this folder (needs PyTorch and NumPy; deterministic, fixed seeds):

    python3 make_nam_fixtures.py   (a Python with torch; torch 1.13 was used)

The implementation below is written from a description of the .nam format (file layout, weight order and forward
pass), not from any other code base. It writes these files next to itself:

Good models (weights random but scaled so that signals stay in a normal audio range):
  wavenet-standard.nam  A1 "standard" preset shape, version 0.5.4: array 1 = 1 -> 16 channels, head 8, no head
                        bias; array 2 = 16 -> 8 channels, head 1, head bias; kernel 3; dilations 1..512 in each;
                        Tanh; "gated": false; legacy "head_size"/"head_bias"; config "head": null (as real A1
                        exports have); head_scale 0.02. 13,802 weights, receptive field 4,093. Full metadata
                        (incl. "date", "training", "validation_esr" objects a reader must tolerate).
  wavenet-nano.nam      A1 "nano" preset shape, version 0.5.4: array 1 = 1 -> 4 channels, head 2, dilations
                        1..64; array 2 = 4 -> 2 channels, head 1 (+bias), dilations 128, 256, 512, 1..512;
                        kernel 3; Tanh. 842 weights, receptive field 4,093. No metadata.
  wavenet-gated.nam     Small legacy gated WaveNet (version 0.5.2, "gated": true): array 1 = 1 -> 4 channels,
                        Tanh, dilations 1,2,4,8, head 2 (no bias); array 2 = 4 -> 2 channels, ReLU, dilations
                        1,4,16, head 1 (+bias); kernel 3; head_scale 0.25 (config and last weight). Also has an
                        unknown top-level key ("x_unknown_key") that a reader must ignore.
  wavenet-kernels.nam   Version 0.6.0 style: per-layer "kernel_sizes", no "gated" key, new "head" objects.
                        Array 1 (1 -> 4 channels, 8 layers) has a per-layer activation list covering
                        {"type": "LeakyReLU", "negative_slope": 0.2} (object form: "type" + parameters),
                        "SiLU", "Hardtanh" (fixed -1..1), "Softsign", "ReLU", "Sigmoid", "Tanh", "LeakyReLU"
                        (string form, slope 0.01), and head
                        {out_channels 3, kernel_size 2, bias false}; array 2 (4 -> 3 channels, 3 layers) has a
                        single object activation {"type": "LeakyReLU", "negative_slope": 0.05} and head
                        {out_channels 1, kernel_size 5, bias true}. NOTE: config.head_scale is 0.02 but the last
                        weight is 0.035 -- the format says the last weight is the value used, so the reference
                        uses 0.035 (tests that a reader does not use config.head_scale).
  a2-small.nam          "SlimmableContainer" (version 0.7.0, empty "weights") with two {max_value, model}
                        submodels (max_value 0.5 and 1.0), each an A2-style WaveNet (version 0.7.0): one layer
                        array, 9 layers, "kernel_sizes" [6,6,6,6,9,9,6,6,6], dilations [1,3,7,17,1,5,1,3,7],
                        LeakyReLU as a per-layer list of objects (slope 0.01), head {out_channels 1,
                        kernel_size 8, bias true}, head_scale 0.01; 2 channels (submodel 0) and 3 channels
                        (submodel 1, the default). Receptive field 251. The submodel configs carry the extra
                        keys that real A2 exports carry, all at neutral values (bottleneck = channels,
                        layer1x1 active, head1x1 inactive, gating_mode "none" per layer, secondary_activation
                        null per layer, groups 1, FiLM blocks inactive, config "head": null).
  lstm-standard.nam     LSTM 1 x 24 (2,569 weights). h0/c0 = the state reached from zero state after 48,000
                        zero input samples (what the format notes say the trainer stores). Has metadata.
  lstm-lite.nam         LSTM 2 x 8 (905 weights), h0/c0 random (h in +-0.5, c ~ N(0, 0.6)).
  lstm-odd.nam          LSTM 3 x 5 (616 weights, odd sizes), h0/c0 random as above.
                        LSTM weights: W ~ U(+-2/sqrt(H)) with layer 0's input column x3 (x8 for lstm-lite),
                        bias = two such U(+-1/sqrt(H)) draws, forget-gate bias +1, head W ~ N(0, 2/sqrt(H)).
                        These LSTMs are contractive: 0.5 s of zeros brings ANY h0/c0 to the same fixed point
                        (the last 1,000 prewarm steps change nothing in float64), so "output" cannot tell whether
                        a reader used h0/c0; "output_without_prewarm" can.

Bad files (for error tests; each must be rejected):
  bad-truncated.nam     wavenet-nano.nam cut in the middle of the weights list (invalid JSON).
  bad-weight-count.nam  wavenet-nano.nam with its last weight removed (841 instead of 842).
  bad-nan.nam           wavenet-nano.nam with weights[100] replaced by the bare token NaN (not valid JSON; it is
                        what Python's json module writes for float('nan')).
  bad-architecture.nam  "architecture": "Transformer" (otherwise a plausible file).
  bad-version.nam       wavenet-nano.nam with "version": "0.8.0" (outside 0.5.0 .. 0.7.x).
  bad-absurd.nam        a WaveNet config claiming 100000 channels with a 16-number weights list (a reader
                        must fail on the count check, never allocate ~3e10 floats).

Reference outputs: nam-outputs.json, one object whose keys are model names ("wavenet-standard", ...,
"a2-small@0", "a2-small@1", "lstm-lite", ...). Each entry has:
  file, architecture, weight_count (for a container submodel: the submodel's count), sample_rate,
  input  (2,000 samples, all float32-representable, written as float64),
  output (2,000 float64 values),
  WaveNet: receptive_field, head_scale_used;  container: submodel index and max_value;
  LSTM: prewarm_samples, state_after_prewarm {h: [layer][H], c: [layer][H]}, and
        output_without_prewarm (the same input run directly from the file's h0/c0, to check those were read).

WaveNet weights: rechannel N(0, 2/sqrt(in)), dilated conv N(0, 1/sqrt(C*K)), biases N(0, 0.05), input_mixin
N(0, 1.5), layer1x1 N(0, 0.6/sqrt(C)), head N(0, 1/sqrt(C*K_head)). Output peaks are 0.1 .. 0.9 with a small
DC offset (the output of silence, which is not zero). Running the same computations in float32 arithmetic
differs from the float64 references by at most ~1e-6 (LSTMs) / ~1e-7 (WaveNets), printed per model when the
script runs, so a float32 implementation should match within ~1e-5.

Conventions / readings chosen:
  * Numbers: every weight is a float32 value written as the shortest decimal that round-trips the equal
    float64 (Python json of float(np.float32(x))), so parsing as float32 or as float64 gives the exact value.
    Outputs are computed in float64 from those float32 weights and from the float32-exact input.
  * Convolution taps: W[out][in][k]; tap k reads x[t - d*(K-1-k)] (last tap = current sample); causal, no
    padding. 1x1 convolutions are W[out][in]. Biases follow their weight matrix.
  * WaveNet weight order per layer array: rechannel (no bias); per layer: dilated conv W, conv bias, input_mixin
    (no bias), layer1x1 W, layer1x1 bias; then head_rechannel W (and bias if the head has one). head_scale is
    the LAST weight of the file and is the value used (config.head_scale is only required to be present).
  * Gated layers: the dilated conv and input_mixin have 2*channels rows; v = f(z[:C]) * sigmoid(z[C:]).
  * Array a > 0: its input u is the residual output h of array a-1, and its head accumulator starts at the
    head output y[a-1] of array a-1 (so array a-1's head out_channels = array a's channels).
  * Head with kernel_size > 1: a causal convolution over time of the accumulator S (dilation 1).
  * Receptive field = 1 + sum (K-1)*d over all layers and heads (the format notes' formula).
  * WaveNet initial state = NAM core's Reset state = the steady state of silence. A WaveNet has no feedback,
    so output at t depends only on inputs t-RF+1..t; "all history before t=0 is zero input" is therefore
    exactly reproduced by prepending RF-1 zero INPUT samples and running every convolution "valid" (no
    padding), which leaves exactly the 2,000 outputs for t = 0..1999. (Zero-padding the internal signals
    instead would be wrong: with biases, the hidden signals of a silent input are not zero.) A separate
    per-sample streaming implementation that starts from all-zero buffers and first processes RF+1 zeros
    (as NAM core's prewarm does) is checked to give the same outputs.
  * LSTM: per layer W is 4H x (I+H) row-major = [W_ih | W_hh], gate rows i, f, g, o; one bias of 4H
    (= b_ih + b_hh); then h0 (H), c0 (H); after the layers the head W (1 x H) and head bias (1). Layer 0's
    input is the sample (I = 1); layer l > 0 reads layer l-1's h (I = H). Output y = W_head . h_last + b_head.
    Initial state = NAM core's Reset state: the file's h0/c0 advanced by int(0.5 s * sample_rate) zero
    samples (24,000 at 48 kHz), then the input. A per-sample NumPy cell is checked against torch.nn.LSTM.
  * Activation object form: {"type": <name>, "negative_slope": s} (LeakyReLU; default slope 0.01); a single
    activation (string or object) applies to every layer of the array, a list gives one per layer.
  * Preset shapes read from the format notes' table: nano = array 1 dilations 1..64 (7 layers), array 2
    dilations 128, 256, 512, 1..512 (13 layers); this reproduces the table's 842 weights (and standard 13,802,
    LSTM 2,569 / 905, A2 lite 1,871 with receptive field 6,347 are asserted by the script).
  * wavenet-kernels uses a head kernel of 2 on a NON-last array. Its head output enters the next array's
    accumulator at the same time step; the recorded receptive_field is the format notes' formula (sum over all
    layers and heads), which for this edge case is an upper bound of the true input span -- harmless for
    prewarm/steady state, which is exact either way.
  * Container: outputs are recorded for every submodel; the default (no size value given) is the last,
    largest one (a2-small@1); a size value v picks the first submodel with v < max_value. The container's own top-level sample_rate equals the submodels'.
"""

import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_RATE = 48000
N_SAMPLES = 2000
SILENCE_TAIL = 300

torch.set_default_dtype(torch.float64)


# ----------------------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------------------

def f32(x):
    """float64 value(s) rounded to the nearest float32, returned as Python floats."""
    return [float(v) for v in np.asarray(x, dtype=np.float64).astype(np.float32).ravel()]


def write_json(path, obj):
    with open(path, "w") as fh:
        json.dump(obj, fh)


# ----------------------------------------------------------------------------------------------------------
# Activations
# ----------------------------------------------------------------------------------------------------------

def parse_activation(a):
    """Return (name, negative_slope) from the string or object form."""
    if isinstance(a, str):
        name, params = a, {}
    elif isinstance(a, dict):
        name, params = a["type"], a
    else:
        raise ValueError("bad activation %r" % (a,))
    known = {"Tanh", "ReLU", "LeakyReLU", "Sigmoid", "SiLU", "Hardtanh", "Softsign"}
    if name not in known:
        raise ValueError("unsupported activation %r" % name)
    slope = float(params.get("negative_slope", 0.01)) if name == "LeakyReLU" else None
    return name, slope


def act_torch(z, act):
    name, slope = act
    if name == "Tanh":
        return torch.tanh(z)
    if name == "ReLU":
        return torch.relu(z)
    if name == "LeakyReLU":
        return torch.where(z >= 0, z, slope * z)
    if name == "Sigmoid":
        return torch.sigmoid(z)
    if name == "SiLU":
        return z * torch.sigmoid(z)
    if name == "Hardtanh":
        return torch.clamp(z, -1.0, 1.0)
    if name == "Softsign":
        return z / (1.0 + torch.abs(z))
    raise ValueError(name)


def sigmoid_np(z):
    return 1.0 / (1.0 + np.exp(-z))


def act_np(z, act):
    name, slope = act
    if name == "Tanh":
        return np.tanh(z)
    if name == "ReLU":
        return np.maximum(z, 0.0)
    if name == "LeakyReLU":
        return np.where(z >= 0, z, slope * z)
    if name == "Sigmoid":
        return sigmoid_np(z)
    if name == "SiLU":
        return z * sigmoid_np(z)
    if name == "Hardtanh":
        return np.clip(z, -1.0, 1.0)
    if name == "Softsign":
        return z / (1.0 + np.abs(z))
    raise ValueError(name)


# ----------------------------------------------------------------------------------------------------------
# WaveNet: config reading, weight-order walk, batch (PyTorch) and streaming (NumPy) forward passes
# ----------------------------------------------------------------------------------------------------------

def wavenet_arrays(config):
    """Normalise config["layers"] into a list of plain dicts. Rejects options these fixtures do not model."""
    if config.get("head") is not None:
        raise NotImplementedError("post-stack head")
    if config.get("condition_dsp") is not None:
        raise NotImplementedError("condition_dsp")
    if "head_scale" not in config:
        raise ValueError("config.head_scale must be present")
    arrays = []
    for lc in config["layers"]:
        C = int(lc["channels"])
        dil = [int(d) for d in lc["dilations"]]
        n = len(dil)
        if "kernel_sizes" in lc:
            ks = [int(k) for k in lc["kernel_sizes"]]
        else:
            ks = [int(lc["kernel_size"])] * n
        if len(ks) != n:
            raise ValueError("kernel_sizes / dilations length mismatch")
        a = lc["activation"]
        acts = [parse_activation(x) for x in a] if isinstance(a, list) else [parse_activation(a)] * n
        if len(acts) != n:
            raise ValueError("activation list length mismatch")
        if "gating_mode" in lc:
            gm = lc["gating_mode"]
            gm = list(gm) if isinstance(gm, list) else [gm] * n
            if any(g not in ("none", "gated") for g in gm):
                raise NotImplementedError("gating_mode %r" % (gm,))
            if any(g == "gated" for g in gm):
                raise NotImplementedError("gating_mode 'gated' (not used by these fixtures)")
            gated = [False] * n
        else:
            gated = [bool(lc.get("gated", False))] * n
        if lc.get("head") is not None:
            h = lc["head"]
            head_out, head_k, head_bias = int(h["out_channels"]), int(h["kernel_size"]), bool(h["bias"])
        else:
            head_out, head_k, head_bias = int(lc["head_size"]), 1, bool(lc["head_bias"])
        if int(lc.get("bottleneck", C)) != C:
            raise NotImplementedError("bottleneck != channels")
        if "layer1x1" in lc and not lc["layer1x1"]["active"]:
            raise NotImplementedError("inactive layer1x1")
        if "head1x1" in lc and lc["head1x1"]["active"]:
            raise NotImplementedError("head1x1")
        for key in ("groups_input", "groups_input_mixin"):
            if int(lc.get(key, 1)) != 1:
                raise NotImplementedError(key)
        for key, val in lc.items():
            if key.endswith("_film") and val is not None and val.get("active", True):
                raise NotImplementedError(key)
        arrays.append(dict(input_size=int(lc["input_size"]), condition_size=int(lc["condition_size"]),
                           channels=C, dilations=dil, kernel_sizes=ks, activations=acts, gated=gated,
                           head_out=head_out, head_k=head_k, head_bias=head_bias))
    for i in range(1, len(arrays)):
        if arrays[i]["input_size"] != arrays[i - 1]["channels"]:
            raise ValueError("array %d input_size must equal array %d channels" % (i, i - 1))
        if arrays[i - 1]["head_out"] != arrays[i]["channels"]:
            raise ValueError("array %d head out_channels must equal array %d channels" % (i - 1, i))
    return arrays


def wavenet_weight_layout(arrays):
    """The weight-order walk: list of (name, shape, kind) in file order."""
    out = []
    for ai, a in enumerate(arrays):
        C, cond = a["channels"], a["condition_size"]
        out.append(("a%d.rechannel" % ai, (C, a["input_size"]), "rechannel"))
        for li, (K, g) in enumerate(zip(a["kernel_sizes"], a["gated"])):
            rows = 2 * C if g else C
            p = "a%d.l%d." % (ai, li)
            out.append((p + "conv.w", (rows, C, K), "conv_w"))
            out.append((p + "conv.b", (rows,), "conv_b"))
            out.append((p + "mixin", (rows, cond), "mixin"))
            out.append((p + "1x1.w", (C, C), "l1x1_w"))
            out.append((p + "1x1.b", (C,), "l1x1_b"))
        out.append(("a%d.head.w" % ai, (a["head_out"], C, a["head_k"]), "head_w"))
        if a["head_bias"]:
            out.append(("a%d.head.b" % ai, (a["head_out"],), "head_b"))
    out.append(("head_scale", (), "head_scale"))
    return out


def read_weights(layout, flat):
    """Consume the flat list in layout order; fail unless the count matches exactly."""
    need = sum(int(np.prod(s)) for _, s, _ in layout)
    if need != len(flat):
        raise ValueError("weight count %d != %d required" % (len(flat), need))
    arr = np.asarray(flat, dtype=np.float64)
    pos, res = 0, {}
    for name, shape, _ in layout:
        n = int(np.prod(shape))
        res[name] = arr[pos:pos + n].reshape(shape)
        pos += n
    assert pos == len(flat)
    return res


def receptive_field(arrays):
    rf = 1
    for a in arrays:
        rf += sum((K - 1) * d for K, d in zip(a["kernel_sizes"], a["dilations"]))
        rf += a["head_k"] - 1
    return rf


def wavenet_forward_torch(arrays, w, x, dtype=torch.float64):
    """Batch forward (float64 unless asked) from the steady state of silence (see module docstring)."""
    rf = receptive_field(arrays)
    T = lambda name: torch.from_numpy(w[name]).to(dtype)
    xin = torch.tensor(np.concatenate([np.zeros(rf - 1), x]), dtype=dtype)
    c = xin.view(1, 1, -1)
    u, y_prev = c, None
    for ai, a in enumerate(arrays):
        C = a["channels"]
        h = F.conv1d(u, T("a%d.rechannel" % ai).unsqueeze(-1))
        S = y_prev
        for li, (K, d) in enumerate(zip(a["kernel_sizes"], a["dilations"])):
            p = "a%d.l%d." % (ai, li)
            z = F.conv1d(h, T(p + "conv.w"), T(p + "conv.b"), dilation=d)
            L = z.shape[-1]
            z = z + F.conv1d(c[..., -L:], T(p + "mixin").unsqueeze(-1))
            if a["gated"][li]:
                v = act_torch(z[:, :C], a["activations"][li]) * torch.sigmoid(z[:, C:])
            else:
                v = act_torch(z, a["activations"][li])
            S = v if S is None else S[..., -L:] + v
            h = h[..., -L:] + F.conv1d(v, T(p + "1x1.w").unsqueeze(-1), T(p + "1x1.b"))
        hb = T("a%d.head.b" % ai) if a["head_bias"] else None
        y_prev = F.conv1d(S, T("a%d.head.w" % ai), hb)
        u = h
    out = float(w["head_scale"]) * y_prev[0, 0]
    assert out.shape[0] >= len(x)
    return out[-len(x):].to(torch.float64).numpy().copy()


def wavenet_forward_stream(arrays, w, x):
    """Independent per-sample implementation: zero buffers, RF+1 zeros of prewarm, then x."""
    rf = receptive_field(arrays)
    sig = np.concatenate([np.zeros(rf + 1), x])
    n = len(sig)
    hist = {}  # per layer: history of that layer's input h; per head: history of its accumulator S
    for ai, a in enumerate(arrays):
        for li in range(len(a["dilations"])):
            hist[(ai, li)] = np.zeros((n, a["channels"]))
        hist[(ai, "head")] = np.zeros((n, a["channels"]))
    out = np.zeros(n)

    def tap(buf, t, back):
        return buf[t - back] if t - back >= 0 else 0.0 * buf[0]

    for t in range(n):
        c = np.array([sig[t]])
        u, S = c, None
        for ai, a in enumerate(arrays):
            C = a["channels"]
            h = w["a%d.rechannel" % ai] @ u
            S_acc = np.zeros(C) if S is None else S.copy()
            for li, (K, d) in enumerate(zip(a["kernel_sizes"], a["dilations"])):
                p = "a%d.l%d." % (ai, li)
                buf = hist[(ai, li)]
                buf[t] = h
                Wc = w[p + "conv.w"]
                z = w[p + "conv.b"].copy()
                for k in range(K):
                    z += Wc[:, :, k] @ tap(buf, t, d * (K - 1 - k))
                z += w[p + "mixin"] @ c
                if a["gated"][li]:
                    v = act_np(z[:C], a["activations"][li]) * sigmoid_np(z[C:])
                else:
                    v = act_np(z, a["activations"][li])
                S_acc = S_acc + v
                h = h + w[p + "1x1.w"] @ v + w[p + "1x1.b"]
            hb = hist[(ai, "head")]
            hb[t] = S_acc
            Hw = w["a%d.head.w" % ai]
            Kh = Hw.shape[2]
            y = np.zeros(Hw.shape[0]) if not a["head_bias"] else w["a%d.head.b" % ai].copy()
            for k in range(Kh):
                y += Hw[:, :, k] @ tap(hb, t, Kh - 1 - k)
            S, u = y, h
        out[t] = float(w["head_scale"]) * S[0]
    return out[rf + 1:]


def make_wavenet_weights(arrays, rng, head_scale, scales=None):
    s = dict(rechannel=2.0, conv_w=1.0, conv_b=0.05, mixin=1.5, l1x1_w=0.6, l1x1_b=0.05, head_w=1.0,
             head_b=0.05)
    if scales:
        s.update(scales)
    flat = []
    for name, shape, kind in wavenet_weight_layout(arrays):
        if kind == "head_scale":
            flat.append(head_scale)
            continue
        n = int(np.prod(shape))
        if kind in ("rechannel", "l1x1_w"):
            std = s[kind] / math.sqrt(shape[1])
        elif kind in ("conv_w", "head_w"):
            std = s[kind] / math.sqrt(shape[1] * shape[2])
        else:
            std = s[kind]
        flat.extend(rng.normal(0.0, std, n).tolist())
    return f32(flat)


# ----------------------------------------------------------------------------------------------------------
# LSTM
# ----------------------------------------------------------------------------------------------------------

def lstm_layout(config):
    I0, H, L = int(config["input_size"]), int(config["hidden_size"]), int(config["num_layers"])
    out = []
    for l in range(L):
        I = I0 if l == 0 else H
        out.append(("l%d.W" % l, (4 * H, I + H), "W"))
        out.append(("l%d.b" % l, (4 * H,), "b"))
        out.append(("l%d.h0" % l, (H,), "h0"))
        out.append(("l%d.c0" % l, (H,), "c0"))
    out.append(("head.w", (1, H), "head_w"))
    out.append(("head.b", (1,), "head_b"))
    return out


def lstm_torch_module(config, w, dtype=torch.float64):
    I0, H, L = int(config["input_size"]), int(config["hidden_size"]), int(config["num_layers"])
    m = torch.nn.LSTM(I0, H, L, dtype=dtype)
    with torch.no_grad():
        for l in range(L):
            I = I0 if l == 0 else H
            W = torch.from_numpy(w["l%d.W" % l])
            getattr(m, "weight_ih_l%d" % l).copy_(W[:, :I])
            getattr(m, "weight_hh_l%d" % l).copy_(W[:, I:])
            getattr(m, "bias_ih_l%d" % l).copy_(torch.from_numpy(w["l%d.b" % l]))
            getattr(m, "bias_hh_l%d" % l).zero_()
    return m


def lstm_run_torch(config, w, x, h, c, dtype=torch.float64):
    """x: 1-D array; h, c: (L, H) arrays. Returns (y, h, c) as float64 arrays."""
    m = lstm_torch_module(config, w, dtype)
    with torch.no_grad():
        seq = torch.tensor(np.asarray(x, dtype=np.float64), dtype=dtype).view(-1, 1, 1)
        h_, c_ = torch.tensor(h, dtype=dtype).unsqueeze(1), torch.tensor(c, dtype=dtype).unsqueeze(1)
        hs, (hn, cn) = m(seq, (h_, c_))
        hw, hb = torch.tensor(w["head.w"][0], dtype=dtype), torch.tensor(w["head.b"][0], dtype=dtype)
        y = (hs[:, 0, :] @ hw + hb).to(torch.float64).numpy()
    return y, hn[:, 0, :].to(torch.float64).numpy().copy(), cn[:, 0, :].to(torch.float64).numpy().copy()


def lstm_run_stream(config, w, x, h, c):
    """Independent per-sample NumPy cell, reading W as [W_ih | W_hh] with gate rows i, f, g, o."""
    H, L = int(config["hidden_size"]), int(config["num_layers"])
    h, c = h.copy(), c.copy()
    y = np.zeros(len(x))
    for t, xt in enumerate(x):
        inp = np.array([xt])
        for l in range(L):
            g = w["l%d.W" % l] @ np.concatenate([inp, h[l]]) + w["l%d.b" % l]
            i_, f_, g_, o_ = sigmoid_np(g[:H]), sigmoid_np(g[H:2 * H]), np.tanh(g[2 * H:3 * H]), sigmoid_np(g[3 * H:])
            c[l] = f_ * c[l] + i_ * g_
            h[l] = o_ * np.tanh(c[l])
            inp = h[l]
        y[t] = w["head.w"][0] @ h[L - 1] + w["head.b"][0]
    return y, h, c


def lstm_initial_state(w, config):
    L = int(config["num_layers"])
    return (np.stack([w["l%d.h0" % l] for l in range(L)]), np.stack([w["l%d.c0" % l] for l in range(L)]))


def make_lstm_weights(config, rng, h0c0, input_gain=3.0):
    """h0c0: 'settled' (state after 48,000 zeros from zero state) or 'random'."""
    H = int(config["hidden_size"])
    bound = 1.0 / math.sqrt(H)
    flat = []
    for name, shape, kind in lstm_layout(config):
        n = int(np.prod(shape))
        if kind == "W":
            W = rng.uniform(-2.0 * bound, 2.0 * bound, shape)
            if name == "l0.W":
                W[:, 0] *= input_gain  # a stronger input column, so the sound drives the gates
            flat.extend(W.ravel().tolist())
        elif kind == "b":
            b = rng.uniform(-bound, bound, n) + rng.uniform(-bound, bound, n)
            b[H:2 * H] += 1.0  # forget-gate bias, as trained LSTMs tend to have
            flat.extend(b.tolist())
        elif kind == "h0":
            flat.extend((rng.uniform(-0.5, 0.5, n) if h0c0 == "random" else np.zeros(n)).tolist())
        elif kind == "c0":
            flat.extend((rng.normal(0.0, 0.6, n) if h0c0 == "random" else np.zeros(n)).tolist())
        elif kind == "head_w":
            flat.extend(rng.normal(0.0, 2.0 / math.sqrt(H), n).tolist())
        elif kind == "head_b":
            flat.extend(rng.normal(0.0, 0.02, n).tolist())
    flat = f32(flat)
    if h0c0 == "settled":
        layout = lstm_layout(config)
        w = read_weights(layout, flat)
        h, c = lstm_initial_state(w, config)
        _, h, c = lstm_run_torch(config, w, np.zeros(48000), h, c)
        pos = 0
        for name, shape, kind in layout:
            n = int(np.prod(shape))
            l = int(name[1:name.index(".")]) if name.startswith("l") else None
            if kind == "h0":
                flat[pos:pos + n] = f32(h[l])
            elif kind == "c0":
                flat[pos:pos + n] = f32(c[l])
            pos += n
    return flat


def lstm_prewarm_samples(sample_rate):
    return int(0.5 * sample_rate)


# ----------------------------------------------------------------------------------------------------------
# Test signal
# ----------------------------------------------------------------------------------------------------------

def make_input():
    """A plucked note (decaying harmonics + a little noise), peak 0.5, then exact silence; float32-exact."""
    rng = np.random.default_rng(20240611)
    note_len = N_SAMPLES - SILENCE_TAIL
    t = np.arange(note_len) / SAMPLE_RATE
    f0 = 196.0  # G3
    x = np.zeros(note_len)
    for k in range(1, 13):
        amp = 1.0 / k ** 1.1
        tau = 0.12 / k ** 0.8
        x += amp * np.exp(-t / tau) * np.sin(2 * math.pi * k * f0 * (1.0 + 0.0004 * k * k) * t
                                             + rng.uniform(0, 2 * math.pi))
    i = np.arange(note_len)
    x *= 1.0 - np.exp(-i / 6.0)                                           # pick attack
    x += 0.15 * rng.normal(0, 1, note_len) * np.exp(-i / 40.0)            # pick noise burst
    x += 0.004 * rng.normal(0, 1, note_len)                               # hiss
    fade = 96
    x[-fade:] *= 0.5 * (1 + np.cos(np.linspace(0, math.pi, fade)))        # note cut (palm mute)
    x *= 0.5 / np.max(np.abs(x))
    x = np.concatenate([x, np.zeros(SILENCE_TAIL)])
    return np.asarray(f32(x))


# ----------------------------------------------------------------------------------------------------------
# Model definitions
# ----------------------------------------------------------------------------------------------------------

A1_METADATA = {
    "date": {"year": 2024, "month": 6, "day": 11, "hour": 14, "minute": 5, "second": 33},
    "loudness": -18.42,
    "gain": 0.5531,
    "name": "Fixture Standard WaveNet",
    "modeled_by": "NetGen tests",
    "gear_type": "amp",
    "gear_make": "Fixture Amps",
    "gear_model": "Model 1 Lead",
    "tone_type": "hi_gain",
    "input_level_dbu": 12.2,
    "output_level_dbu": 6.5,
    "training": {"settings": {"ignore_checks": False}, "data": {"checks": {"version": 3, "passed": True}},
                 "validation_esr": 0.0123},
    "validation_esr": 0.0123,
}


def a1_layers(ch1, head1, ch2, dil1, dil2):
    return [
        {"input_size": 1, "condition_size": 1, "head_size": head1, "channels": ch1, "kernel_size": 3,
         "dilations": dil1, "activation": "Tanh", "gated": False, "head_bias": False},
        {"input_size": ch1, "condition_size": 1, "head_size": 1, "channels": ch2, "kernel_size": 3,
         "dilations": dil2, "activation": "Tanh", "gated": False, "head_bias": True},
    ]


def def_wavenet_standard():
    d = [2 ** i for i in range(10)]
    cfg = {"layers": a1_layers(16, 8, 8, d, d), "head": None, "head_scale": 0.02}
    return dict(version="0.5.4", config=cfg, head_scale_weight=0.02, seed=1, metadata=A1_METADATA)


def def_wavenet_nano():
    d1 = [2 ** i for i in range(7)]
    d2 = [128, 256, 512] + [2 ** i for i in range(10)]
    cfg = {"layers": a1_layers(4, 2, 2, d1, d2), "head": None, "head_scale": 0.02}
    return dict(version="0.5.4", config=cfg, head_scale_weight=0.02, seed=2)


def def_wavenet_gated():
    cfg = {"layers": [
        {"input_size": 1, "condition_size": 1, "head_size": 2, "channels": 4, "kernel_size": 3,
         "dilations": [1, 2, 4, 8], "activation": "Tanh", "gated": True, "head_bias": False},
        {"input_size": 4, "condition_size": 1, "head_size": 1, "channels": 2, "kernel_size": 3,
         "dilations": [1, 4, 16], "activation": "ReLU", "gated": True, "head_bias": True},
    ], "head_scale": 0.25}
    return dict(version="0.5.2", config=cfg, head_scale_weight=0.25, seed=3,
                extra_top={"x_unknown_key": {"ignored": [1, 2, 3]}})


def def_wavenet_kernels():
    cfg = {"layers": [
        {"input_size": 1, "condition_size": 1, "channels": 4,
         "kernel_sizes": [2, 3, 5, 3, 4, 3, 2, 3], "dilations": [1, 2, 3, 8, 5, 16, 1, 7],
         "activation": [{"type": "LeakyReLU", "negative_slope": 0.2}, "SiLU", "Hardtanh", "Softsign", "ReLU",
                        "Sigmoid", "Tanh", "LeakyReLU"],
         "head": {"out_channels": 3, "kernel_size": 2, "bias": False}},
        {"input_size": 4, "condition_size": 1, "channels": 3,
         "kernel_sizes": [3, 2, 4], "dilations": [4, 1, 2],
         "activation": {"type": "LeakyReLU", "negative_slope": 0.05},
         "head": {"out_channels": 1, "kernel_size": 5, "bias": True}},
    ], "head_scale": 0.02}
    return dict(version="0.6.0", config=cfg, head_scale_weight=0.035, seed=4)


def a2_small_config(channels):
    ks = [6, 6, 6, 6, 9, 9, 6, 6, 6]
    dil = [1, 3, 7, 17, 1, 5, 1, 3, 7]
    n = len(ks)
    film = {"active": False, "shift": True, "groups": 1}
    layer = {
        "input_size": 1, "condition_size": 1,
        "head": {"out_channels": 1, "kernel_size": 8, "bias": True},
        "channels": channels, "kernel_sizes": ks, "dilations": dil,
        "activation": [{"type": "LeakyReLU", "negative_slope": 0.01}] * n,
        "bottleneck": channels,
        "head1x1": {"active": False, "out_channels": 1, "groups": 1},
        "layer1x1": {"active": True, "groups": 1},
        "groups_input": 1, "groups_input_mixin": 1,
    }
    for k in ("conv_pre_film", "conv_post_film", "input_mixin_pre_film", "input_mixin_post_film",
              "activation_pre_film", "activation_post_film", "layer1x1_post_film", "head1x1_post_film"):
        layer[k] = dict(film)
    layer["gating_mode"] = ["none"] * n
    layer["secondary_activation"] = [None] * n
    layer["slimmable"] = None
    return {"layers": [layer], "head": None, "head_scale": 0.01}


A2_METADATA = {
    "date": {"year": 2026, "month": 2, "day": 3, "hour": 9, "minute": 41, "second": 7},
    "loudness": -21.7,
    "name": "Fixture A2 Small",
    "modeled_by": "NetGen tests",
    "gear_type": "pedal",
    "gear_make": "Fixture Pedals",
    "gear_model": "Overdrive 2",
    "tone_type": "overdrive",
    "input_level_dbu": 8.25,
    "output_level_dbu": 4.0,
}

LSTM_METADATA = {
    "name": "Fixture LSTM",
    "modeled_by": "NetGen tests",
    "gear_type": "amp",
    "gear_make": "Fixture Amps",
    "gear_model": "Model 2 Clean",
    "tone_type": "clean",
    "loudness": -30.25,
    "input_level_dbu": 18.3,
    "output_level_dbu": 12.3,
}


def build_wavenet_nam(defn):
    arrays = wavenet_arrays(defn["config"])
    rng = np.random.default_rng(1000 + defn["seed"])
    weights = make_wavenet_weights(arrays, rng, defn["head_scale_weight"], defn.get("scales"))
    nam = {"version": defn["version"]}
    if "metadata" in defn:
        nam["metadata"] = defn["metadata"]
    nam.update({"architecture": "WaveNet", "config": defn["config"], "weights": weights,
                "sample_rate": SAMPLE_RATE})
    nam.update(defn.get("extra_top", {}))
    return nam


def build_lstm_nam(config, seed, h0c0, metadata=None, input_gain=3.0):
    rng = np.random.default_rng(2000 + seed)
    weights = make_lstm_weights(config, rng, h0c0, input_gain)
    nam = {"version": "0.5.4"}
    if metadata:
        nam["metadata"] = metadata
    nam.update({"architecture": "LSTM", "config": config, "weights": weights, "sample_rate": SAMPLE_RATE})
    return nam


# ----------------------------------------------------------------------------------------------------------
# Evaluation of a loaded .nam object
# ----------------------------------------------------------------------------------------------------------

def check_f32(weights, label):
    for v in weights:
        if not isinstance(v, float) or float(np.float32(v)) != v:
            raise AssertionError("%s: weight %r is not float32-exact" % (label, v))


def evaluate(nam, x, label, stream_check=True):
    """Return a reference entry (dict) for a loaded WaveNet/LSTM object."""
    arch = nam["architecture"]
    flat = nam["weights"]
    check_f32(flat, label)
    sr = nam.get("sample_rate", SAMPLE_RATE)
    if arch == "WaveNet":
        arrays = wavenet_arrays(nam["config"])
        layout = wavenet_weight_layout(arrays)
        w = read_weights(layout, flat)
        y = wavenet_forward_torch(arrays, w, x)
        if stream_check:
            ys = wavenet_forward_stream(arrays, w, x)
            err = float(np.max(np.abs(ys - y)))
            print("  %-18s streaming vs batch max |diff| = %.3g" % (label, err))
            assert err < 1e-12, err
        y32 = wavenet_forward_torch(arrays, w, x, torch.float32)
        entry = {"architecture": arch, "weight_count": len(flat), "sample_rate": sr,
                 "receptive_field": receptive_field(arrays), "head_scale_used": float(w["head_scale"])}
    elif arch == "LSTM":
        cfg = nam["config"]
        layout = lstm_layout(cfg)
        w = read_weights(layout, flat)
        h0, c0 = lstm_initial_state(w, cfg)
        npre = lstm_prewarm_samples(sr)
        _, hp, cp = lstm_run_torch(cfg, w, np.zeros(npre), h0, c0)
        y, _, _ = lstm_run_torch(cfg, w, x, hp, cp)
        y_raw, _, _ = lstm_run_torch(cfg, w, x, h0, c0)
        if stream_check:
            _, hs, cs = lstm_run_stream(cfg, w, np.zeros(npre), h0, c0)
            ys, _, _ = lstm_run_stream(cfg, w, x, hs, cs)
            err = max(float(np.max(np.abs(ys - y))), float(np.max(np.abs(hs - hp))), float(np.max(np.abs(cs - cp))))
            print("  %-18s NumPy cell vs torch.nn.LSTM max |diff| = %.3g" % (label, err))
            assert err < 1e-12, err
        drift = float(np.max(np.abs(np.concatenate([(hp - h0).ravel(), (cp - c0).ravel()]))))
        _, hq, cq = lstm_run_torch(cfg, w, np.zeros(npre - 1000), h0, c0)
        settle = float(max(np.max(np.abs(hq - hp)), np.max(np.abs(cq - cp))))
        print("  %-18s prewarm moved the state by up to %.3g; last 1000 prewarm steps moved it by %.3g"
              % (label, drift, settle))
        _, h32, c32 = lstm_run_torch(cfg, w, np.zeros(npre), h0, c0, torch.float32)
        y32, _, _ = lstm_run_torch(cfg, w, x, h32, c32, torch.float32)
        entry = {"architecture": arch, "weight_count": len(flat), "sample_rate": sr, "prewarm_samples": npre,
                 "state_after_prewarm": {"h": hp.tolist(), "c": cp.tolist()}}
    else:
        raise ValueError(arch)
    print("  %-18s float32 arithmetic vs float64 reference: max |diff| = %.3g" % (label, np.max(np.abs(y32 - y))))
    ac = y - y[-1]  # y[-1] is the output of silence (a DC offset)
    print("  %-18s weights %6d  output peak %.4f  silence output %.4f  signal peak %.4f  signal rms %.4f"
          % (label, len(flat), np.max(np.abs(y)), y[-1], np.max(np.abs(ac)), np.sqrt(np.mean(ac ** 2))))
    entry["input"] = [float(v) for v in x]
    entry["output"] = [float(v) for v in y]
    if arch == "LSTM":
        entry["output_without_prewarm"] = [float(v) for v in y_raw]
    return entry


# ----------------------------------------------------------------------------------------------------------
# Bad files
# ----------------------------------------------------------------------------------------------------------

def write_bad_files(nano):
    text = json.dumps(nano)
    wpos = text.index('"weights"')
    cut = wpos + (len(text) - wpos) // 2
    with open(os.path.join(HERE, "bad-truncated.nam"), "w") as fh:
        fh.write(text[:cut])

    b = json.loads(text)
    b["weights"] = b["weights"][:-1]
    write_json(os.path.join(HERE, "bad-weight-count.nam"), b)

    b = json.loads(text)
    b["weights"][100] = float("nan")
    with open(os.path.join(HERE, "bad-nan.nam"), "w") as fh:
        json.dump(b, fh)  # allow_nan=True (the default) writes the bare token NaN

    b = {"version": "0.5.4", "architecture": "Transformer",
         "config": {"num_layers": 2, "d_model": 8, "num_heads": 2},
         "weights": [0.0] * 16, "sample_rate": SAMPLE_RATE}
    write_json(os.path.join(HERE, "bad-architecture.nam"), b)

    b = json.loads(text)
    b["version"] = "0.8.0"
    write_json(os.path.join(HERE, "bad-version.nam"), b)

    b = {"version": "0.5.4", "architecture": "WaveNet",
         "config": {"layers": [
             {"input_size": 1, "condition_size": 1, "head_size": 100000, "channels": 100000, "kernel_size": 3,
              "dilations": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], "activation": "Tanh", "gated": False,
              "head_bias": False},
             {"input_size": 100000, "condition_size": 1, "head_size": 1, "channels": 100000, "kernel_size": 3,
              "dilations": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], "activation": "Tanh", "gated": False,
              "head_bias": True}],
             "head": None, "head_scale": 0.02},
         "weights": [0.0] * 15 + [0.02], "sample_rate": SAMPLE_RATE}
    write_json(os.path.join(HERE, "bad-absurd.nam"), b)


def check_bad_files():
    # truncated and NaN: strict JSON must fail
    for name in ("bad-truncated.nam", "bad-nan.nam"):
        with open(os.path.join(HERE, name)) as fh:
            txt = fh.read()
        try:
            json.loads(txt, parse_constant=lambda s: (_ for _ in ()).throw(ValueError(s)))
        except ValueError:
            pass
        else:
            raise AssertionError(name + " parsed")
    with open(os.path.join(HERE, "bad-nan.nam")) as fh:
        assert "NaN" in fh.read()
    for name in ("bad-weight-count.nam", "bad-absurd.nam"):
        with open(os.path.join(HERE, name)) as fh:
            b = json.load(fh)
        try:
            read_weights(wavenet_weight_layout(wavenet_arrays(b["config"])), b["weights"])
        except ValueError:
            pass
        else:
            raise AssertionError(name + " accepted")
    with open(os.path.join(HERE, "bad-version.nam")) as fh:
        assert json.load(fh)["version"] == "0.8.0"
    with open(os.path.join(HERE, "bad-architecture.nam")) as fh:
        assert json.load(fh)["architecture"] == "Transformer"


# ----------------------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------------------

def main():
    x = make_input()
    assert np.all(x[-SILENCE_TAIL:] == 0.0) and abs(np.max(np.abs(x)) - 0.5) < 1e-6

    files = {}
    files["wavenet-standard"] = build_wavenet_nam(def_wavenet_standard())
    files["wavenet-nano"] = build_wavenet_nam(def_wavenet_nano())
    files["wavenet-gated"] = build_wavenet_nam(def_wavenet_gated())
    files["wavenet-kernels"] = build_wavenet_nam(def_wavenet_kernels())

    subs = []
    for i, (ch, mv) in enumerate(((2, 0.5), (3, 1.0))):
        sub = build_wavenet_nam(dict(version="0.7.0", config=a2_small_config(ch), head_scale_weight=0.01,
                                     seed=10 + i))
        subs.append({"max_value": mv, "model": sub})
    files["a2-small"] = {"version": "0.7.0", "metadata": A2_METADATA, "architecture": "SlimmableContainer",
                         "config": {"submodels": subs}, "weights": [], "sample_rate": SAMPLE_RATE}

    files["lstm-standard"] = build_lstm_nam({"input_size": 1, "hidden_size": 24, "num_layers": 1}, 1, "settled",
                                            LSTM_METADATA)
    files["lstm-lite"] = build_lstm_nam({"input_size": 1, "hidden_size": 8, "num_layers": 2}, 2, "random",
                                        input_gain=8.0)
    files["lstm-odd"] = build_lstm_nam({"input_size": 1, "hidden_size": 5, "num_layers": 3}, 3, "random")

    for name, obj in files.items():
        write_json(os.path.join(HERE, name + ".nam"), obj)
    write_bad_files(files["wavenet-nano"])

    # Everything below works from the files as re-read from disk.
    print("reference outputs:")
    refs = {}
    for name in files:
        fname = name + ".nam"
        with open(os.path.join(HERE, fname)) as fh:
            nam = json.load(fh)
        if nam["architecture"] == "SlimmableContainer":
            assert nam["weights"] == []
            mvs = [s["max_value"] for s in nam["config"]["submodels"]]
            assert mvs == sorted(mvs)
            for i, s in enumerate(nam["config"]["submodels"]):
                e = evaluate(s["model"], x, "%s@%d" % (name, i))
                e = dict({"file": fname, "submodel": i, "max_value": s["max_value"]}, **e)
                refs["%s@%d" % (name, i)] = e
        else:
            e = evaluate(nam, x, name)
            refs[name] = dict({"file": fname}, **e)

    # Spot checks against the format notes' preset counts / receptive fields.
    assert refs["wavenet-standard"]["weight_count"] == 13802
    assert refs["wavenet-standard"]["receptive_field"] == 4093
    assert refs["wavenet-nano"]["weight_count"] == 842
    assert refs["wavenet-nano"]["receptive_field"] == 4093
    assert refs["lstm-standard"]["weight_count"] == 2569
    assert refs["lstm-lite"]["weight_count"] == 905
    assert refs["a2-small@1"]["receptive_field"] == 251
    assert refs["wavenet-kernels"]["head_scale_used"] == float(np.float32(0.035))
    # The A2 layout reproduces the documented A2 lite count (3 channels, 23 layers, head kernel 16).
    a2_lite = {"layers": [{"input_size": 1, "condition_size": 1, "channels": 3,
                           "kernel_sizes": [6] * 14 + [15, 15] + [6] * 7,
                           "dilations": [1, 3, 7, 17, 41, 101, 239] * 2 + [1, 13] + [1, 3, 7, 17, 41, 101, 239],
                           "activation": "LeakyReLU", "head": {"out_channels": 1, "kernel_size": 16, "bias": True}}],
               "head_scale": 0.01}
    arr = wavenet_arrays(a2_lite)
    assert sum(int(np.prod(s)) for _, s, _ in wavenet_weight_layout(arr)) == 1871
    assert receptive_field(arr) == 6347

    with open(os.path.join(HERE, "nam-outputs.json"), "w") as fh:
        json.dump(refs, fh)

    check_bad_files()

    # Re-read the reference file and confirm the outputs are reproducible from it.
    with open(os.path.join(HERE, "nam-outputs.json")) as fh:
        back = json.load(fh)
    assert back.keys() == refs.keys()
    for k, e in back.items():
        assert len(e["input"]) == N_SAMPLES and len(e["output"]) == N_SAMPLES
        assert all(math.isfinite(v) for v in e["output"])

    print("files:")
    total = 0
    for fn in sorted(os.listdir(HERE)):
        if fn.endswith((".nam", ".json")):
            size = os.path.getsize(os.path.join(HERE, fn))
            total += size
            print("  %-24s %9d bytes" % (fn, size))
    print("  total %d bytes" % total)


if __name__ == "__main__":
    main()
