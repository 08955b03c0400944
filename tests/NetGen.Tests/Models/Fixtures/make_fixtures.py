"""Writes the dense fixtures of the compiled-model tests: models trained in PyTorch, exported with
torch.onnx.export, and what PyTorch computed with them.

  digits.onnx           64-32-10 classifier (ReLU, Softmax) of scikit-learn's digits, float32
  regressor.onnx        3-8-8-1 regressor (Tanh, Sigmoid, identity) on a smooth function, float64
  dense-outputs.json    inputs and PyTorch's outputs of both, and the digits test accuracy

Run from this folder with a Python that has torch and scikit-learn (torch 1.13 was used):
    python3 make_fixtures.py
"""
import json

import numpy as np
import torch
from torch import nn
from sklearn.datasets import load_digits

torch.manual_seed(7)
np.random.seed(7)


def export(model, example, path, opset):
    torch.onnx.export(model, example, path, opset_version=opset, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


# Digits: trained on logits with cross-entropy, exported with the Softmax that gives probabilities.
digits = load_digits()
x = torch.tensor(digits.data / 16.0, dtype=torch.float32)
y = torch.tensor(digits.target, dtype=torch.long)
train, test = slice(0, 1500), slice(1500, None)
body = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
optimizer = torch.optim.Adam(body.parameters(), lr=0.01)
for epoch in range(300):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(body(x[train]), y[train])
    loss.backward()
    optimizer.step()
classifier = nn.Sequential(body[0], body[1], body[2], nn.Softmax(dim=1)).eval()
with torch.no_grad():
    accuracy = (classifier(x[test]).argmax(dim=1) == y[test]).float().mean().item()
    digits_inputs = x[test][:40]
    digits_outputs = classifier(digits_inputs)
export(classifier, x[:1], "digits.onnx", 14)

# Regressor in float64: y = sin(x0) + x1·x2, outputs squashed into (0, 1) by a sigmoid hidden layer and a linear one.
inputs = torch.rand(512, 3, dtype=torch.float64) * 2 - 1
targets = (torch.sin(inputs[:, 0]) + inputs[:, 1] * inputs[:, 2]).unsqueeze(1)
regressor = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 8), nn.Sigmoid(), nn.Linear(8, 1)).double()
optimizer = torch.optim.Adam(regressor.parameters(), lr=0.01)
for epoch in range(500):
    optimizer.zero_grad()
    loss = ((regressor(inputs) - targets) ** 2).mean()
    loss.backward()
    optimizer.step()
regressor.eval()
with torch.no_grad():
    regressor_inputs = inputs[:20]
    regressor_outputs = regressor(regressor_inputs)
export(regressor, inputs[:1], "regressor.onnx", 17)

with open("dense-outputs.json", "w") as f:
    json.dump({
        "digits": {"inputs": digits_inputs.double().tolist(), "outputs": digits_outputs.double().tolist(),
                   "testAccuracy": accuracy},
        "regressor": {"inputs": regressor_inputs.tolist(), "outputs": regressor_outputs.tolist()},
    }, f, indent=1)
print(f"digits test accuracy {accuracy:.4f}")
