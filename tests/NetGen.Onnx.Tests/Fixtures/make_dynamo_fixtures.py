"""Writes the ONNX fixtures of DynamoExportTests and what PyTorch computes with them.

PyTorch's dynamo-based exporter (torch.onnx.export's default since PyTorch 2.9) is newer than the PyTorch this was
written with (1.13), so the files it writes are built here with onnx.helper to its documented shape, from the weights
of seeded PyTorch modules:

  dense_gemm_opset18.onnx       Flatten, then nn.Linear as Gemm inside a model-local function (transB = 1 by
                                attribute reference), float32
  dense_matmul_opset28.onnx     nn.Linear as MatMul + Add: a transposed initializer, and a Transpose node over the
                                weight inside a function called by a function (perm by attribute reference); opset
                                28, the newest ONNX Runtime 1.32 runs; float64
  classifier_logits_opset18.onnx  a classifier trained with CrossEntropyLoss whose graph ends in logits, float32
  lstm_opset18.onnx             nn.LSTM(batch_first) + nn.Linear: W, R and B gathered from the PyTorch parameters with
                                Slice and Concat (gates i, f, g, o reordered to ONNX's i, o, f, c), Transpose + Reshape
                                on the output, float32
  gru_opset18.onnx              the same for nn.GRU (r, z, n reordered to z, r, h), linear_before_reset = 1
  gru_lbr0_opset18.onnx         the same GRU with linear_before_reset = 0, a different cell (NetGen refuses it)
  tcn_opset18.onnx              causal nn.Conv1d after F.pad (a Pad with opset 18's axes input) + nn.Linear, float32

and, with torch 1.13's own (TorchScript-based) torch.onnx.export:

  flatten_torchscript.onnx      nn.Flatten + nn.Linear layers
  logits_torchscript.onnx       the logits classifier above

dynamo-outputs.json holds each fixture's inputs and PyTorch's outputs. Run from this folder with a Python that has torch
and onnx (torch 1.13 and onnx 1.12 were used):
    python3 make_dynamo_fixtures.py
"""
import json

import numpy as np
import torch
from onnx import AttributeProto, TensorProto, helper, numpy_helper, save
from torch import nn

torch.manual_seed(18)
FUNCTION_DOMAIN = "pkg.torch.2.9.0"
outputs = {}


def initializer(name, tensor):
    return numpy_helper.from_array(tensor.detach().numpy(), name)


def ints(name, values):
    return numpy_helper.from_array(np.array(values, dtype=np.int64), name)


def value(name, elem, dims):
    return helper.make_tensor_value_info(name, elem, dims)


def model(nodes, name, inputs, outputs_, initializers, opset, ir_version, functions=()):
    graph = helper.make_graph(nodes, name, inputs, outputs_, initializers)
    imports = [helper.make_opsetid("", opset)] + ([helper.make_opsetid(FUNCTION_DOMAIN, 1)] if functions else [])
    m = helper.make_model(graph, opset_imports=imports, functions=list(functions), producer_name="pytorch",
                          producer_version="2.9.0")
    m.ir_version = ir_version
    return m


def record(key, x, y, **extra):
    outputs[key] = {"inputs": x.double().tolist(), "outputs": y.double().tolist(), **extra}


# ---------------------------------------------------------------- dense: Flatten, Gemm in a function, opset 18
dense = nn.Sequential(nn.Flatten(), nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 4), nn.Tanh()).eval()
# The Gemm's transB comes from the caller's attribute trans_b (an attribute reference).
trans_b = AttributeProto()
trans_b.name, trans_b.ref_attr_name, trans_b.type = "transB", "trans_b", AttributeProto.INT
linear_gemm = helper.make_function(
    FUNCTION_DOMAIN, "torch_nn_modules_linear_Linear", ["input", "weight", "bias"], ["output"],
    [helper.make_node("Gemm", ["input", "weight", "bias"], ["output"], name="node_linear")],
    [helper.make_opsetid("", 18)], attributes=["trans_b"])
linear_gemm.node[0].attribute.append(trans_b)
nodes = [
    helper.make_node("Flatten", ["x"], ["flatten"], name="node_flatten", axis=1),
    helper.make_node("torch_nn_modules_linear_Linear", ["flatten", "1.weight", "1.bias"], ["linear"], name="1",
                     domain=FUNCTION_DOMAIN, trans_b=1),
    helper.make_node("Relu", ["linear"], ["relu"], name="node_relu"),
    helper.make_node("torch_nn_modules_linear_Linear", ["relu", "3.weight", "3.bias"], ["linear_1"], name="3",
                     domain=FUNCTION_DOMAIN, trans_b=1),
    helper.make_node("Tanh", ["linear_1"], ["tanh"], name="node_tanh"),
]
params = [initializer(n, p) for n, p in dense.named_parameters()]
save(model(nodes, "main_graph", [value("x", TensorProto.FLOAT, ["s0", 6])], [value("tanh", TensorProto.FLOAT, ["s0", 4])],
           params, 18, 10, [linear_gemm]), "dense_gemm_opset18.onnx")
x = torch.rand(9, 6) * 4 - 2
with torch.no_grad():
    record("dense_gemm_opset18", x, dense(x))

# ---------------------------------------------------------------- dense: MatMul + Add, opset 28, float64
dense2 = nn.Sequential(nn.Linear(5, 7), nn.Sigmoid(), nn.Linear(7, 3)).double().eval()
# The Linear function calls another, whose Transpose takes its perm from the caller (an attribute reference).
perm = AttributeProto()
perm.name, perm.ref_attr_name, perm.type = "perm", "perm", AttributeProto.INTS
transposed = helper.make_function(
    FUNCTION_DOMAIN, "permute", ["x"], ["y"], [helper.make_node("Transpose", ["x"], ["y"], name="node_permute")],
    [helper.make_opsetid("", 28)], attributes=["perm"])
transposed.node[0].attribute.append(perm)
linear_matmul = helper.make_function(
    FUNCTION_DOMAIN, "torch_nn_modules_linear_Linear", ["input", "weight", "bias"], ["output"],
    [helper.make_node("permute", ["weight"], ["t"], name="node_t", domain=FUNCTION_DOMAIN, perm=[1, 0]),
     helper.make_node("MatMul", ["input", "t"], ["mm"], name="node_mm"),
     helper.make_node("Add", ["mm", "bias"], ["output"], name="node_add")],
    [helper.make_opsetid("", 28), helper.make_opsetid(FUNCTION_DOMAIN, 1)])
nodes = [
    helper.make_node("MatMul", ["x", "val_0"], ["matmul"], name="node_matmul"),
    helper.make_node("Add", ["matmul", "0.bias"], ["linear"], name="node_add"),
    helper.make_node("Sigmoid", ["linear"], ["sigmoid"], name="node_sigmoid"),
    helper.make_node("torch_nn_modules_linear_Linear", ["sigmoid", "2.weight", "2.bias"], ["linear_1"], name="2",
                     domain=FUNCTION_DOMAIN),
]
params = [initializer("val_0", dense2[0].weight.t().contiguous()), initializer("0.bias", dense2[0].bias),
          initializer("2.weight", dense2[2].weight), initializer("2.bias", dense2[2].bias)]
save(model(nodes, "main_graph", [value("x", TensorProto.DOUBLE, ["s0", 5])],
           [value("linear_1", TensorProto.DOUBLE, ["s0", 3])], params, 28, 13, [linear_matmul, transposed]),
     "dense_matmul_opset28.onnx")
x = torch.rand(9, 5, dtype=torch.float64) * 4 - 2
with torch.no_grad():
    record("dense_matmul_opset28", x, dense2(x))

# ---------------------------------------------------------------- classifier trained on logits, opset 18
centers = torch.tensor([[1.5, 0.0, -1.0, 0.5], [-1.0, 1.5, 0.5, -0.5], [0.0, -1.5, 1.0, 1.0]])
labels = torch.randint(0, 3, (300,))
features = centers[labels] + 0.6 * torch.randn(300, 4)
classifier = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(classifier.parameters(), lr=0.02)
for step in range(200):
    optimizer.zero_grad()
    nn.functional.cross_entropy(classifier(features), labels).backward()
    optimizer.step()
classifier.eval()
nodes = [
    helper.make_node("Gemm", ["x", "0.weight", "0.bias"], ["linear"], name="node_linear", transB=1),
    helper.make_node("Relu", ["linear"], ["relu"], name="node_relu"),
    helper.make_node("Gemm", ["relu", "2.weight", "2.bias"], ["logits"], name="node_linear_1", transB=1),
]
params = [initializer(n, p) for n, p in classifier.named_parameters()]
save(model(nodes, "main_graph", [value("x", TensorProto.FLOAT, ["s0", 4])], [value("logits", TensorProto.FLOAT, ["s0", 3])],
           params, 18, 10), "classifier_logits_opset18.onnx")
x = features[:20]
with torch.no_grad():
    logits = classifier(x)
    accuracy = (classifier(features).argmax(dim=1) == labels).float().mean().item()
    record("classifier_logits_opset18", x, torch.softmax(logits, dim=1), logits=logits.double().tolist(),
           trainingAccuracy=accuracy)
torch.onnx.export(classifier, x[:1], "logits_torchscript.onnx", opset_version=17, input_names=["input"],
                  output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


# ---------------------------------------------------------------- LSTM and GRU with gates reordered by Slice + Concat
def gates(prefix, source, hidden, order):
    """Slice nodes cutting `source` into its gate blocks, and a Concat in ONNX's order: the exporter's reordering."""
    nodes_, parts = [], []
    for g in order:
        part = f"{prefix}_gate{g}"
        nodes_.append(helper.make_node("Slice", [source, f"start{g}", f"end{g}", "axis0"], [part], name=f"node_{part}"))
        parts.append(part)
    nodes_.append(helper.make_node("Concat", parts, [prefix + "_reordered"], name=f"node_{prefix}_concat", axis=0))
    return nodes_


def recurrent(kind, module, head, linear_before_reset=None):
    hidden = module.hidden_size
    order = [0, 3, 1, 2] if kind == "LSTM" else [1, 0, 2]   # PyTorch i,f,g,o -> ONNX i,o,f,c; r,z,n -> z,r,h
    blocks = [ints(f"start{g}", [g * hidden]) for g in range(len(order))] + \
             [ints(f"end{g}", [(g + 1) * hidden]) for g in range(len(order))] + [ints("axis0", [0]), ints("zero_axis", [0])]
    nodes_ = []
    for prefix, source in (("w", "rnn.weight_ih_l0"), ("r", "rnn.weight_hh_l0"), ("bi", "rnn.bias_ih_l0"),
                           ("bh", "rnn.bias_hh_l0")):
        nodes_ += gates(prefix, source, hidden, order)
    nodes_ += [
        helper.make_node("Unsqueeze", ["w_reordered", "zero_axis"], ["W"], name="node_unsqueeze_w"),
        helper.make_node("Unsqueeze", ["r_reordered", "zero_axis"], ["R"], name="node_unsqueeze_r"),
        helper.make_node("Concat", ["bi_reordered", "bh_reordered"], ["b_flat"], name="node_concat_b", axis=0),
        helper.make_node("Unsqueeze", ["b_flat", "zero_axis"], ["B"], name="node_unsqueeze_b"),
        helper.make_node("Transpose", ["x"], ["x_tbf"], name="node_transpose_x", perm=[1, 0, 2]),
    ]
    attributes = {"hidden_size": hidden}
    if linear_before_reset is not None:
        attributes["linear_before_reset"] = linear_before_reset
    nodes_ += [
        helper.make_node(kind, ["x_tbf", "W", "R", "B"], ["y"], name=f"node_{kind.lower()}", **attributes),
        helper.make_node("Transpose", ["y"], ["y_tbdh"], name="node_transpose_y", perm=[0, 2, 1, 3]),
        helper.make_node("Reshape", ["y_tbdh", "shape_tb_1"], ["y_tbh"], name="node_reshape_y"),
        helper.make_node("Transpose", ["y_tbh"], ["y_bth"], name="node_transpose_back", perm=[1, 0, 2]),
        helper.make_node("MatMul", ["y_bth", "val_weight_t"], ["matmul"], name="node_matmul"),
        helper.make_node("Add", ["matmul", "head.bias"], ["output"], name="node_add"),
    ]
    params = [initializer("rnn." + n, p) for n, p in module.named_parameters()] + blocks + [
        ints("shape_tb_1", [0, 0, -1]), initializer("val_weight_t", head.weight.t().contiguous()),
        initializer("head.bias", head.bias)]
    inputs_ = [value("x", TensorProto.FLOAT, ["s0", "s1", module.input_size])]
    outputs_ = [value("output", TensorProto.FLOAT, ["s0", "s1", head.out_features])]
    return model(nodes_, "main_graph", inputs_, outputs_, params, 18, 10)


sequence = torch.rand(1, 40, 3) * 2 - 1
for kind, cell in (("LSTM", nn.LSTM(3, 6, batch_first=True)), ("GRU", nn.GRU(3, 5, batch_first=True))):
    head = nn.Linear(cell.hidden_size, 2)
    with torch.no_grad():
        y = head(cell(sequence)[0])[0]
    name = f"{kind.lower()}_opset18"
    if kind == "LSTM":
        save(recurrent(kind, cell, head), name + ".onnx")
    else:
        save(recurrent(kind, cell, head, linear_before_reset=1), name + ".onnx")
        save(recurrent(kind, cell, head, linear_before_reset=0), "gru_lbr0_opset18.onnx")
    record(name, sequence[0], y)

# ---------------------------------------------------------------- causal Conv1d: Pad with opset 18's axes input
conv, head = nn.Conv1d(2, 3, kernel_size=3, dilation=2), nn.Linear(3, 2)
nodes = [
    helper.make_node("Transpose", ["x"], ["x_bct"], name="node_transpose_x", perm=[0, 2, 1]),
    helper.make_node("Pad", ["x_bct", "pads", "pad_value", "pad_axes"], ["padded"], name="node_pad", mode="constant"),
    helper.make_node("Conv", ["padded", "conv.weight", "conv.bias"], ["conv"], name="node_conv", dilations=[2],
                     kernel_shape=[3], strides=[1], group=1, pads=[0, 0]),
    helper.make_node("Tanh", ["conv"], ["tanh"], name="node_tanh"),
    helper.make_node("Transpose", ["tanh"], ["tanh_btc"], name="node_transpose_back", perm=[0, 2, 1]),
    helper.make_node("MatMul", ["tanh_btc", "val_weight_t"], ["matmul"], name="node_matmul"),
    helper.make_node("Add", ["matmul", "head.bias"], ["output"], name="node_add"),
]
params = [initializer("conv.weight", conv.weight), initializer("conv.bias", conv.bias), ints("pads", [4, 0]),
          ints("pad_axes", [-1]), numpy_helper.from_array(np.array(0, dtype=np.float32), "pad_value"),
          initializer("val_weight_t", head.weight.t().contiguous()), initializer("head.bias", head.bias)]
save(model(nodes, "main_graph", [value("x", TensorProto.FLOAT, ["s0", "s1", 2])],
           [value("output", TensorProto.FLOAT, ["s0", "s1", 2])], params, 18, 10), "tcn_opset18.onnx")
x = torch.rand(1, 40, 2) * 2 - 1
with torch.no_grad():
    y = head(torch.tanh(conv(nn.functional.pad(x.transpose(1, 2), (4, 0)))).transpose(1, 2))[0]
record("tcn_opset18", x[0], y)

# ---------------------------------------------------------------- torch 1.13's own exporter: Flatten
flat = nn.Sequential(nn.Flatten(), nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 3)).eval()
x = torch.rand(9, 6) * 4 - 2
torch.onnx.export(flat, x[:1], "flatten_torchscript.onnx", opset_version=17, input_names=["input"],
                  output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
with torch.no_grad():
    record("flatten_torchscript", x, flat(x))

with open("dynamo-outputs.json", "w") as f:
    json.dump(outputs, f, indent=1)
print(f"classifier training accuracy {accuracy:.3f}")
