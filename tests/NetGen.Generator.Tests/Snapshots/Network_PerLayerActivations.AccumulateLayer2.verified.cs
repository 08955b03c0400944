        /// <summary>Layer 2 backward (8 → 6): δ2 = δ3·W2ᵀ ⊙ GELU′(z2); ∂J/∂W2 += a2ᵀ·δ3; ∂J/∂b2 += δ3.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void AccumulateLayer2(ref float p, ref float g, ref float a2, ref float z2, ref float d3, ref float d2)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float gw2 = ref Unsafe.Add(ref g, W2Offset);
            ref float gb2 = ref Unsafe.Add(ref g, B2Offset);

            // ∂J/∂b2 += δ3
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref gb2, 0) + Vector128.LoadUnsafe(ref d3, 0), ref gb2, 0);
            Unsafe.Add(ref gb2, 4) += Unsafe.Add(ref d3, 4);
            Unsafe.Add(ref gb2, 5) += Unsafe.Add(ref d3, 5);

            // δ3, held in registers for every row.
            var dv0 = Vector128.LoadUnsafe(ref d3, 0);
            var ds0 = Unsafe.Add(ref d3, 4);
            var ds1 = Unsafe.Add(ref d3, 5);

            // δ2[0] = W2[0, :]·δ3 ⊙ GELU′(z2[0]); ∂J/∂W2[0, :] += a2[0]·δ3
            {
                var x = a2;
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 0);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 0)), ref gw2, 0);
                float sums = Unsafe.Add(ref w2, 4) * ds0;
                Unsafe.Add(ref gw2, 4) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 4));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 5), ds1, sums);
                Unsafe.Add(ref gw2, 5) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 5));
                d2 = (Vector128.Sum(sum) + sums) * GELUDerivative(z2);
            }
            // δ2[1] = W2[1, :]·δ3 ⊙ GELU′(z2[1]); ∂J/∂W2[1, :] += a2[1]·δ3
            {
                var x = Unsafe.Add(ref a2, 1);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 6);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 6)), ref gw2, 6);
                float sums = Unsafe.Add(ref w2, 10) * ds0;
                Unsafe.Add(ref gw2, 10) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 10));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 11), ds1, sums);
                Unsafe.Add(ref gw2, 11) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 11));
                Unsafe.Add(ref d2, 1) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 1));
            }
            // δ2[2] = W2[2, :]·δ3 ⊙ GELU′(z2[2]); ∂J/∂W2[2, :] += a2[2]·δ3
            {
                var x = Unsafe.Add(ref a2, 2);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 12);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 12)), ref gw2, 12);
                float sums = Unsafe.Add(ref w2, 16) * ds0;
                Unsafe.Add(ref gw2, 16) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 16));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 17), ds1, sums);
                Unsafe.Add(ref gw2, 17) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 17));
                Unsafe.Add(ref d2, 2) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 2));
            }
            // δ2[3] = W2[3, :]·δ3 ⊙ GELU′(z2[3]); ∂J/∂W2[3, :] += a2[3]·δ3
            {
                var x = Unsafe.Add(ref a2, 3);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 18);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 18)), ref gw2, 18);
                float sums = Unsafe.Add(ref w2, 22) * ds0;
                Unsafe.Add(ref gw2, 22) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 22));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 23), ds1, sums);
                Unsafe.Add(ref gw2, 23) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 23));
                Unsafe.Add(ref d2, 3) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 3));
            }
            // δ2[4] = W2[4, :]·δ3 ⊙ GELU′(z2[4]); ∂J/∂W2[4, :] += a2[4]·δ3
            {
                var x = Unsafe.Add(ref a2, 4);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 24);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 24)), ref gw2, 24);
                float sums = Unsafe.Add(ref w2, 28) * ds0;
                Unsafe.Add(ref gw2, 28) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 28));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 29), ds1, sums);
                Unsafe.Add(ref gw2, 29) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 29));
                Unsafe.Add(ref d2, 4) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 4));
            }
            // δ2[5] = W2[5, :]·δ3 ⊙ GELU′(z2[5]); ∂J/∂W2[5, :] += a2[5]·δ3
            {
                var x = Unsafe.Add(ref a2, 5);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 30);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 30)), ref gw2, 30);
                float sums = Unsafe.Add(ref w2, 34) * ds0;
                Unsafe.Add(ref gw2, 34) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 34));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 35), ds1, sums);
                Unsafe.Add(ref gw2, 35) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 35));
                Unsafe.Add(ref d2, 5) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 5));
            }
            // δ2[6] = W2[6, :]·δ3 ⊙ GELU′(z2[6]); ∂J/∂W2[6, :] += a2[6]·δ3
            {
                var x = Unsafe.Add(ref a2, 6);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 36);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 36)), ref gw2, 36);
                float sums = Unsafe.Add(ref w2, 40) * ds0;
                Unsafe.Add(ref gw2, 40) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 40));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 41), ds1, sums);
                Unsafe.Add(ref gw2, 41) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 41));
                Unsafe.Add(ref d2, 6) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 6));
            }
            // δ2[7] = W2[7, :]·δ3 ⊙ GELU′(z2[7]); ∂J/∂W2[7, :] += a2[7]·δ3
            {
                var x = Unsafe.Add(ref a2, 7);
                var xv = Vector128.Create(x);
                var wv0 = Vector128.LoadUnsafe(ref w2, 42);
                var sum = wv0 * dv0;
                Vector128.StoreUnsafe(Vector128.MultiplyAddEstimate(dv0, xv, Vector128.LoadUnsafe(ref gw2, 42)), ref gw2, 42);
                float sums = Unsafe.Add(ref w2, 46) * ds0;
                Unsafe.Add(ref gw2, 46) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 46));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 47), ds1, sums);
                Unsafe.Add(ref gw2, 47) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 47));
                Unsafe.Add(ref d2, 7) = (Vector128.Sum(sum) + sums) * GELUDerivative(Unsafe.Add(ref z2, 7));
            }
        }
