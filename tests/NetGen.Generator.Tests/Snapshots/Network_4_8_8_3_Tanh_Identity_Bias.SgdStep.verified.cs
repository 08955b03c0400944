        /// <summary>One SGD step θ ← θ − η·∂J/∂θ on one sample, each layer updated as soon as δ passes it; returns J.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static float SgdStep(ref float p, ref float a1, ref float y, float rate)
        {
            Unsafe.SkipInit(out Floats8 a2);
            Unsafe.SkipInit(out Floats8 a3);
            Unsafe.SkipInit(out Floats3 a4);
            Unsafe.SkipInit(out Floats3 d4);
            Unsafe.SkipInit(out Floats8 d3);
            Unsafe.SkipInit(out Floats8 d2);
            ForwardLayer1(ref p, ref a1, ref a2[0]);   // a2 = tanh(X·W1 + b1)
            ForwardLayer2(ref p, ref a2[0], ref a3[0]);   // a3 = tanh(a2·W2 + b2)
            ForwardLayer3(ref p, ref a3[0], ref a4[0]);   // ŷ = a3·W3 + b3
            float cost = OutputDelta(a4, MemoryMarshal.CreateReadOnlySpan(ref y, OutputSize), d4);   // J, and δ4 = −(y − ŷ)
            UpdateLayer3(ref p, rate, ref a3[0], ref d4[0], ref d3[0]);   // δ3 = δ4·W3ᵀ ⊙ tanh′(z3); W3 −= η·a3ᵀ·δ4, b3 −= η·δ4
            UpdateLayer2(ref p, rate, ref a2[0], ref d3[0], ref d2[0]);   // δ2 = δ3·W2ᵀ ⊙ tanh′(z2); W2 −= η·a2ᵀ·δ3, b2 −= η·δ3
            UpdateLayer1(ref p, rate, ref a1, ref d2[0]);   // W1 −= η·Xᵀ·δ2, b1 −= η·δ2
            return cost;
        }
