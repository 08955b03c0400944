using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace NetGen.Onnx.Tests;

/// <summary>ONNX Runtime's native library loads on this machine; everything else in this project needs it.</summary>
public class OnnxRuntimeSmokeTests
{
    [Fact]
    public void Native_library_loads_and_offers_the_cpu_provider()
    {
        OrtEnv environment = OrtEnv.Instance();

        Assert.Equal("1.32.0", environment.GetVersionString());
        Assert.Contains("CPUExecutionProvider", environment.GetAvailableProviders());
    }

    [Fact]
    public void A_hand_built_identity_model_runs()
    {
        byte[] model = new TestModel(TestModel.FloatElements)
            .Input("x", "N", 2)
            .Output("y", "N", 2)
            .Node("Identity", ["x"], ["y"])
            .Build(opset: 13, irVersion: 7);

        float[] output = TestModels.RunOnnxRuntime(model, new[] { 1.5f, -2f, 0.25f, 8f }, 2, "x", "y");

        Assert.Equal(new[] { 1.5f, -2f, 0.25f, 8f }, output);
    }
}
