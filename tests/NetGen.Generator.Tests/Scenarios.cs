using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>A valid network declaration, its expected generated file and the class's fully qualified name.</summary>
public sealed record Scenario(string Name, string UserSource, string HintName, string FullyQualifiedName);

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

    public static readonly IReadOnlyList<Scenario> All =
        [StudyScore, DeepTanh, OddSizesReLU, Mnist, NestedInNamespace, GlobalNamespace];

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
