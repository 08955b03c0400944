using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>Valid sequence-network declarations (the contract's four, a deep stack and a nested one) for generator tests.</summary>
public static class SequenceScenarios
{
    public static readonly Scenario Lstm = Declare("Sequence_Lstm16_Dense1", "AmpModel", "[Network(1)]\n[Lstm(16)]\n[Dense(1)]");

    public static readonly Scenario Gru = Declare("Sequence_Gru16_Dense1", "GruModel", "[Network(1)] [Gru(16)] [Dense(1)]");

    public static readonly Scenario Tcn = Declare(
        "Sequence_Conv1D_Tcn",
        "TcnModel",
        """
        [Network(1)]
        [Conv1D(8, KernelSize = 3, Dilation = 1, Activation = Activation.Tanh)]
        [Conv1D(8, KernelSize = 3, Dilation = 2, Activation = Activation.Tanh)]
        [Dense(1)]
        """);

    public static readonly Scenario LstmDouble = Declare(
        "Sequence_Lstm8_Double", "Lstm8D", "[Network(1, ElementType = typeof(double))] [Lstm(8)] [Dense(1)]", "double");

    /// <summary>Every kind, a convolution below recurrent layers, no bias, Adam, LeakyReLU with its slope.</summary>
    public static readonly Scenario Stack = Declare(
        "Sequence_Stack_NoBias_Adam",
        "StackNet",
        """
        [Network(3, Bias = false, Optimizer = OptimizerKind.Adam, LeakySlope = 0.2)]
        [Conv1D(4, KernelSize = 2, Dilation = 4, Activation = Activation.LeakyReLU)]
        [Gru(5)]
        [Dense(4, Activation = Activation.Sigmoid)]
        [Lstm(3)]
        """);

    public static readonly IReadOnlyList<Scenario> All = [Lstm, Gru, Tcn, LstmDouble, Stack];

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    public static TheoryData<string> Names() => new(All.Select(s => s.Name));

    private static Scenario Declare(string name, string className, string attributes, string element = "float") => new(
        name,
        $$"""
        using NetGen;

        namespace MyApp;

        {{attributes}}
        public partial class {{className}}
        {
        }
        """,
        $"MyApp.{className}.g.cs",
        $"global::MyApp.{className}",
        element);
}
