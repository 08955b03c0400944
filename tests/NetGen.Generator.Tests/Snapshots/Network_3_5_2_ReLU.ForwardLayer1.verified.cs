        /// <summary>Layer 1 (3 → 5, ReLU): z2 = a1·W1 + b1, a2 = ReLU(z2).</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer1(ref float p, ref float a1, ref float a2)
        {
            ref float w1 = ref Unsafe.Add(ref p, W1Offset);
            ref float b1 = ref Unsafe.Add(ref p, B1Offset);

            // z2 = a1·W1 + b1, adding a1[i] times row i of W1; then a2 = ReLU(z2).
            Vector128<float> zv0 = Vector128.LoadUnsafe(ref b1, 0);
            float zs0 = Unsafe.Add(ref b1, 4);
            // + a1[0]·W1[0, :]
            {
                var x = a1;
                zv0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w1, 0), Vector128.Create(x), zv0);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w1, 4), zs0);
            }
            // + a1[1]·W1[1, :]
            {
                var x = Unsafe.Add(ref a1, 1);
                zv0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w1, 5), Vector128.Create(x), zv0);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w1, 9), zs0);
            }
            // + a1[2]·W1[2, :]
            {
                var x = Unsafe.Add(ref a1, 2);
                zv0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w1, 10), Vector128.Create(x), zv0);
                zs0 = float.MultiplyAddEstimate(x, Unsafe.Add(ref w1, 14), zs0);
            }
            Vector128.StoreUnsafe(ReLU(zv0), ref a2, 0);
            Unsafe.Add(ref a2, 4) = ReLU(zs0);
        }
