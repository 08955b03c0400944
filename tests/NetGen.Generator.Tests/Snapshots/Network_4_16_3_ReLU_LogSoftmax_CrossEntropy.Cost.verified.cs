        /// <summary>J = −Σ y ŷ (ŷ = ln p: the negative log-likelihood) of one sample.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static float Cost(ref float p, ref float a1, ref float y)
        {
            Unsafe.SkipInit(out Floats16 a2);
            Unsafe.SkipInit(out Floats3 a3);
            ForwardLayer1(ref p, ref a1, ref a2[0]);   // a2 = ReLU(X·W1 + b1)
            ForwardLayer2(ref p, ref a2[0], ref a3[0]);   // ŷ = log softmax(a2·W2 + b2)
            return LossFunctions<float>.NegativeLogLikelihood(a3, MemoryMarshal.CreateReadOnlySpan(ref y, OutputSize));
        }
