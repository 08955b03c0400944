        /// <summary>δ3 = −(2/τ)(y − ŷ)·J ⊙ softplus′(z3); returns J.</summary>
        [MethodImpl(AggressiveOptimization)]
        private static float OutputDelta(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta)
        {
            float cost = LossFunctions<float>.ExponentialGradient(output, target, 2.5f, delta);
            delta[0] *= SoftplusDerivative(output[0]);
            delta[1] *= SoftplusDerivative(output[1]);
            return cost;
        }
