namespace NetGen.Generator.Tests;

/// <summary>User code that calls every public member of a generated network, for compile tests.</summary>
internal static class UserCode
{
    /// <summary>
    /// A class that uses the network <paramref name="type"/> (fully qualified) the way an application would:
    /// constants in constant contexts, spans from arrays and stackalloc, the interface, the batch methods.
    /// <paramref name="element"/> is the network's element type keyword (<c>float</c> or <c>double</c>).
    /// </summary>
    public static string Usage(string type, string element = "float") => $$"""
        using System;
        using NetGen;

        namespace UserCode;

        public static class Usage
        {
            public static {{element}} Exercise()
            {
                const int inputSize = {{type}}.InputSize;
                const int outputSize = {{type}}.OutputSize;
                const int parameterCount = {{type}}.ParameterCount;
                const bool hasBias = {{type}}.HasBias;
                const Loss loss = {{type}}.Loss;
                const double tau = {{type}}.Tau;
                const double leakySlope = {{type}}.LeakySlope;

                var network = new {{type}}();
                INetwork<{{element}}> asInterface = network;
                ITrainableNetwork<{{element}}> asTrainable = network;

                {{element}}[] input = new {{element}}[inputSize];
                {{element}}[] target = new {{element}}[outputSize];
                Span<{{element}}> output = stackalloc {{element}}[outputSize];
                network.Forward(input, output);
                {{element}} cost = network.Cost(input, target);
                {{element}}[] gradients = new {{element}}[parameterCount];
                cost += network.AccumulateGradients(input, target, gradients);
                cost += network.SgdStep(input, target, {{Literal(element, "0.1")}});

                Span<{{element}}> parameters = network.Parameters;
                ReadOnlySpan<int> sizes = {{type}}.LayerSizes;
                ReadOnlySpan<Activation> activations = {{type}}.Activations;
                network.InitializeParameters(seed: 42);

                {{element}}[] inputs = new {{element}}[2 * inputSize];
                {{element}}[] outputs = new {{element}}[2 * outputSize];
                {{element}}[] targets = new {{element}}[2 * outputSize];
                network.ForwardBatch(inputs, outputs);
                cost += network.CostBatch(inputs, targets);
                cost += network.AccumulateGradientsBatch(inputs, targets, gradients);
                cost += ({{element}})(tau * leakySlope);
                network.L2Regularization = {{Literal(element, "0.001")}};
                network.Optimizer.LearningRate = {{Literal(element, "0.05")}};
                cost += network.Objective(inputs, targets);
                cost += network.ObjectiveGradient(inputs, targets, gradients);
                cost += network.TrainBatch(inputs, targets);
                cost += network.TrainStep(input, target);

                bool consistent = asInterface.InputSize == inputSize
                    && asInterface.OutputSize == outputSize
                    && asInterface.ParameterCount == parameters.Length
                    && asInterface.LayerSizes.SequenceEqual(sizes)
                    && asInterface.Activations.SequenceEqual(activations)
                    && asTrainable.Loss == loss
                    && asInterface.HasBias == hasBias;
                asInterface.Forward(input, output);
                return consistent ? cost + asTrainable.SgdStep(input, target, {{Literal(element, "0.01")}}) : {{element}}.NaN;
            }
        }
        """;

    /// <summary>The same calls, written for a project with no using directives at all.</summary>
    public static string UsageWithoutUsings(string type, string element = "float") => $$"""
        namespace UserCode
        {
            public static class Usage
            {
                public static {{element}} Exercise()
                {
                    var network = new {{type}}();
                    global::NetGen.INetwork<{{element}}> asInterface = network;
                    {{element}}[] input = new {{element}}[{{type}}.InputSize];
                    {{element}}[] target = new {{element}}[{{type}}.OutputSize];
                    global::System.Span<{{element}}> output = stackalloc {{element}}[{{type}}.OutputSize];
                    network.Forward(input, output);
                    {{element}}[] gradients = new {{element}}[{{type}}.ParameterCount];
                    {{element}} cost = network.AccumulateGradients(input, target, gradients);
                    global::System.Span<{{element}}> parameters = network.Parameters;
                    global::System.ReadOnlySpan<int> sizes = {{type}}.LayerSizes;
                    return cost + network.SgdStep(input, target, {{Literal(element, "0.1")}}) + parameters.Length + sizes.Length
                        + asInterface.ParameterCount + ({{element}}){{type}}.Tau + ({{element}}){{type}}.LeakySlope;
                }
            }
        }
        """;

    /// <summary>A literal of the element type: <c>0.1f</c> for float, <c>0.1</c> for double.</summary>
    private static string Literal(string element, string value) => element == "float" ? value + "f" : value;
}
