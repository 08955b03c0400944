        /// <summary>δ3 = e^ŷ·Σy − y, dJ/dŷ through the log softmax Jacobian in fused form; returns J.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static float OutputDelta(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta)
        {
            return LossFunctions<float>.NegativeLogLikelihoodDelta(output, target, delta);
        }
