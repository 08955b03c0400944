using System;

namespace NetGen.Benchmarks.Plain;

/// <summary>The four standard networks' calls: one direct call to the generated class in every member.</summary>
internal static class PlainCalls
{
    public readonly struct A() : IPlainCalls
    {
        private readonly Sigmoid_2_3_1 _net = new();
        private readonly Sigmoid_2_3_1_Adam _adam = new();

        public int InputSize => Sigmoid_2_3_1.InputSize;

        public int OutputSize => Sigmoid_2_3_1.OutputSize;

        public float[] Parameters => _net.Parameters.ToArray();

        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);

        public float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate) =>
            _net.SgdStep(input, target, learningRate);

        public float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _adam.TrainStep(input, target);

        public void SetAdamRate(float learningRate) => _adam.Optimizer.LearningRate = learningRate;
    }

    public readonly struct B() : IPlainCalls
    {
        private readonly Tanh_8_16_16_1 _net = new();
        private readonly Tanh_8_16_16_1_Adam _adam = new();

        public int InputSize => Tanh_8_16_16_1.InputSize;

        public int OutputSize => Tanh_8_16_16_1.OutputSize;

        public float[] Parameters => _net.Parameters.ToArray();

        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);

        public float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate) =>
            _net.SgdStep(input, target, learningRate);

        public float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _adam.TrainStep(input, target);

        public void SetAdamRate(float learningRate) => _adam.Optimizer.LearningRate = learningRate;
    }

    public readonly struct C() : IPlainCalls
    {
        private readonly Relu_64_32_10 _net = new();
        private readonly Relu_64_32_10_Adam _adam = new();

        public int InputSize => Relu_64_32_10.InputSize;

        public int OutputSize => Relu_64_32_10.OutputSize;

        public float[] Parameters => _net.Parameters.ToArray();

        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);

        public float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate) =>
            _net.SgdStep(input, target, learningRate);

        public float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _adam.TrainStep(input, target);

        public void SetAdamRate(float learningRate) => _adam.Optimizer.LearningRate = learningRate;
    }

    public readonly struct D() : IPlainCalls
    {
        private readonly Relu_784_128_10 _net = new();
        private readonly Relu_784_128_10_Adam _adam = new();

        public int InputSize => Relu_784_128_10.InputSize;

        public int OutputSize => Relu_784_128_10.OutputSize;

        public float[] Parameters => _net.Parameters.ToArray();

        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);

        public float SgdStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate) =>
            _net.SgdStep(input, target, learningRate);

        public float AdamStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _adam.TrainStep(input, target);

        public void SetAdamRate(float learningRate) => _adam.Optimizer.LearningRate = learningRate;
    }
}
