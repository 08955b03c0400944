        /// <summary>Layer 2 forward, with the widest vectors the hardware runs natively.</summary>
        [MethodImpl(AggressiveInlining | AggressiveOptimization)]
        private static void ForwardLayer2(ref float p, ref float a2, ref float a3)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                ForwardLayer2V256(ref p, ref a2, ref a3);
            }
            else
            {
                ForwardLayer2V128(ref p, ref a2, ref a3);
            }
        }
