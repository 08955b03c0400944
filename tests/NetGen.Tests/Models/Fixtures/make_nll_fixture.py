"""Writes the fixtures of the LogSoftmax tests: a digits classifier in PyTorch's NLLLoss idiom (the model ends in
nn.LogSoftmax and trains on nn.NLLLoss), in float64, and what PyTorch computed with it.

  digits-nll.onnx            64-32-10 (ReLU, LogSoftmax), exported with torch.onnx.export at opset 14
  digits-nll.state.json      its state_dict
  digits-nll.gradient.json   the gradient of the mean NLLLoss over the recorded rows, shaped as the state_dict
  nll-outputs.json           those rows, their labels, PyTorch's log-probabilities and mean NLLLoss

Run from this folder with a Python that has torch and scikit-learn (torch 1.13 was used):
    python3 make_nll_fixture.py
"""
import json

import torch
from torch import nn
from sklearn.datasets import load_digits

torch.manual_seed(11)
torch.set_default_dtype(torch.float64)

digits = load_digits()
x = torch.tensor(digits.data / 16.0)
y = torch.tensor(digits.target, dtype=torch.long)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10), nn.LogSoftmax(dim=1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(150):
    optimizer.zero_grad()
    loss = nn.functional.nll_loss(model(x[:1500]), y[:1500])
    loss.backward()
    optimizer.step()

model.eval()
rows, labels = x[1500:1540], y[1500:1540]
model.zero_grad()
log_probabilities = model(rows)
loss = nn.functional.nll_loss(log_probabilities, labels)
loss.backward()

with open("digits-nll.state.json", "w") as f:
    json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f)
with open("digits-nll.gradient.json", "w") as f:
    json.dump({k: p.grad.tolist() for k, p in model.named_parameters()}, f)
with open("nll-outputs.json", "w") as f:
    json.dump({"inputs": rows.tolist(), "labels": labels.tolist(), "outputs": log_probabilities.tolist(),
               "loss": loss.item()}, f)
torch.onnx.export(model, x[:1], "digits-nll.onnx", opset_version=14, input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
