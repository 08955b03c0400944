        /// <summary>Layer 2 (16 → 3, log-softmax): z3 = a2·W2 + b2, a3 = log softmax(z3).</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer2(ref float p, ref float a2, ref float a3)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float b2 = ref Unsafe.Add(ref p, B2Offset);

            // z3 = a2·W2 + b2, adding a2[i] times row i of W2; then a3 = log softmax(z3) over the whole layer.
            Vector128<float> zt0 = VectorLanes.Load(ref b2, 3);
            // Row i goes to partial sum i mod 2: independent chains of multiply-adds.
            zt0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w2), Vector128.Create(a2), zt0);   // + a2[0]·W2[0, :]
            var zt0_1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 3)) * Vector128.Create(Unsafe.Add(ref a2, 1));   // + a2[1]·W2[1, :]
            // + a2[2]·W2[2, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 6)), Vector128.Create(Unsafe.Add(ref a2, 2)), zt0);
            // + a2[3]·W2[3, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 9)), Vector128.Create(Unsafe.Add(ref a2, 3)), zt0_1);
            // + a2[4]·W2[4, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 12)), Vector128.Create(Unsafe.Add(ref a2, 4)), zt0);
            // + a2[5]·W2[5, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 15)), Vector128.Create(Unsafe.Add(ref a2, 5)), zt0_1);
            // + a2[6]·W2[6, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 18)), Vector128.Create(Unsafe.Add(ref a2, 6)), zt0);
            // + a2[7]·W2[7, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 21)), Vector128.Create(Unsafe.Add(ref a2, 7)), zt0_1);
            // + a2[8]·W2[8, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 24)), Vector128.Create(Unsafe.Add(ref a2, 8)), zt0);
            // + a2[9]·W2[9, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 27)), Vector128.Create(Unsafe.Add(ref a2, 9)), zt0_1);
            // + a2[10]·W2[10, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 30)), Vector128.Create(Unsafe.Add(ref a2, 10)), zt0);
            // + a2[11]·W2[11, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 33)), Vector128.Create(Unsafe.Add(ref a2, 11)), zt0_1);
            // + a2[12]·W2[12, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 36)), Vector128.Create(Unsafe.Add(ref a2, 12)), zt0);
            // + a2[13]·W2[13, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 39)), Vector128.Create(Unsafe.Add(ref a2, 13)), zt0_1);
            // + a2[14]·W2[14, :]
            zt0 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 42)), Vector128.Create(Unsafe.Add(ref a2, 14)), zt0);
            // + a2[15]·W2[15, :]
            zt0_1 = Vector128.MultiplyAddEstimate(
                Vector128.LoadUnsafe(ref Unsafe.Add(ref w2, 45)), Vector128.Create(Unsafe.Add(ref a2, 15)), zt0_1);
            // z3 = the partial sums, added pairwise.
            zt0 = zt0 + zt0_1;
            VectorLanes.Store(zt0, ref a3, 3);
            LogSoftmax(MemoryMarshal.CreateSpan(ref a3, 3));
        }
