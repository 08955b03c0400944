using System;
using Xunit;

namespace NetGen.Tests;

/// <summary>
/// Every span parameter of every member, one element too short and one too long: an ArgumentException naming
/// the parameter and stating the expected length, thrown before anything is computed or written.
/// </summary>
public sealed class ArgumentTests
{
    private const int Rows = 2;

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Forward_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "input", n, (net, _) => net.Forward(new float[n + delta], new float[m]));
            AssertThrows(c, "output", m, (net, _) => net.Forward(new float[n], new float[m + delta]));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void Cost_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "input", n, (net, _) => net.Cost(new float[n + delta], new float[m]));
            AssertThrows(c, "target", m, (net, _) => net.Cost(new float[n], new float[m + delta]));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradients_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize, p = c.Spec.ParameterCount;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "input", n, (net, g) => net.AccumulateGradients(new float[n + delta], new float[m], g));
            AssertThrows(c, "target", m, (net, g) => net.AccumulateGradients(new float[n], new float[m + delta], g));
            AssertThrows(c, "gradients", p, (net, _) => net.AccumulateGradients(new float[n], new float[m], new float[p + delta]));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void SgdStep_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "input", n, (net, _) => net.SgdStep(new float[n + delta], new float[m], 0.5f));
            AssertThrows(c, "target", m, (net, _) => net.SgdStep(new float[n], new float[m + delta], 0.5f));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void ForwardBatch_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize;
        foreach (int delta in new[] { -1, 1 })
        {
            // Not a whole number of input rows: the message names the row length.
            AssertThrows(c, "inputs", n, (_, _) => c.ForwardBatch(new float[Rows * n + delta], new float[Rows * m]));
            AssertThrows(c, "outputs", Rows * m, (_, _) => c.ForwardBatch(new float[Rows * n], new float[Rows * m + delta]));
            // Whole rows, but not as many output rows as input rows.
            AssertThrows(c, "outputs", Rows * m, (_, _) => c.ForwardBatch(new float[Rows * n], new float[(Rows + delta) * m]));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void CostBatch_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "inputs", n, (_, _) => c.CostBatch(new float[Rows * n + delta], new float[Rows * m]));
            AssertThrows(c, "targets", Rows * m, (_, _) => c.CostBatch(new float[Rows * n], new float[Rows * m + delta]));
            AssertThrows(c, "targets", Rows * m, (_, _) => c.CostBatch(new float[Rows * n], new float[(Rows + delta) * m]));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkCases.All), MemberType = typeof(NetworkCases))]
    public void AccumulateGradientsBatch_WrongLengths_Throw(string name)
    {
        NetworkCase c = NetworkCases.Create(name);
        int n = c.Spec.InputSize, m = c.Spec.OutputSize, p = c.Spec.ParameterCount;
        foreach (int delta in new[] { -1, 1 })
        {
            AssertThrows(c, "inputs", n, (_, g) => c.AccumulateGradientsBatch(new float[Rows * n + delta], new float[Rows * m], g));
            AssertThrows(c, "targets", Rows * m, (_, g) => c.AccumulateGradientsBatch(new float[Rows * n], new float[Rows * m + delta], g));
            AssertThrows(c, "targets", Rows * m, (_, g) => c.AccumulateGradientsBatch(new float[Rows * n], new float[(Rows + delta) * m], g));
            AssertThrows(c, "gradients", p, (_, _) => c.AccumulateGradientsBatch(new float[Rows * n], new float[Rows * m], new float[p + delta]));
        }
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a correctly sized, pre-filled gradient buffer it may pass on, and checks the
    /// exception, that the network's parameters are unchanged and that the gradient buffer was not written.
    /// </summary>
    private static void AssertThrows(NetworkCase c, string paramName, int expectedLength, Action<ITrainableNetwork<float>, float[]> call)
    {
        float[] parameters = c.Network.Parameters.ToArray();
        var gradient = new float[c.Spec.ParameterCount];
        gradient.AsSpan().Fill(0.25f);

        ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => call(c.Network, gradient));

        Assert.Equal(paramName, exception.ParamName);
        Assert.Contains(expectedLength.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        NumericAssert.BitwiseEqual(parameters, c.Network.Parameters, $"{c.Name} parameters after a bad {paramName}");
        NumericAssert.AllEqual(0.25f, gradient, $"{c.Name} gradients after a bad {paramName}");
    }
}
