        /// <summary>δ4 = (√ŷ − √y)·√ŷ·(1 − ŷ)/√2, dJ/dŷ ⊙ σ′(z4) in fused form; returns J.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static float OutputDelta(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta)
        {
            return LossFunctions<float>.HellingerSigmoidDelta(output, target, delta);
        }
