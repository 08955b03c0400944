        /// <summary>Layer 2 backward (8 → 8): δ2 = δ3·W2ᵀ ⊙ tanh′(z2); W2 −= η·a2ᵀ·δ3; b2 −= η·δ3. Vector256 kernel.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void UpdateLayer2V256(ref float p, float rate, ref float a2, ref float d3, ref float d2)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float b2 = ref Unsafe.Add(ref p, B2Offset);

            // b2 −= η·δ3
            var step = Vector256.Create(-rate);
            Vector256.StoreUnsafe(
                Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref d3, 0), step, Vector256.LoadUnsafe(ref b2, 0)), ref b2, 0);

            // δ3, held in registers for every row.
            var dv0 = Vector256.LoadUnsafe(ref d3, 0);

            // δ2[0] = W2[0, :]·δ3 ⊙ tanh′(z2[0]); W2[0, :] −= η·a2[0]·δ3
            {
                var xv = Vector256.Create(-rate * a2);
                var wv0 = Vector256.LoadUnsafe(ref w2, 0);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 0);
                d2 = Vector256.Sum(sum) * TanhDerivative(a2);
            }
            // δ2[1] = W2[1, :]·δ3 ⊙ tanh′(z2[1]); W2[1, :] −= η·a2[1]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 1));
                var wv0 = Vector256.LoadUnsafe(ref w2, 8);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 8);
                Unsafe.Add(ref d2, 1) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 1));
            }
            // δ2[2] = W2[2, :]·δ3 ⊙ tanh′(z2[2]); W2[2, :] −= η·a2[2]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 2));
                var wv0 = Vector256.LoadUnsafe(ref w2, 16);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 16);
                Unsafe.Add(ref d2, 2) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 2));
            }
            // δ2[3] = W2[3, :]·δ3 ⊙ tanh′(z2[3]); W2[3, :] −= η·a2[3]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 3));
                var wv0 = Vector256.LoadUnsafe(ref w2, 24);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 24);
                Unsafe.Add(ref d2, 3) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 3));
            }
            // δ2[4] = W2[4, :]·δ3 ⊙ tanh′(z2[4]); W2[4, :] −= η·a2[4]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 4));
                var wv0 = Vector256.LoadUnsafe(ref w2, 32);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 32);
                Unsafe.Add(ref d2, 4) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 4));
            }
            // δ2[5] = W2[5, :]·δ3 ⊙ tanh′(z2[5]); W2[5, :] −= η·a2[5]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 5));
                var wv0 = Vector256.LoadUnsafe(ref w2, 40);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 40);
                Unsafe.Add(ref d2, 5) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 5));
            }
            // δ2[6] = W2[6, :]·δ3 ⊙ tanh′(z2[6]); W2[6, :] −= η·a2[6]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 6));
                var wv0 = Vector256.LoadUnsafe(ref w2, 48);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 48);
                Unsafe.Add(ref d2, 6) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 6));
            }
            // δ2[7] = W2[7, :]·δ3 ⊙ tanh′(z2[7]); W2[7, :] −= η·a2[7]·δ3
            {
                var xv = Vector256.Create(-rate * Unsafe.Add(ref a2, 7));
                var wv0 = Vector256.LoadUnsafe(ref w2, 56);
                var sum = wv0 * dv0;
                Vector256.StoreUnsafe(Vector256.MultiplyAddEstimate(dv0, xv, wv0), ref w2, 56);
                Unsafe.Add(ref d2, 7) = Vector256.Sum(sum) * TanhDerivative(Unsafe.Add(ref a2, 7));
            }
        }
