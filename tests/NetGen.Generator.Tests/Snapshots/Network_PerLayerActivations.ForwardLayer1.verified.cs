        /// <summary>Layer 1 forward, with the widest vectors the hardware runs natively.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer1(ref float p, ref float a1, ref float z2, ref float a2)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                ForwardLayer1V256(ref p, ref a1, ref z2, ref a2);
            }
            else
            {
                ForwardLayer1V128(ref p, ref a1, ref z2, ref a2);
            }
        }
