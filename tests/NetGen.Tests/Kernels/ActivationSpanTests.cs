using System;
using System.Runtime.Intrinsics;
using NetGen.CompilerServices;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The in-place float sigmoid and tanh over a row give every element the vector forms' value, at any length.</summary>
public sealed class ActivationSpanTests
{
    [Fact]
    public void SigmoidAndTanhOfASpan_EqualTheVectorForms_ForEveryLength()
    {
        var random = new Random(5);
        for (int length = 0; length <= 41; length++)
        {
            var values = new float[length + 2];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() * 2 - 1) * 12);
            }

            float[] sigmoid = (float[])values.Clone(), tanh = (float[])values.Clone();
            ActivationFunctions.Sigmoid(sigmoid.AsSpan(1, length));
            ActivationFunctions.Tanh(tanh.AsSpan(1, length));
            for (int i = 0; i < values.Length; i++)
            {
                bool inside = i >= 1 && i <= length;
                Vector128<float> z = Vector128.Create(values[i]);
                Assert.Equal(inside ? ActivationFunctions.Sigmoid(z).GetElement(0) : values[i], sigmoid[i]);
                Assert.Equal(inside ? ActivationFunctions.Tanh(z).GetElement(0) : values[i], tanh[i]);
            }
        }
    }
}
