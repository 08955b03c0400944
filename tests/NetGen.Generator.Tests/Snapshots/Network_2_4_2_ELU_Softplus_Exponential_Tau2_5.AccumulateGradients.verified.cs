        /// <summary>Adds ∂J/∂θ of one sample to g; returns J.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static float AccumulateGradients(ref float p, ref float a1, ref float y, ref float g)
        {
            Unsafe.SkipInit(out Floats4 a2);
            Unsafe.SkipInit(out Floats2 a3);
            Unsafe.SkipInit(out Floats2 d3);
            Unsafe.SkipInit(out Floats4 d2);
            ForwardLayer1(ref p, ref a1, ref a2[0]);   // a2 = ELU(X·W1 + b1)
            ForwardLayer2(ref p, ref a2[0], ref a3[0]);   // ŷ = softplus(a2·W2 + b2)
            // J, and δ3 = −(2/τ)(y − ŷ)·J ⊙ softplus′(z3)
            float cost = OutputDelta(a3, MemoryMarshal.CreateReadOnlySpan(ref y, OutputSize), d3);
            AccumulateLayer2(ref p, ref g, ref a2[0], ref d3[0], ref d2[0]);   // δ2 = δ3·W2ᵀ ⊙ ELU′(z2); ∂J/∂W2 += a2ᵀ·δ3, ∂J/∂b2 += δ3
            AccumulateLayer1(ref p, ref g, ref a1, ref d2[0]);   // ∂J/∂W1 += Xᵀ·δ2, ∂J/∂b1 += δ2
            return cost;
        }
