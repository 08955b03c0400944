using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>
/// A valid network declaration, its expected generated file, the class's fully qualified name and the C# keyword of
/// its element type.
/// </summary>
public sealed record Scenario(
    string Name, string UserSource, string HintName, string FullyQualifiedName, string ElementType = "float");

/// <summary>The valid networks that snapshot tests and compile tests share.</summary>
public static class Scenarios
{
    /// <summary>The classic 2-3-1 example: sleep and study hours → test score, sigmoid everywhere, no biases.</summary>
    public static readonly Scenario StudyScore = new(
        "Network_2_3_1_Sigmoid_NoBias",
        """
        using NetGen;

        namespace MyApp;

        [Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Loss = Loss.SquaredError, Bias = false)]
        public partial class StudyScoreNet
        {
        }
        """,
        "MyApp.StudyScoreNet.g.cs",
        "global::MyApp.StudyScoreNet");

    public static readonly Scenario DeepTanh = new(
        "Network_4_8_8_3_Tanh_Identity_Bias",
        """
        using NetGen;

        namespace MyApp;

        [Network(4, 8, 8, 3, Hidden = Activation.Tanh, Output = Activation.Identity, Bias = true)]
        public partial class IrisNet
        {
        }
        """,
        "MyApp.IrisNet.g.cs",
        "global::MyApp.IrisNet");

    /// <summary>Sizes that are not multiples of the vector width, so every kernel needs its scalar tail.</summary>
    public static readonly Scenario OddSizesReLU = new(
        "Network_3_5_2_ReLU",
        """
        using NetGen;

        namespace MyApp;

        [Network(3, 5, 2, Hidden = Activation.ReLU, Output = Activation.ReLU)]
        public partial class SmallReluNet
        {
        }
        """,
        "MyApp.SmallReluNet.g.cs",
        "global::MyApp.SmallReluNet");

    public static readonly Scenario Mnist = new(
        "Network_784_128_10_ReLU_Identity",
        """
        using NetGen;

        namespace MyApp;

        [Network(784, 128, 10, Hidden = Activation.ReLU, Output = Activation.Identity)]
        public partial class MnistNet
        {
        }
        """,
        "MyApp.MnistNet.g.cs",
        "global::MyApp.MnistNet");

    public static readonly Scenario NestedInNamespace = new(
        "Network_Nested_In_Namespaced_Class",
        """
        using NetGen;

        namespace MyApp;

        public partial class Outer
        {
            [Network(2, 4, 1, Hidden = Activation.Tanh, Output = Activation.Sigmoid)]
            public partial class Inner
            {
            }
        }
        """,
        "MyApp.Outer.Inner.g.cs",
        "global::MyApp.Outer.Inner");

    public static readonly Scenario GlobalNamespace = new(
        "Network_In_Global_Namespace",
        """
        using NetGen;

        [Network(2, 3, 1)]
        public partial class StudyScoreNet
        {
        }
        """,
        "StudyScoreNet.g.cs",
        "global::StudyScoreNet");

    /// <summary>A classifier: ReLU hidden layer, softmax output, categorical cross-entropy.</summary>
    public static readonly Scenario Classifier = new(
        "Network_4_16_3_ReLU_Softmax_CrossEntropy",
        """
        using NetGen;

        namespace MyApp;

        [Network(4, 16, 3, Hidden = Activation.ReLU, Output = Activation.Softmax, Loss = Loss.CrossEntropy)]
        public partial class IrisClassifier
        {
        }
        """,
        "MyApp.IrisClassifier.g.cs",
        "global::MyApp.IrisClassifier");

    /// <summary>PyTorch's NLLLoss idiom: a log-softmax output, whose cross entropy is the negative log-likelihood.</summary>
    public static readonly Scenario LogSoftmaxClassifier = new(
        "Network_4_16_3_ReLU_LogSoftmax_CrossEntropy",
        """
        using NetGen;

        namespace MyApp;

        [Network(4, 16, 3, Hidden = Activation.ReLU, Output = Activation.LogSoftmax, Loss = Loss.CrossEntropy)]
        public partial class NllClassifier
        {
        }
        """,
        "MyApp.NllClassifier.g.cs",
        "global::MyApp.NllClassifier");

    /// <summary>The 2-3-1 sigmoid network with biases in double: two lanes per vector, so 3 needs a scalar tail.</summary>
    public static readonly Scenario StudyScoreDouble = new(
        "Network_2_3_1_Double",
        """
        using NetGen;

        namespace MyApp;

        [Network(2, 3, 1, Hidden = Activation.Sigmoid, Output = Activation.Sigmoid, Bias = true, ElementType = typeof(double))]
        public partial class PreciseStudyScoreNet
        {
        }
        """,
        "MyApp.PreciseStudyScoreNet.g.cs",
        "global::MyApp.PreciseStudyScoreNet",
        ElementType: "double");

    /// <summary>A different activation on every layer, a custom LeakyReLU slope and the Hellinger cost.</summary>
    public static readonly Scenario PerLayerActivations = new(
        "Network_PerLayerActivations",
        """
        using NetGen;

        namespace MyApp;

        [Network(3, 8, 6, 2, Activations = new[] { Activation.GELU, Activation.LeakyReLU, Activation.Sigmoid }, Loss = Loss.Hellinger, LeakySlope = 0.05)]
        public partial class PerLayerNet
        {
        }
        """,
        "MyApp.PerLayerNet.g.cs",
        "global::MyApp.PerLayerNet");

    /// <summary>The exponential cost with τ = 2.5, on ELU hidden and Softplus output layers.</summary>
    public static readonly Scenario ExponentialCost = new(
        "Network_2_4_2_ELU_Softplus_Exponential_Tau2_5",
        """
        using NetGen;

        namespace MyApp;

        [Network(2, 4, 2, Hidden = Activation.ELU, Output = Activation.Softplus, Loss = Loss.Exponential, Tau = 2.5)]
        public partial class ExponentialCostNet
        {
        }
        """,
        "MyApp.ExponentialCostNet.g.cs",
        "global::MyApp.ExponentialCostNet");

    public static readonly IReadOnlyList<Scenario> All =
    [
        StudyScore, DeepTanh, OddSizesReLU, Mnist, NestedInNamespace, GlobalNamespace,
        Classifier, StudyScoreDouble, PerLayerActivations, ExponentialCost, LogSoftmaxClassifier,
    ];

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Scenario names as theory data (names keep test cases readable and serializable).</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (Scenario scenario in All)
        {
            data.Add(scenario.Name);
        }

        return data;
    }
}
