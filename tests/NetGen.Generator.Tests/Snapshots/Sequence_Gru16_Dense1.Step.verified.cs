        /// <summary>One frame: x through every layer to ŷ, each layer advancing its state (s); frame positions the rings.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static void Step(ref float p, ref float s, uint frame, ref float x, ref float y)
        {
            ref float scratch = ref Unsafe.Add(ref s, StateSize);   // after the state: gate rows, outputs, taps

            // Layer 1, GRU 1 → 16:
            // a = x·Wx1 + bx1, u = h1·Wh1 + bh1; r, z = σ(a_r + u_r, a_z + u_z), n = tanh(a_n + r ⊙ u_n); h1 ← (1 − z) ⊙ n + z ⊙ h1
            SequenceLayers<float>.Gru(
                ref Unsafe.Add(ref p, P1),
                inputs: 1,
                units: 16,
                bias: true,
                x: ref x,
                hPrevious: ref Unsafe.Add(ref s, H1),
                scratch: ref scratch,
                h: ref Unsafe.Add(ref s, H1));

            // Layer 2, Dense 16 → 1, identity:
            // ŷ = h1·W2 + b2
            SequenceLayers<float>.Dense(
                ref Unsafe.Add(ref p, P2),
                inputs: 16,
                outputs: 1,
                bias: true,
                f: Activation.Identity,
                slope: LeakySlope,
                x: ref Unsafe.Add(ref s, H1),
                a: ref y);
        }
