"""Train a NAM WaveNet ("nano" preset shape, 842 weights) on the synthetic amp and write models/synth-amp.nam.

    python3 train_amp.py [--steps N] [--out FILE]   (a Python with torch, numpy and scipy)

Needs PyTorch, NumPy and SciPy. Seeded; one thread, so that runs repeat. The WaveNet's configuration, weight order
and reference forward pass come from the NAM test fixture script (tests/NetGen.Tests/Nam/Fixtures); this file adds
a trainable batch forward pass over the same weights. Prints the error-to-signal ratio (ESR) on held-out audio,
computed from the written float32 weights with the fixture script's float64 forward pass.
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "NetGen.Tests", "Nam", "Fixtures"))
import make_nam_fixtures as nam  # noqa: E402
import synthetic_amp  # noqa: E402

torch.set_default_dtype(torch.float32)  # the fixture script sets float64 for itself
OUTPUT = os.path.join(HERE, "..", "models", "synth-amp.nam")
HEAD_SCALE = 0.02
WINDOW = 8192
BATCH = 4


class WaveNet(torch.nn.Module):
    """The NAM WaveNet forward pass over a batch of windows; outputs start a receptive field into the window."""

    def __init__(self, arrays, weights):
        super().__init__()
        self.arrays = arrays
        self.w = torch.nn.ParameterDict({
            name.replace(".", "_"): torch.nn.Parameter(torch.tensor(weights[name], dtype=torch.float32))
            for name, _, kind in nam.wavenet_weight_layout(arrays) if kind != "head_scale"})

    def p(self, name):
        return self.w[name.replace(".", "_")]

    def forward(self, x):
        c, u, y = x, x, None
        for ai, a in enumerate(self.arrays):
            h = F.conv1d(u, self.p("a%d.rechannel" % ai).unsqueeze(-1))
            s = y
            for li, d in enumerate(a["dilations"]):
                p = "a%d.l%d." % (ai, li)
                z = F.conv1d(h, self.p(p + "conv.w"), self.p(p + "conv.b"), dilation=d)
                n = z.shape[-1]
                z = z + F.conv1d(c[..., -n:], self.p(p + "mixin").unsqueeze(-1))
                v = torch.tanh(z)
                s = v if s is None else s[..., -n:] + v
                h = h[..., -n:] + F.conv1d(v, self.p(p + "1x1.w").unsqueeze(-1), self.p(p + "1x1.b"))
            y = F.conv1d(s, self.p("a%d.head.w" % ai), self.p("a%d.head.b" % ai) if a["head_bias"] else None)
            u = h
        return HEAD_SCALE * y

    def flat_weights(self, layout):
        flat = []
        for name, _, kind in layout:
            flat.extend([HEAD_SCALE] if kind == "head_scale" else self.p(name).detach().double().numpy().ravel())
        return [float(str(np.float32(v))) for v in flat]  # float32 values, shortest text


def esr(target, output):
    return float(np.sum((target - output) ** 2) / np.sum(target ** 2))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=700)
    parser.add_argument("--out", default=OUTPUT)
    args = parser.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    start = time.time()

    definition = nam.def_wavenet_nano()
    config = definition["config"]
    arrays = nam.wavenet_arrays(config)
    layout = nam.wavenet_weight_layout(arrays)
    rf = nam.receptive_field(arrays)
    initial = nam.read_weights(layout, nam.make_wavenet_weights(arrays, np.random.default_rng(7), HEAD_SCALE))
    model = WaveNet(arrays, initial)

    x_train = synthetic_amp.training_signal(90, seed=1)
    y_train = synthetic_amp.amp(x_train)
    x_val = synthetic_amp.training_signal(10, seed=2)
    y_val = synthetic_amp.amp(x_val)
    xt = torch.tensor(x_train, dtype=torch.float32)
    yt = torch.tensor(y_train, dtype=torch.float32)
    print("nano WaveNet: %d weights, receptive field %d; %d s of training audio, %d s held out"
          % (len(model.flat_weights(layout)), rf, len(x_train) // 48000, len(x_val) // 48000))

    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda i: 0.5 * (1 + math.cos(math.pi * i / args.steps)))
    rng = np.random.default_rng(3)
    span = WINDOW + rf - 1
    running = None
    for step in range(1, args.steps + 1):
        starts = rng.integers(0, len(x_train) - span, BATCH)
        xb = torch.stack([xt[s:s + span] for s in starts]).unsqueeze(1)
        yb = torch.stack([yt[s + rf - 1:s + span] for s in starts]).unsqueeze(1)
        loss = F.mse_loss(model(xb), yb) / (yb.pow(2).mean() + 1e-6)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        if step % 100 == 0 or step in (1, 10):
            print("step %5d  training ESR %.4f  (%.0f s)" % (step, running, time.time() - start), flush=True)

    flat = model.flat_weights(layout)
    reference = nam.wavenet_forward_torch(arrays, nam.read_weights(layout, flat), x_val)
    val_esr = esr(y_val, reference)
    print("held-out ESR %.4f (%d s of unseen audio, float32 weights as written)" % (val_esr, len(x_val) // 48000))

    document = {
        "version": "0.5.4",
        "metadata": {
            "name": "NetGen synthetic crunch",
            "modeled_by": "NetGen samples/AmpSim",
            "gear_type": "amp",
            "gear_make": "NetGen",
            "gear_model": "High-pass 100 Hz, asymmetric tanh, low-pass 5 kHz",
            "tone_type": "crunch",
            "validation_esr": round(val_esr, 6),
        },
        "architecture": "WaveNet",
        "config": config,
        "weights": flat,
        "sample_rate": synthetic_amp.SAMPLE_RATE,
    }
    with open(args.out, "w") as fh:
        json.dump(document, fh)
        fh.write("\n")
    print("wrote %s in %.0f s" % (os.path.normpath(args.out), time.time() - start))


if __name__ == "__main__":
    main()
