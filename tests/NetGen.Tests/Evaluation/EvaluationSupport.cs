using System;

namespace NetGen.Tests.Evaluation;

// The networks and data of the evaluation tests (Evaluation/*.cs).

/// <summary>A 4 → 8 → 3 softmax classifier with cross-entropy, in float.</summary>
[Network(4, 8, 3, Hidden = Activation.Tanh, Output = Activation.Softmax, Loss = Loss.CrossEntropy, Optimizer = OptimizerKind.Adam)]
public partial class EvalClassifierNet
{
}

/// <summary>The same classifier in double.</summary>
[Network(4, 8, 3, Hidden = Activation.Tanh, Output = Activation.Softmax, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
public partial class EvalClassifierDoubleNet
{
}

/// <summary>A 2 → 4 → 1 binary classifier: sigmoid output, the probability of class 1.</summary>
[Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid, Loss = Loss.CrossEntropy)]
public partial class EvalBinaryNet
{
}

/// <summary>600 classes: wider than the 512 values of stack scratch, so the helpers borrow pooled arrays.</summary>
[Network(3, 600, Output = Activation.Softmax, Loss = Loss.CrossEntropy, ElementType = typeof(double))]
public partial class EvalWideNet
{
}

/// <summary>Three classes as Gaussian blobs in four dimensions: a classification set the tests can learn and score.</summary>
internal static class Blobs
{
    public const int Features = 4;
    public const int Classes = 3;

    /// <summary>Row-major inputs and their labels, class r % 3 for row r, around the centre of its class.</summary>
    public static (float[] Inputs, int[] Labels) Create(int rows, int seed, double spread = 0.6)
    {
        var random = new Random(seed);
        var inputs = new float[rows * Features];
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int label = r % Classes;
            labels[r] = label;
            for (int f = 0; f < Features; f++)
            {
                double centre = f == label ? 1.5 : -0.5;
                inputs[(r * Features) + f] = (float)(centre + (spread * ((random.NextDouble() * 2) - 1)));
            }
        }

        return (inputs, labels);
    }

    /// <summary>One-hot rows of <paramref name="labels"/>, built by hand.</summary>
    public static float[] OneHotByHand(int[] labels, int classes)
    {
        var targets = new float[labels.Length * classes];
        for (int i = 0; i < labels.Length; i++)
        {
            targets[(i * classes) + labels[i]] = 1f;
        }

        return targets;
    }

    /// <summary>The index of the first maximum, by the definition: no later value is larger, no earlier one as large.</summary>
    public static int FirstMaxByHand(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
        {
            best = row[i] > row[best] ? i : best;
        }

        return best;
    }
}
