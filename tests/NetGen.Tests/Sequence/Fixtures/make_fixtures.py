"""Writes pytorch-sequence.json: PyTorch's outputs (and, for the stacks, gradients) of the sequence models that
tests/NetGen.Tests/Sequence declares, so that the tests compare NetGen with PyTorch without Python; and each model's
state_dict as <name>.state.json, written the way users dump one for PyTorchWeights.Load, and its torch.onnx.export
output as <name>.onnx.

Run from this folder with a Python that has torch:  python3 make_fixtures.py
Every model runs in float64 from a fixed seed; the JSON keeps PyTorch's own tensor names, shapes and layouts.
"""
import json

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20261207)
torch.set_default_dtype(torch.float64)


class CausalConv(nn.Module):
    """nn.Conv1d on F.pad(x, ((k - 1)·d, 0)): the output at t sees t, t − d, …, t − (k − 1)·d."""

    def __init__(self, inputs, outputs, k, d, activation, bias=True):
        super().__init__()
        self.conv = nn.Conv1d(inputs, outputs, k, dilation=d, bias=bias)
        self.pad = (k - 1) * d
        self.activation = activation

    def forward(self, x):  # x: [batch, frames, channels]
        y = self.conv(F.pad(x.transpose(1, 2), (self.pad, 0))).transpose(1, 2)
        return self.activation(y)


class Recurrent(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.cell = cell

    def forward(self, x):
        return self.cell(x)[0]


class Linear(nn.Module):
    def __init__(self, inputs, outputs, activation, bias=True):
        super().__init__()
        self.linear = nn.Linear(inputs, outputs, bias=bias)
        self.activation = activation

    def forward(self, x):
        return self.activation(self.linear(x))


identity = lambda x: x  # noqa: E731


def layers(kind, bias):
    """The stacks of SequenceNetworks.cs; each entry: (NetGen kind, module)."""
    if kind == "lstm":
        return [("Lstm", Recurrent(nn.LSTM(1, 16, batch_first=True))), ("Dense", Linear(16, 1, identity))]
    if kind == "lstm2":
        return [("Lstm", Recurrent(nn.LSTM(1, 8, num_layers=2, batch_first=True))), ("Dense", Linear(8, 1, identity))]
    if kind == "gru":
        return [("Gru", Recurrent(nn.GRU(1, 16, batch_first=True))), ("Dense", Linear(16, 1, identity))]
    if kind == "tcn":
        return [("Conv1D", CausalConv(1, 8, 3, 1, torch.tanh)), ("Conv1D", CausalConv(8, 8, 3, 2, torch.tanh)),
                ("Dense", Linear(8, 1, identity))]
    return [("Conv1D", CausalConv(3, 4, 2, 2, torch.tanh, bias)),
            ("Gru", Recurrent(nn.GRU(4, 5, batch_first=True, bias=bias))),
            ("Dense", Linear(5, 4, torch.sigmoid, bias)),
            ("Lstm", Recurrent(nn.LSTM(4, 3, batch_first=True, bias=bias))),
            ("Lstm", Recurrent(nn.LSTM(3, 2, batch_first=True, bias=bias))),
            ("Dense", Linear(2, 2, identity, bias))]


def tensors(module, values):
    return [{"name": name, "shape": list(t.shape), "values": [float(v) for v in values(t).flatten()]}
            for name, t in module.named_parameters()]


ONNX_OPSETS = {"lstm": 14, "gru": 17, "tcn": 14, "stack": 15, "stackNoBias": 16, "lstm2": 16}


def model(name, kind, frames, inputs, bias=True):
    stack = layers(kind, bias)
    net = nn.Sequential(*[m for _, m in stack])
    # Parameters spread wider than PyTorch's defaults, so that every gate works away from its linear range.
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    x = torch.randn(1, frames, inputs)
    y = net(x)
    entry = {"layers": [{"kind": k, "parameters": tensors(m, lambda t: t.detach())} for k, m in stack],
             "inputs": [float(v) for v in x.flatten()], "outputs": [float(v) for v in y.detach().flatten()]}
    with open(f"{name}.state.json", "w") as f:
        json.dump({k: v.tolist() for k, v in net.state_dict().items()}, f, allow_nan=False)
    # What torch.onnx.export writes for the model, frames as a dynamic axis, at one opset per model.
    torch.onnx.export(net, x, f"{name}.onnx", opset_version=ONNX_OPSETS[name], input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {1: "frames"}, "output": {1: "frames"}})
    if kind.startswith("stack"):
        # J = (1/N)·Σₜ ½‖ŷₜ − yₜ‖², NetGen's objective without L2.
        target = torch.randn(1, frames, y.shape[-1])
        cost = 0.5 * ((y - target) ** 2).sum() / frames
        cost.backward()
        entry["targets"] = [float(v) for v in target.flatten()]
        entry["objective"] = float(cost)
        for (_, m), layer in zip(stack, entry["layers"]):
            layer["gradients"] = tensors(m, lambda t: t.grad)
    return entry


def rtneural(name, kind, frames, inputs):
    """The same model as model() builds (same seed order), written in RTNeural's JSON model format (Keras
    conventions: kernels [in][out], GRU gates z, r, n with a [2][3H] bias, causal Conv1D taps oldest first), with
    PyTorch's outputs for its inputs."""
    stack = layers(kind, True)
    net = nn.Sequential(*[m for _, m in stack])
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
    x = torch.randn(1, frames, inputs)
    y = net(x)

    def t(m):
        return m.detach().numpy().tolist()

    def gru_order(w, h):  # rows r, z, n -> z, r, n
        return torch.cat([w[h:2 * h], w[:h], w[2 * h:]])

    out = []
    for k, m in stack:
        if k == "Conv1D":
            w = m.conv.weight  # [out][in][k] -> [k][in][out]
            out.append({"type": "conv1d", "activation": "tanh", "shape": [None, None, w.shape[0]],
                        "kernel_size": [w.shape[2]], "dilation": [m.conv.dilation[0]],
                        "weights": [t(w.permute(2, 1, 0)), t(m.conv.bias)]})
        elif k == "Dense":
            act = "sigmoid" if m.activation is torch.sigmoid else ""
            out.append({"type": "dense", "activation": act, "shape": [None, None, m.linear.out_features],
                        "weights": [t(m.linear.weight.T), t(m.linear.bias)]})
        elif k == "Gru":
            c, h = m.cell, m.cell.hidden_size
            out.append({"type": "gru", "activation": "", "shape": [None, None, h],
                        "weights": [t(gru_order(c.weight_ih_l0, h).T), t(gru_order(c.weight_hh_l0, h).T),
                                    [t(gru_order(c.bias_ih_l0, h)), t(gru_order(c.bias_hh_l0, h))]]})
        else:
            c = m.cell
            out.append({"type": "lstm", "activation": "", "shape": [None, None, c.hidden_size],
                        "weights": [t(c.weight_ih_l0.T), t(c.weight_hh_l0.T), t(c.bias_ih_l0 + c.bias_hh_l0)]})
    with open(f"{name}.rtneural.json", "w") as f:
        json.dump({"in_shape": [None, None, inputs], "layers": out}, f, allow_nan=False)
    return {"inputs": [float(v) for v in x.flatten()], "outputs": [float(v) for v in y.detach().flatten()]}


fixtures = {
    "lstm": model("lstm", "lstm", 40, 1),
    "gru": model("gru", "gru", 40, 1),
    "tcn": model("tcn", "tcn", 40, 1),
    "stack": model("stack", "stack", 13, 3),
    "stackNoBias": model("stackNoBias", "stack", 13, 3, bias=False),
    "lstm2": model("lstm2", "lstm2", 30, 1),
    "stackRTNeural": rtneural("stack", "stack", 13, 3),
}
with open("pytorch-sequence.json", "w") as f:
    json.dump({"torch": torch.__version__, "models": fixtures}, f, indent=1)
