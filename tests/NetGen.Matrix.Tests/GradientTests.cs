using System.Linq;
using NetGen.Matrix.Tests.Networks;
using NetGen.Matrix.Tests.Reference;
using NetGen.Matrix.Tests.Support;
using Xunit;

namespace NetGen.Matrix.Tests;

/// <summary>
/// AccumulateGradients of every matrix network against central finite differences of the independent double
/// reference cost (not of the network's own Cost, so a cost computed wrongly in the same way as its gradient cannot
/// hide, and float networks are checked against an FD that float rounding does not swamp).
/// </summary>
public sealed class GradientTests
{
    /// <summary>Double: FD error ≈ 2e−11 relative (see <see cref="FiniteDifference.Step"/>), rounding in the network ≈ 1e−15.</summary>
    public const double DoubleTolerance = 1e-7;

    /// <summary>
    /// Float: the network's forward and backward passes round every product and sum to 24 bits (u ≈ 6e−8); over a few
    /// layers and dot products of ≤ 9 terms that gives gradients relatively off by about 1e−6, while the FD of the
    /// double reference at the same (float) parameters is essentially exact. 1e−4 leaves room for rounding only.
    /// </summary>
    public const double FloatTolerance = 1e-4;

    public static TheoryData<string> Networks => MatrixCatalog.Names;

    public static TheoryData<string> SoftmaxCrossEntropyNetworks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (MatrixSpec spec in MatrixCatalog.All.Where(s => s.Output is Activation.Softmax or Activation.LogSoftmax && s.Loss == Loss.CrossEntropy))
            {
                data.Add(spec.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void AccumulateGradients_MatchesFiniteDifferencesOfReference(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));

        // The data keep every kink (and ELU's f″ jump) far from the FD stencil; the bound is never loosened.
        Assert.True(
            MatrixCase.KinkDistance(c.Spec, c.Reference, c.Parameters, c.Samples) > MatrixCase.KinkMargin,
            "a ReLU/LeakyReLU/ELU pre-activation lies within the kink margin");

        double returned = c.Network.AccumulateGradients(c.Samples, out double[] analytic);
        double[] numeric = FiniteDifference.Gradient(theta => c.Reference.TotalCost(theta, c.Samples), c.Parameters);

        double tolerance = c.Spec.IsDouble ? DoubleTolerance : FloatTolerance;
        double error = Errors.GradientRelative(analytic, numeric);
        Assert.True(
            error < tolerance,
            $"{name}: ‖g − n‖/‖g + n‖ = {error:E3} ≥ {tolerance:E0}{System.Environment.NewLine}"
            + $"analytic: [{string.Join(", ", analytic)}]{System.Environment.NewLine}numeric:  [{string.Join(", ", numeric)}]");

        double expectedCost = c.Reference.TotalCost(c.Parameters, c.Samples);
        double costError = Errors.ScalarRelative(returned, expectedCost);
        Assert.True(
            costError < ForwardTests.Tolerance(c.Spec),
            $"{name}: AccumulateGradients returned Σ J = {returned:R}, reference {expectedCost:R} (relative {costError:E3})");
    }

    /// <summary>
    /// Categorical cross entropy with targets that are not probability vectors (Σy = 0.6 and 1.5): J = −Σ y ln ŷ still
    /// has the gradient δ = ŷ·Σy − y, which a shortcut δ = ŷ − y would miss.
    /// </summary>
    [Theory]
    [MemberData(nameof(SoftmaxCrossEntropyNetworks))]
    public void SoftmaxCrossEntropy_TargetsNotSummingToOne_MatchFiniteDifferences(string name)
    {
        MatrixCase c = MatrixCase.Prepare(MatrixCatalog.Get(name));
        Sample[] samples =
        [
            new Sample(c.Samples[0].Input, c.Network.Round(c.Samples[0].Target.Select(y => 0.6 * y).ToArray())),
            new Sample(c.Samples[1].Input, c.Network.Round(c.Samples[1].Target.Select(y => 1.5 * y).ToArray())),
        ];

        c.Network.AccumulateGradients(samples, out double[] analytic);
        double[] numeric = FiniteDifference.Gradient(theta => c.Reference.TotalCost(theta, samples), c.Parameters);

        double tolerance = c.Spec.IsDouble ? DoubleTolerance : FloatTolerance;
        double error = Errors.GradientRelative(analytic, numeric);
        Assert.True(error < tolerance, $"{name}, Σy ∈ {{0.6, 1.5}}: ‖g − n‖/‖g + n‖ = {error:E3} ≥ {tolerance:E0}");
    }
}
