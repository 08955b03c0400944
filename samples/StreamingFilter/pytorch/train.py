"""Trains the StreamingFilter model in PyTorch and writes its state_dict as JSON for NetGen.

The same model as FilterModel.cs ([Network(1)] [Lstm(12)] [Dense(1)]: nn.LSTM(1, 12, batch_first=True) and
nn.Linear(12, 1)) and the same objective (mean squared error over 384-frame windows whose first 64 frames only fill
the state), on the same kind of signal: plucked notes through a 1.5 kHz one-pole low-pass into tanh(3x) at 48 kHz.

    python3 train.py                     # writes filter.state.json and filter.onnx
    dotnet run --project samples/StreamingFilter -c Release -- --weights samples/StreamingFilter/pytorch/filter.state.json
"""
import json
import math

import torch
import torch.nn as nn

RATE, CUTOFF, DRIVE = 48_000, 1_500.0, 3.0
WINDOW, WARMUP = 384, 64


def plucks(frames, generator):
    signal = torch.zeros(frames)
    note = RATE // 8
    for start in range(0, frames, note):
        f = 82.4 * 2 ** (int(torch.randint(0, 36, (1,), generator=generator)) / 12)
        level = 0.2 + 0.8 * float(torch.rand(1, generator=generator))
        t = torch.arange(min(note, frames - start)) / RATE
        tone = sum(torch.sin(2 * math.pi * f * h * t) / h for h in range(1, 5))
        noise = 0.01 * (2 * torch.rand(len(t), generator=generator) - 1)
        signal[start:start + len(t)] = level * torch.exp(-6 * t) * tone * 0.6 + noise
    return signal


def analog_stage(x):
    a, s, y = 1 - math.exp(-2 * math.pi * CUTOFF / RATE), 0.0, torch.empty_like(x)
    for i, v in enumerate(x.tolist()):
        s += a * (v - s)
        y[i] = math.tanh(DRIVE * s)
    return y


class FilterModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(1, 12, batch_first=True)
        self.dense = nn.Linear(12, 1)

    def forward(self, x):  # x: [batch, frames, 1]
        return self.dense(self.rnn(x)[0])


torch.manual_seed(1)
generator = torch.Generator().manual_seed(1)
x = plucks(4 * RATE, generator)
y = analog_stage(x)
model = FilterModel()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(2000):
    if step == 1500:
        optimizer.param_groups[0]["lr"] = 0.002
    starts = torch.randint(0, len(x) - WINDOW, (16,), generator=generator)
    xb = torch.stack([x[s:s + WINDOW] for s in starts]).unsqueeze(-1)
    yb = torch.stack([y[s:s + WINDOW] for s in starts]).unsqueeze(-1)
    loss = 0.5 * ((model(xb) - yb)[:, WARMUP:] ** 2).mean()   # NetGen's J: ½ (ŷ − y)² averaged over frames
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 500 == 0 or step == 1999:
        print(f"step {step}: J {loss.item():.3e}")

with open("filter.state.json", "w") as f:
    json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f, allow_nan=False)
print("wrote filter.state.json")

# The same model as ONNX, architecture included, for [NetworkModel("pytorch/filter.onnx")]; frames as a dynamic axis.
torch.onnx.export(model, xb[:1], "filter.onnx", opset_version=14, input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {1: "frames"}, "output": {1: "frames"}})
print("wrote filter.onnx")
