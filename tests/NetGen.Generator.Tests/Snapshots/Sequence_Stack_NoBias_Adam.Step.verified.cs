        /// <summary>One frame: x through every layer to ŷ, each layer advancing its state (s); frame positions the rings.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static void Step(ref float p, ref float s, uint frame, ref float x, ref float y)
        {
            ref float scratch = ref Unsafe.Add(ref s, StateSize);   // after the state: gate rows, outputs, taps

            // Layer 1, Conv1D 3 → 4, kernel 2, dilation 4, LeakyReLU:
            // a1[t] = LeakyReLU(Σⱼ x[t − (1 − j)·4]·W1[j]), the last 8 inputs kept in ring R1
            SequenceLayers<float>.Conv1DStep(
                ref Unsafe.Add(ref p, P1),
                inputs: 3,
                outputs: 4,
                kernelSize: 2,
                dilation: 4,
                bias: false,
                f: Activation.LeakyReLU,
                slope: LeakySlope,
                ring: ref Unsafe.Add(ref s, R1),
                ringFrames: 8,
                frame,
                x: ref x,
                taps: ref Unsafe.Add(ref scratch, 4),
                a: ref scratch);

            // Layer 2, GRU 4 → 5:
            // a = a1·Wx2, u = h2·Wh2; r, z = σ(a_r + u_r, a_z + u_z), n = tanh(a_n + r ⊙ u_n); h2 ← (1 − z) ⊙ n + z ⊙ h2
            SequenceLayers<float>.Gru(
                ref Unsafe.Add(ref p, P2),
                inputs: 4,
                units: 5,
                bias: false,
                x: ref scratch,
                hPrevious: ref Unsafe.Add(ref s, H2),
                scratch: ref Unsafe.Add(ref scratch, 10),
                h: ref Unsafe.Add(ref s, H2));

            // Layer 3, Dense 5 → 4, sigmoid:
            // a3 = σ(h2·W3)
            SequenceLayers<float>.Dense(
                ref Unsafe.Add(ref p, P3),
                inputs: 5,
                outputs: 4,
                bias: false,
                f: Activation.Sigmoid,
                slope: LeakySlope,
                x: ref Unsafe.Add(ref s, H2),
                a: ref Unsafe.Add(ref scratch, 40));

            // Layer 4, LSTM 4 → 3:
            // z = a3·Wx4 + h4·Wh4; i, f, o = σ(z_i, z_f, z_o), g = tanh(z_g); c4 ← f ⊙ c4 + i ⊙ g; h4 ← o ⊙ tanh(c4)
            SequenceLayers<float>.Lstm(
                ref Unsafe.Add(ref p, P4),
                inputs: 4,
                units: 3,
                bias: false,
                x: ref Unsafe.Add(ref scratch, 40),
                hPrevious: ref Unsafe.Add(ref s, H4),
                cPrevious: ref Unsafe.Add(ref s, C4),
                gates: ref Unsafe.Add(ref scratch, 44),
                c: ref Unsafe.Add(ref s, C4),
                h: ref Unsafe.Add(ref s, H4));

            // ŷ = h4
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref s, H4), 3).CopyTo(MemoryMarshal.CreateSpan(ref y, 3));
        }
