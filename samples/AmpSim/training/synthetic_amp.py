"""The synthetic amp the sample models, and the training signal. The C# twin is samples/AmpSim/SyntheticAmp.cs.

Amp at 48 kHz: a first-order high-pass (bilinear, 100 Hz) -> gain 5 into tanh(u + 0.35) - tanh(0.35), an
asymmetric soft clipper that maps 0 to 0 -> a second-order Butterworth low-pass (bilinear, 5 kHz) -> gain 0.5.
"""

import math

import numpy as np
from scipy.signal import lfilter

SAMPLE_RATE = 48000
HIGH_PASS_HZ = 100.0
LOW_PASS_HZ = 5000.0
DRIVE = 5.0
BIAS = 0.35
OUTPUT_GAIN = 0.5


def high_pass_coefficients():
    k = math.tan(math.pi * HIGH_PASS_HZ / SAMPLE_RATE)
    b0 = 1.0 / (1.0 + k)
    return [b0, -b0], [1.0, (k - 1.0) / (k + 1.0)]


def low_pass_coefficients():
    k = math.tan(math.pi * LOW_PASS_HZ / SAMPLE_RATE)
    q = 1.0 / math.sqrt(2.0)
    norm = 1.0 / (1.0 + k / q + k * k)
    b0 = k * k * norm
    return [b0, 2.0 * b0, b0], [1.0, 2.0 * (k * k - 1.0) * norm, (1.0 - k / q + k * k) * norm]


def amp(x):
    """The amp's output for x (float64 in, float64 out), from silence."""
    b, a = high_pass_coefficients()
    s = lfilter(b, a, np.asarray(x, dtype=np.float64))
    s = np.tanh(DRIVE * s + BIAS) - math.tanh(BIAS)
    b, a = low_pass_coefficients()
    return OUTPUT_GAIN * lfilter(b, a, s)


def _level(rng):
    return 10.0 ** (rng.uniform(-36.0, 0.0) / 20.0)


def _pluck(rng, n):
    t = np.arange(n) / SAMPLE_RATE
    f0 = 82.4 * 2.0 ** (rng.integers(0, 30) / 12.0)
    v = np.zeros(n)
    for h in range(1, 12):
        if f0 * h < 0.45 * SAMPLE_RATE:
            v += rng.uniform(0.2, 1.0) / h * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi)) \
                * np.exp(-t * rng.uniform(1.5, 6.0) * h ** 0.5)
    return v / np.max(np.abs(v))


def _chord(rng, n):
    return sum(np.roll(_pluck(rng, n), 240 * i) * (np.arange(n) >= 240 * i) for i in range(3)) / 2.0


def _chirp(rng, n):
    t = np.arange(n) / SAMPLE_RATE
    f1, f2, dur = 40.0, 12000.0, n / SAMPLE_RATE
    phase = 2 * np.pi * f1 * dur / math.log(f2 / f1) * (np.exp(t / dur * math.log(f2 / f1)) - 1.0)
    return np.sin(phase) * np.minimum(1.0, np.minimum(t, dur - t) * 50.0)


def _noise_burst(rng, n):
    env = np.exp(-np.arange(n) / (n * rng.uniform(0.1, 0.5)))
    return np.clip(rng.normal(0.0, 0.35, n), -1.0, 1.0) * env


def training_signal(seconds, seed):
    """Plucks, chords, chirps and noise bursts at levels from -36 to 0 dBFS, with short silences."""
    rng = np.random.default_rng(seed)
    parts, total = [], 0
    kinds = [_pluck, _pluck, _chord, _chirp, _noise_burst]
    while total < seconds * SAMPLE_RATE:
        kind = kinds[rng.integers(0, len(kinds))]
        n = int(SAMPLE_RATE * rng.uniform(0.15, 1.2))
        parts.append(_level(rng) * kind(rng, n))
        parts.append(np.zeros(int(SAMPLE_RATE * rng.uniform(0.0, 0.1))))
        total += n + len(parts[-1])
    return np.concatenate(parts)[: seconds * SAMPLE_RATE]
