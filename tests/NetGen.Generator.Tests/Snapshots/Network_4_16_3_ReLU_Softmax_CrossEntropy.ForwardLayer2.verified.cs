        /// <summary>Layer 2 (16 → 3, softmax): z3 = a2·W2 + b2, a3 = softmax(z3).</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer2(ref float p, ref float a2, ref float a3)
        {
            ref float w2 = ref Unsafe.Add(ref p, W2Offset);
            ref float b2 = ref Unsafe.Add(ref p, B2Offset);

            // z3 = a2·W2 + b2, adding a2[i] times row i of W2; then a3 = softmax(z3) over the whole layer.
            float zs0 = b2;
            float zs0_1 = 0f;
            float zs1 = Unsafe.Add(ref b2, 1);
            float zs1_1 = 0f;
            float zs2 = Unsafe.Add(ref b2, 2);
            float zs2_1 = 0f;
            // Row i goes to partial sum i mod 2: independent chains of multiply-adds.
            // + a2[0]·W2[0, :]
            {
                var x = a2;
                zs0 = float.MultiplyAddEstimate(x, w2, zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 1), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 2), zs2);
            }
            // + a2[1]·W2[1, :]
            {
                var x = Unsafe.Add(ref a2, 1);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 3), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 4), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 5), zs2_1);
            }
            // + a2[2]·W2[2, :]
            {
                var x = Unsafe.Add(ref a2, 2);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 6), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 7), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 8), zs2);
            }
            // + a2[3]·W2[3, :]
            {
                var x = Unsafe.Add(ref a2, 3);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 9), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 10), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 11), zs2_1);
            }
            // + a2[4]·W2[4, :]
            {
                var x = Unsafe.Add(ref a2, 4);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 12), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 13), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 14), zs2);
            }
            // + a2[5]·W2[5, :]
            {
                var x = Unsafe.Add(ref a2, 5);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 15), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 16), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 17), zs2_1);
            }
            // + a2[6]·W2[6, :]
            {
                var x = Unsafe.Add(ref a2, 6);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 18), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 19), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 20), zs2);
            }
            // + a2[7]·W2[7, :]
            {
                var x = Unsafe.Add(ref a2, 7);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 21), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 22), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 23), zs2_1);
            }
            // + a2[8]·W2[8, :]
            {
                var x = Unsafe.Add(ref a2, 8);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 24), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 25), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 26), zs2);
            }
            // + a2[9]·W2[9, :]
            {
                var x = Unsafe.Add(ref a2, 9);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 27), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 28), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 29), zs2_1);
            }
            // + a2[10]·W2[10, :]
            {
                var x = Unsafe.Add(ref a2, 10);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 30), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 31), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 32), zs2);
            }
            // + a2[11]·W2[11, :]
            {
                var x = Unsafe.Add(ref a2, 11);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 33), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 34), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 35), zs2_1);
            }
            // + a2[12]·W2[12, :]
            {
                var x = Unsafe.Add(ref a2, 12);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 36), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 37), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 38), zs2);
            }
            // + a2[13]·W2[13, :]
            {
                var x = Unsafe.Add(ref a2, 13);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 39), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 40), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 41), zs2_1);
            }
            // + a2[14]·W2[14, :]
            {
                var x = Unsafe.Add(ref a2, 14);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 42), zs0);
                zs1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 43), zs1);
                zs2 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 44), zs2);
            }
            // + a2[15]·W2[15, :]
            {
                var x = Unsafe.Add(ref a2, 15);
                zs0_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 45), zs0_1);
                zs1_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 46), zs1_1);
                zs2_1 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w2, 47), zs2_1);
            }
            // z3 = the partial sums, added pairwise.
            zs0 = zs0 + zs0_1;
            zs1 = zs1 + zs1_1;
            zs2 = zs2 + zs2_1;
            a3 = zs0;
            Unsafe.Add(ref a3, 1) = zs1;
            Unsafe.Add(ref a3, 2) = zs2;
            Softmax(MemoryMarshal.CreateSpan(ref a3, 3));
        }
