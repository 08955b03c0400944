        /// <summary>δ3 = ŷ·Σy − y, dJ/dŷ through the softmax Jacobian in fused form; returns J.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static float OutputDelta(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta)
        {
            return LossFunctions<float>.CategoricalCrossEntropyDelta(output, target, delta);
        }
