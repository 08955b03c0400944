using System;
using NetGen;
using NetGen.Optimization;

namespace AotCheck;

/// <summary>L-BFGS on the classic data and on a plain function, and gradient checks.</summary>
internal static class Optimization
{
    public static void Run()
    {
        Report.Section("Lbfgs.Minimize, double 2-3-1 on the classic data");
        var net = new ClassicDoubleNet();
        int iterations = 0;
        LbfgsResult result = Lbfgs.Minimize(net, SampleData.ClassicInputs, SampleData.ClassicTargets, onIteration: iteration =>
        {
            if (iteration.Iteration <= 5)
            {
                Console.WriteLine(
                    "iteration " + Report.Format(iteration.Iteration) + ": cost " + Report.Format(iteration.Cost) +
                    ", ‖g‖∞ " + Report.Format(iteration.GradientNorm) + ", step " + Report.Format(iteration.StepSize) +
                    ", evaluations " + Report.Format(iteration.Evaluations));
            }

            iterations++;
            return true;
        });
        PrintResult(result);
        Report.Number("callbacks", iterations);
        Report.Values("parameters", (ReadOnlySpan<double>)net.Parameters);
        var predicted = new double[3];
        net.ForwardBatch(SampleData.ClassicInputs, predicted);
        Report.Values("predicted", (ReadOnlySpan<double>)predicted);
        Expect.That(result.Cost < 1e-4, "L-BFGS fits the classic data (cost below 1e-4)");

        Report.Section("Lbfgs.Minimize, Rosenbrock function from (−1.2, 1)");
        double[] x = { -1.2, 1.0 };
        LbfgsResult rosenbrock = Lbfgs.Minimize(Rosenbrock, x, new LbfgsOptions { MaxIterations = 200, History = 5 });
        PrintResult(rosenbrock);
        Report.Values("x", (ReadOnlySpan<double>)x);
        Expect.That(Math.Abs(x[0] - 1) < 1e-6 && Math.Abs(x[1] - 1) < 1e-6, "L-BFGS finds the Rosenbrock minimum (1, 1)");

        Report.Section("GradientCheck");
        var classic = new ClassicDoubleNet();
        GradientCheckResult plain = GradientCheck.Run(classic, SampleData.ClassicInputs, SampleData.ClassicTargets);
        PrintCheck("double 2-3-1, Run", plain);
        Expect.That(plain.RelativeError < 1e-7, "double 2-3-1 gradient matches finite differences");

        var regressor = new MomentumRegressor { L2Regularization = 0.01 };
        double[] inputs = SampleData.Uniform<double>(6 * MomentumRegressor.InputSize, seed: 71, low: -1, high: 1);
        double[] targets = SampleData.Uniform<double>(6 * MomentumRegressor.OutputSize, seed: 72, low: -0.5, high: 0.5);
        GradientCheckResult objective = GradientCheck.RunObjective(regressor, inputs, targets);
        PrintCheck("double 3-6-5-2 with L2, RunObjective", objective);
        Expect.That(objective.RelativeError < 1e-7, "double 3-6-5-2 objective gradient matches finite differences");

        var hellinger = new HellingerNet();
        float[] hInputs = SampleData.Uniform<float>(4 * HellingerNet.InputSize, seed: 73, low: -2, high: 2);
        float[] hTargets = SampleData.Uniform<float>(4 * HellingerNet.OutputSize, seed: 74, low: 0.05, high: 1);
        GradientCheckResult single = GradientCheck.Run(hellinger, hInputs, hTargets, epsilon: 1e-2);
        PrintCheck("float 3-5-4-2 Hellinger, Run", single);
        Expect.That(single.RelativeError < 1e-2, "float 3-5-4-2 gradient matches finite differences");
    }

    /// <summary>f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1).</summary>
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double a = 1 - x[0], b = x[1] - x[0] * x[0];
        gradient[0] = -2 * a - 400 * x[0] * b;
        gradient[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    private static void PrintResult(LbfgsResult result)
    {
        Report.Text("stop reason", result.StopReason.ToString());
        Report.Number("iterations", result.Iterations);
        Report.Number("evaluations", result.Evaluations);
        Report.Number("cost", result.Cost);
        Report.Number("‖g‖∞", result.GradientNorm);
    }

    private static void PrintCheck(string label, GradientCheckResult check) =>
        Report.Text(label,
            "relative error " + Report.Format(check.RelativeError) +
            ", worst parameter " + Report.Format(check.WorstParameterIndex) +
            ", worst difference " + Report.Format(check.WorstAbsoluteDifference) +
            ", " + Report.Format(check.ParameterCount) + " parameters");
}
