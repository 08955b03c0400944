using System;

namespace NetGen.Matrix.Tests.Reference;

/// <summary>Numeric gradients of a scalar function of the parameters.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// The step h of <see cref="Gradient"/>. With the fourth-order stencil the truncation error is about
    /// h⁴·J⁽⁵⁾/30 ≈ 1e−21 and the rounding error about 1.5·u·|J|/h ≈ 2e−11·|J| per component (u = 1.1e−16), far
    /// below the 1e−7 the double networks are held to (the matrix's worst ‖g − n‖/‖g + n‖ is ≈ 2e−9 and falls tenfold
    /// with h = 1e−4: it is this rounding noise). A larger h would be more precise but the whole stencil must stay on
    /// one side of every kink: it moves a parameter by at most 2h = 2e−5, far inside the 1e−3 margin kept from every
    /// ReLU/LeakyReLU kink (and ELU's jump in f″). With h = 1e−3 it does not, and a float ReLU network fails.
    /// </summary>
    public const double Step = 1e-5;

    /// <summary>
    /// nᵢ = (−J(θ + 2h·eᵢ) + 8·J(θ + h·eᵢ) − 8·J(θ − h·eᵢ) + J(θ − 2h·eᵢ)) / 12h for every i.
    /// </summary>
    public static double[] Gradient(Func<double[], double> cost, double[] parameters, double h = Step)
    {
        double[] theta = (double[])parameters.Clone();
        var gradient = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            double original = theta[i];
            theta[i] = original + (2 * h);
            double plus2 = cost(theta);
            theta[i] = original + h;
            double plus1 = cost(theta);
            theta[i] = original - h;
            double minus1 = cost(theta);
            theta[i] = original - (2 * h);
            double minus2 = cost(theta);
            theta[i] = original;
            gradient[i] = (-plus2 + (8 * plus1) - (8 * minus1) + minus2) / (12 * h);
        }

        return gradient;
    }
}
