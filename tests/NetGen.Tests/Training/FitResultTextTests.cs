using System.Globalization;
using System.Threading;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>FitResult prints what it holds: no empty ValidationCost, numbers the same in every culture.</summary>
public sealed class FitResultTextTests
{
    [Fact]
    public void WithoutValidation_ThereIsNoEmptyField()
    {
        var result = new FitResult(FitStopReason.Completed, 50, 0.0123456789, null, 50);

        Assert.Equal("FitResult { StopReason = Completed, EpochsRun = 50, TrainCost = 0.0123457, BestEpoch = 50 }", result.ToString());
    }

    [Fact]
    public void WithValidation_InAnotherCulture_NumbersAreInvariant()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var result = new FitResult(FitStopReason.EarlyStopped, 12, 1.5, 2.25, 7);

            Assert.Equal(
                "FitResult { StopReason = EarlyStopped, EpochsRun = 12, TrainCost = 1.5, ValidationCost = 2.25, BestEpoch = 7 }",
                result.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
