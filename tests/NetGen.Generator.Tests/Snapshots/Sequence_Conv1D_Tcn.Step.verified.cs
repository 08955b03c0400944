        /// <summary>One frame: x through every layer to ŷ, each layer advancing its state (s); frame positions the rings.</summary>
        [MethodImpl(NoInlining | AggressiveOptimization)]
        public static void Step(ref float p, ref float s, uint frame, ref float x, ref float y)
        {
            ref float scratch = ref Unsafe.Add(ref s, StateSize);   // after the state: gate rows, outputs, taps

            // Layer 1, Conv1D 1 → 8, kernel 3, dilation 1, tanh:
            // a1[t] = tanh(Σⱼ x[t − (2 − j)·1]·W1[j] + b1), the last 4 inputs kept in ring R1
            SequenceLayers<float>.Conv1DStep(
                ref Unsafe.Add(ref p, P1),
                inputs: 1,
                outputs: 8,
                kernelSize: 3,
                dilation: 1,
                bias: true,
                f: Activation.Tanh,
                slope: LeakySlope,
                ring: ref Unsafe.Add(ref s, R1),
                ringFrames: 4,
                frame,
                x: ref x,
                taps: ref Unsafe.Add(ref scratch, 8),
                a: ref scratch);

            // Layer 2, Conv1D 8 → 8, kernel 3, dilation 2, tanh:
            // a2[t] = tanh(Σⱼ a1[t − (2 − j)·2]·W2[j] + b2), the last 8 inputs kept in ring R2
            SequenceLayers<float>.Conv1DStep(
                ref Unsafe.Add(ref p, P2),
                inputs: 8,
                outputs: 8,
                kernelSize: 3,
                dilation: 2,
                bias: true,
                f: Activation.Tanh,
                slope: LeakySlope,
                ring: ref Unsafe.Add(ref s, R2),
                ringFrames: 8,
                frame,
                x: ref scratch,
                taps: ref Unsafe.Add(ref scratch, 19),
                a: ref Unsafe.Add(ref scratch, 11));

            // Layer 3, Dense 8 → 1, identity:
            // ŷ = a2·W3 + b3
            SequenceLayers<float>.Dense(
                ref Unsafe.Add(ref p, P3),
                inputs: 8,
                outputs: 1,
                bias: true,
                f: Activation.Identity,
                slope: LeakySlope,
                x: ref Unsafe.Add(ref scratch, 11),
                a: ref y);
        }
