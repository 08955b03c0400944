        /// <summary>Layer 2 backward (5 → 2): δ2 = δ3·W2ᵀ ⊙ ReLU′(z2); ∂J/∂W2 += a2ᵀ·δ3; ∂J/∂b2 += δ3.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void AccumulateLayer2(ref float p, ref float g, ref float a2, ref float d3, ref float d2)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float gw2 = ref Unsafe.Add(ref g, W2Offset);
            ref float gb2 = ref Unsafe.Add(ref g, B2Offset);

            // ∂J/∂b2 += δ3
            gb2 += d3;
            Unsafe.Add(ref gb2, 1) += Unsafe.Add(ref d3, 1);

            // δ3, held in registers for every row.
            var ds0 = d3;
            var ds1 = Unsafe.Add(ref d3, 1);

            // δ2[0] = W2[0, :]·δ3 ⊙ ReLU′(z2[0]); ∂J/∂W2[0, :] += a2[0]·δ3
            {
                var x = a2;
                float sums = w2 * ds0;
                gw2 = float.MultiplyAddEstimate(ds0, x, gw2);
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 1), ds1, sums);
                Unsafe.Add(ref gw2, 1) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 1));
                d2 = sums * ReLUDerivative(a2);
            }
            // δ2[1] = W2[1, :]·δ3 ⊙ ReLU′(z2[1]); ∂J/∂W2[1, :] += a2[1]·δ3
            {
                var x = Unsafe.Add(ref a2, 1);
                float sums = Unsafe.Add(ref w2, 2) * ds0;
                Unsafe.Add(ref gw2, 2) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 2));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 3), ds1, sums);
                Unsafe.Add(ref gw2, 3) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 3));
                Unsafe.Add(ref d2, 1) = sums * ReLUDerivative(Unsafe.Add(ref a2, 1));
            }
            // δ2[2] = W2[2, :]·δ3 ⊙ ReLU′(z2[2]); ∂J/∂W2[2, :] += a2[2]·δ3
            {
                var x = Unsafe.Add(ref a2, 2);
                float sums = Unsafe.Add(ref w2, 4) * ds0;
                Unsafe.Add(ref gw2, 4) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 4));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 5), ds1, sums);
                Unsafe.Add(ref gw2, 5) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 5));
                Unsafe.Add(ref d2, 2) = sums * ReLUDerivative(Unsafe.Add(ref a2, 2));
            }
            // δ2[3] = W2[3, :]·δ3 ⊙ ReLU′(z2[3]); ∂J/∂W2[3, :] += a2[3]·δ3
            {
                var x = Unsafe.Add(ref a2, 3);
                float sums = Unsafe.Add(ref w2, 6) * ds0;
                Unsafe.Add(ref gw2, 6) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 6));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 7), ds1, sums);
                Unsafe.Add(ref gw2, 7) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 7));
                Unsafe.Add(ref d2, 3) = sums * ReLUDerivative(Unsafe.Add(ref a2, 3));
            }
            // δ2[4] = W2[4, :]·δ3 ⊙ ReLU′(z2[4]); ∂J/∂W2[4, :] += a2[4]·δ3
            {
                var x = Unsafe.Add(ref a2, 4);
                float sums = Unsafe.Add(ref w2, 8) * ds0;
                Unsafe.Add(ref gw2, 8) = float.MultiplyAddEstimate(ds0, x, Unsafe.Add(ref gw2, 8));
                sums = float.MultiplyAddEstimate(Unsafe.Add(ref w2, 9), ds1, sums);
                Unsafe.Add(ref gw2, 9) = float.MultiplyAddEstimate(ds1, x, Unsafe.Add(ref gw2, 9));
                Unsafe.Add(ref d2, 4) = sums * ReLUDerivative(Unsafe.Add(ref a2, 4));
            }
        }
