        /// <summary>Layer 2 (8 → 8, tanh): z3 = a2·W2 + b2, a3 = tanh(z3). Vector256 kernel.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer2V256(ref float p, ref float a2, ref float a3)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float b2 = ref Unsafe.Add(ref p, B2Offset);

            // z3 = a2·W2 + b2, adding a2[i] times row i of W2; then a3 = tanh(z3).
            Vector256<float> zv0 = Vector256.LoadUnsafe(ref b2, 0);
            // Row i goes to partial sum i mod 4: independent chains of multiply-adds.
            zv0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w2, 0), Vector256.Create(a2), zv0);   // + a2[0]·W2[0, :]
            var zv0_1 = Vector256.LoadUnsafe(ref w2, 8) * Vector256.Create(Unsafe.Add(ref a2, 1));   // + a2[1]·W2[1, :]
            var zv0_2 = Vector256.LoadUnsafe(ref w2, 16) * Vector256.Create(Unsafe.Add(ref a2, 2));   // + a2[2]·W2[2, :]
            var zv0_3 = Vector256.LoadUnsafe(ref w2, 24) * Vector256.Create(Unsafe.Add(ref a2, 3));   // + a2[3]·W2[3, :]
            // + a2[4]·W2[4, :]
            zv0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w2, 32), Vector256.Create(Unsafe.Add(ref a2, 4)), zv0);
            // + a2[5]·W2[5, :]
            zv0_1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w2, 40), Vector256.Create(Unsafe.Add(ref a2, 5)), zv0_1);
            // + a2[6]·W2[6, :]
            zv0_2 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w2, 48), Vector256.Create(Unsafe.Add(ref a2, 6)), zv0_2);
            // + a2[7]·W2[7, :]
            zv0_3 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w2, 56), Vector256.Create(Unsafe.Add(ref a2, 7)), zv0_3);
            // z3 = the partial sums, added pairwise.
            zv0 = (zv0 + zv0_1) + (zv0_2 + zv0_3);
            Vector256.StoreUnsafe(Tanh(zv0), ref a3, 0);
        }
