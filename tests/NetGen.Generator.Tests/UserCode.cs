namespace NetGen.Generator.Tests;

/// <summary>User code that calls every public member of a generated network, for compile tests.</summary>
internal static class UserCode
{
    /// <summary>
    /// A class that uses the network <paramref name="type"/> (fully qualified) the way an application would:
    /// constants in constant contexts, spans from arrays and stackalloc, the interface, the batch methods.
    /// </summary>
    public static string Usage(string type) => $$"""
        using System;
        using NetGen;

        namespace UserCode;

        public static class Usage
        {
            public static float Exercise()
            {
                const int inputSize = {{type}}.InputSize;
                const int outputSize = {{type}}.OutputSize;
                const int parameterCount = {{type}}.ParameterCount;
                const bool hasBias = {{type}}.HasBias;
                const Loss loss = {{type}}.Loss;

                var network = new {{type}}();
                INetwork<float> asInterface = network;

                float[] input = new float[inputSize];
                float[] target = new float[outputSize];
                Span<float> output = stackalloc float[outputSize];
                network.Forward(input, output);
                float cost = network.Cost(input, target);
                float[] gradients = new float[parameterCount];
                cost += network.AccumulateGradients(input, target, gradients);
                cost += network.TrainStep(input, target, 0.1f);

                Span<float> parameters = network.Parameters;
                ReadOnlySpan<int> sizes = {{type}}.LayerSizes;
                ReadOnlySpan<Activation> activations = {{type}}.Activations;
                network.InitializeParameters(ParameterInitializer.DefaultSeed);

                float[] inputs = new float[2 * inputSize];
                float[] outputs = new float[2 * outputSize];
                float[] targets = new float[2 * outputSize];
                network.ForwardBatch(inputs, outputs);
                cost += network.CostBatch(inputs, targets);
                cost += network.AccumulateGradientsBatch(inputs, targets, gradients);

                bool consistent = asInterface.InputSize == inputSize
                    && asInterface.OutputSize == outputSize
                    && asInterface.ParameterCount == parameters.Length
                    && asInterface.LayerSizes.SequenceEqual(sizes)
                    && asInterface.Activations.SequenceEqual(activations)
                    && asInterface.Loss == loss
                    && asInterface.HasBias == hasBias;
                asInterface.Forward(input, output);
                return consistent ? cost + asInterface.TrainStep(input, target, 0.01f) : float.NaN;
            }
        }
        """;

    /// <summary>The same calls, written for a project with no using directives at all.</summary>
    public static string UsageWithoutUsings(string type) => $$"""
        namespace UserCode
        {
            public static class Usage
            {
                public static float Exercise()
                {
                    var network = new {{type}}();
                    global::NetGen.INetwork<float> asInterface = network;
                    float[] input = new float[{{type}}.InputSize];
                    float[] target = new float[{{type}}.OutputSize];
                    global::System.Span<float> output = stackalloc float[{{type}}.OutputSize];
                    network.Forward(input, output);
                    float[] gradients = new float[{{type}}.ParameterCount];
                    float cost = network.AccumulateGradients(input, target, gradients);
                    global::System.Span<float> parameters = network.Parameters;
                    global::System.ReadOnlySpan<int> sizes = {{type}}.LayerSizes;
                    return cost + network.TrainStep(input, target, 0.1f) + parameters.Length + sizes.Length
                        + asInterface.ParameterCount;
                }
            }
        }
        """;
}
