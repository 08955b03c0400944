"""Writes the state_dicts of custom PyTorch modules whose __init__ registers the layers in another order than forward
runs them, and PyTorch's outputs, for the module-order tests of PyTorchWeights.Load and Weights = on [Network]:

- out-of-order.state.json: 10-16-16-1 (tanh, tanh, identity) registered as fc2, out, fc1; the shapes give the order.
- ambiguous.state.json: 16-16-16-1 (tanh, tanh, identity) registered as c, a, b with c and a both 16x16; forward runs
  a, c, b, which no loader can tell from the file.
- named-rnn.state.json: an nn.LSTM(1, 8) named rnn after an nn.Linear(8, 1) named dense; forward runs rnn, dense.
- module-order-outputs.json: inputs and PyTorch's outputs of each.

Run from this folder with a Python that has torch:  python3 make_module_order_fixtures.py
"""
import json

import torch
import torch.nn as nn

torch.manual_seed(20261208)
torch.set_default_dtype(torch.float64)


class OutOfOrder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc2 = nn.Linear(16, 16)
        self.out = nn.Linear(16, 1)
        self.fc1 = nn.Linear(10, 16)

    def forward(self, x):
        return self.out(torch.tanh(self.fc2(torch.tanh(self.fc1(x)))))


class Ambiguous(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Linear(16, 16)
        self.a = nn.Linear(16, 16)
        self.b = nn.Linear(16, 1)

    def forward(self, x):
        return self.b(torch.tanh(self.c(torch.tanh(self.a(x)))))


class NamedRnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(8, 1)
        self.rnn = nn.LSTM(1, 8, batch_first=True)

    def forward(self, x):  # x: [batch, frames, 1]
        return self.dense(self.rnn(x)[0])


def state(model):
    return {k: v.tolist() for k, v in model.state_dict().items()}


def dump(name, model):
    with open(name, "w") as f:
        json.dump(state(model), f)


outputs = {}
with torch.no_grad():
    for name, model, width in (("out-of-order", OutOfOrder(), 10), ("ambiguous", Ambiguous(), 16)):
        x = torch.randn(5, width)
        dump(f"{name}.state.json", model)
        outputs[name] = {"inputs": x.tolist(), "outputs": model(x).tolist()}

    rnn = NamedRnn()
    x = torch.randn(1, 40, 1)
    dump("named-rnn.state.json", rnn)
    outputs["named-rnn"] = {"inputs": x[0].tolist(), "outputs": rnn(x)[0].tolist()}

with open("module-order-outputs.json", "w") as f:
    json.dump(outputs, f)
