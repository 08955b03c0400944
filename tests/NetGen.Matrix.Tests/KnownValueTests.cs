using System;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>
/// One 2-2-2 double network per cost with hand-set parameters, fixed input and target: J from a closed-form
/// expression written out below, from the scalar reference, from Cost and from AccumulateGradients all agree to
/// 1e−12, and with a literal computed once with Python's math module from the same formulas.
/// </summary>
public sealed class KnownValueTests
{
    private const double Tolerance = 1e-12;

    /// <summary>W1 = [[0.5, −0.3], [0.8, 0.2]] ([in][out]), b1 = [0.1, −0.2], W2 = [[0.7, −0.6], [−0.4, 0.9]], b2 = [0.05, −0.1].</summary>
    private static readonly double[] Parameters = [0.5, -0.3, 0.8, 0.2, 0.1, -0.2, 0.7, -0.6, -0.4, 0.9, 0.05, -0.1];

    private static readonly double[] Input = [0.6, -0.4];

    [Fact]
    public void SquaredError_SigmoidSigmoid()
    {
        double[] y = [0.2, 0.7];
        double h0 = Sigmoid((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Sigmoid((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double o0 = Sigmoid((h0 * 0.7) + (h1 * -0.4) + 0.05), o1 = Sigmoid((h0 * -0.6) + (h1 * 0.9) - 0.1);
        double closedForm = (0.5 * (o0 - 0.2) * (o0 - 0.2)) + (0.5 * (o1 - 0.7) * (o1 - 0.7));

        AssertKnown(FixedNetworks.KnownSquaredError, y, closedForm, 0.08971894290882293);
    }

    [Fact]
    public void CrossEntropy_TanhSigmoid()
    {
        double[] y = [0.9, 0.25];
        double h0 = Math.Tanh((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Math.Tanh((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double o0 = Sigmoid((h0 * 0.7) + (h1 * -0.4) + 0.05), o1 = Sigmoid((h0 * -0.6) + (h1 * 0.9) - 0.1);
        double closedForm = -((0.9 * Math.Log(o0)) + (0.1 * Math.Log(1 - o0)) + (0.25 * Math.Log(o1)) + (0.75 * Math.Log(1 - o1)));

        AssertKnown(FixedNetworks.KnownCrossEntropySigmoid, y, closedForm, 1.1863647485775113);
    }

    [Fact]
    public void CrossEntropy_SigmoidSoftmax()
    {
        double[] y = [0.25, 0.75];
        double h0 = Sigmoid((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Sigmoid((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double z0 = (h0 * 0.7) + (h1 * -0.4) + 0.05, z1 = (h0 * -0.6) + (h1 * 0.9) - 0.1;

        // ln softmax_j = z_j − ln(e^z0 + e^z1)
        double logSum = Math.Log(Math.Exp(z0) + Math.Exp(z1));
        double closedForm = -((0.25 * (z0 - logSum)) + (0.75 * (z1 - logSum)));

        AssertKnown(FixedNetworks.KnownCrossEntropySoftmax, y, closedForm, 0.7868505107785816);
    }

    [Fact]
    public void NegativeLogLikelihood_SigmoidLogSoftmax_IsTheCrossEntropyOfTheSoftmax()
    {
        double[] y = [0.25, 0.75];
        double h0 = Sigmoid((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Sigmoid((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double z0 = (h0 * 0.7) + (h1 * -0.4) + 0.05, z1 = (h0 * -0.6) + (h1 * 0.9) - 0.1;

        // ŷ_j = z_j − ln(e^z0 + e^z1); J = −Σ y_j·ŷ_j: the same number as the softmax network's cross entropy above.
        double logSum = Math.Log(Math.Exp(z0) + Math.Exp(z1));
        double closedForm = -((0.25 * (z0 - logSum)) + (0.75 * (z1 - logSum)));

        AssertKnown(FixedNetworks.KnownNegativeLogLikelihood, y, closedForm, 0.7868505107785816);
    }

    [Fact]
    public void Exponential_TanhIdentity_Tau2point5()
    {
        double[] y = [0.3, -0.2];
        double h0 = Math.Tanh((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Math.Tanh((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double o0 = (h0 * 0.7) + (h1 * -0.4) + 0.05, o1 = (h0 * -0.6) + (h1 * 0.9) - 0.1;
        double closedForm = 2.5 * Math.Exp((((o0 - 0.3) * (o0 - 0.3)) + ((o1 + 0.2) * (o1 + 0.2))) / 2.5);

        AssertKnown(FixedNetworks.KnownExponential, y, closedForm, 2.615273754141584);
    }

    [Fact]
    public void Hellinger_SigmoidSoftplus()
    {
        double[] y = [0.4, 1.3];
        double h0 = Sigmoid((0.6 * 0.5) + (-0.4 * 0.8) + 0.1), h1 = Sigmoid((0.6 * -0.3) + (-0.4 * 0.2) - 0.2);
        double o0 = Math.Log(1 + Math.Exp((h0 * 0.7) + (h1 * -0.4) + 0.05));
        double o1 = Math.Log(1 + Math.Exp((h0 * -0.6) + (h1 * 0.9) - 0.1));
        double d0 = Math.Sqrt(o0) - Math.Sqrt(0.4), d1 = Math.Sqrt(o1) - Math.Sqrt(1.3);
        double closedForm = ((d0 * d0) + (d1 * d1)) / Math.Sqrt(2);

        AssertKnown(FixedNetworks.KnownHellinger, y, closedForm, 0.13057673929099817);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static void AssertKnown(MatrixSpec spec, double[] target, double closedForm, double literal)
    {
        NetworkHandle network = NetworkHandle.Create(spec);
        network.SetParameters(Parameters);
        Assert.Equal(Parameters, network.GetParameters());

        double reference = ReferenceNetwork.For(spec).Cost(Parameters, Input, target);
        double cost = network.Cost(Input, target);
        double accumulated = network.AccumulateGradients([new Sample(Input, target)], out _);

        AssertClose("closed form vs literal", closedForm, literal);
        AssertClose("reference", reference, closedForm);
        AssertClose("Cost", cost, closedForm);
        AssertClose("AccumulateGradients", accumulated, closedForm);
    }

    private static void AssertClose(string what, double actual, double expected)
    {
        double error = Errors.ScalarRelative(actual, expected);
        Assert.True(error < Tolerance, $"{what}: J = {actual:R}, expected {expected:R} (relative {error:E3})");
    }
}
