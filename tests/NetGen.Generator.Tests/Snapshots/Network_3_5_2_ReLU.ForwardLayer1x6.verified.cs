        /// <summary>Layer 1 for 6 samples: z2 = a1·W1 + b1, a2 = ReLU(z2), each weight vector loaded once for all samples.</summary>
        [MethodImpl(AggressiveOptimization)]
        private static void ForwardLayer1x6(ref float p, ref float a1, ref float a2)
        {
            ref float w1 = ref Unsafe.Add(ref p, W1Offset);
            ref float b1 = ref Unsafe.Add(ref p, B1Offset);
            // Columns 4..4, after the last whole vector, in this pass too: 1 Vector128 per sample, lanes past the last column 0.
            var acc0_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail0_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            var acc1_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail1_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            var acc2_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail2_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            var acc3_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail3_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            var acc4_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail4_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            var acc5_0 = Vector128.LoadUnsafe(ref b1, 0);
            var tail5_0 = VectorLanes.Load(ref Unsafe.Add(ref b1, 4), 1);
            for (nuint i = 0; i < 3; i++)
            {
                var wv0 = Vector128.LoadUnsafe(ref w1, i * 5);
                var wt0 = VectorLanes.Load(ref Unsafe.Add(ref w1, i * 5 + 4), 1);
                var x0 = Vector128.Create(Unsafe.Add(ref a1, i));
                acc0_0 = Vector128.MultiplyAddEstimate(wv0, x0, acc0_0);
                tail0_0 = Vector128.MultiplyAddEstimate(wt0, x0, tail0_0);
                var x1 = Vector128.Create(Unsafe.Add(ref a1, i + 3));
                acc1_0 = Vector128.MultiplyAddEstimate(wv0, x1, acc1_0);
                tail1_0 = Vector128.MultiplyAddEstimate(wt0, x1, tail1_0);
                var x2 = Vector128.Create(Unsafe.Add(ref a1, i + 6));
                acc2_0 = Vector128.MultiplyAddEstimate(wv0, x2, acc2_0);
                tail2_0 = Vector128.MultiplyAddEstimate(wt0, x2, tail2_0);
                var x3 = Vector128.Create(Unsafe.Add(ref a1, i + 9));
                acc3_0 = Vector128.MultiplyAddEstimate(wv0, x3, acc3_0);
                tail3_0 = Vector128.MultiplyAddEstimate(wt0, x3, tail3_0);
                var x4 = Vector128.Create(Unsafe.Add(ref a1, i + 12));
                acc4_0 = Vector128.MultiplyAddEstimate(wv0, x4, acc4_0);
                tail4_0 = Vector128.MultiplyAddEstimate(wt0, x4, tail4_0);
                var x5 = Vector128.Create(Unsafe.Add(ref a1, i + 15));
                acc5_0 = Vector128.MultiplyAddEstimate(wv0, x5, acc5_0);
                tail5_0 = Vector128.MultiplyAddEstimate(wt0, x5, tail5_0);
            }
            Vector128.StoreUnsafe(ReLU(acc0_0), ref a2, 0);
            VectorLanes.Store(ReLU(tail0_0), ref Unsafe.Add(ref a2, 4), 1);
            Vector128.StoreUnsafe(ReLU(acc1_0), ref a2, 5);
            VectorLanes.Store(ReLU(tail1_0), ref Unsafe.Add(ref a2, 9), 1);
            Vector128.StoreUnsafe(ReLU(acc2_0), ref a2, 10);
            VectorLanes.Store(ReLU(tail2_0), ref Unsafe.Add(ref a2, 14), 1);
            Vector128.StoreUnsafe(ReLU(acc3_0), ref a2, 15);
            VectorLanes.Store(ReLU(tail3_0), ref Unsafe.Add(ref a2, 19), 1);
            Vector128.StoreUnsafe(ReLU(acc4_0), ref a2, 20);
            VectorLanes.Store(ReLU(tail4_0), ref Unsafe.Add(ref a2, 24), 1);
            Vector128.StoreUnsafe(ReLU(acc5_0), ref a2, 25);
            VectorLanes.Store(ReLU(tail5_0), ref Unsafe.Add(ref a2, 29), 1);
        }
