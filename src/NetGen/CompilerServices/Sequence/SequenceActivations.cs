using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// Activations over whole rows for the sequence layers: float sigmoid and tanh through the vectorized
/// <see cref="ActivationFunctions.Sigmoid(Span{float})"/> and <see cref="ActivationFunctions.Tanh(Span{float})"/>,
/// everything else element by element. f′ is taken from a = f(z), as in dense networks.
/// </summary>
internal static class SequenceActivations
{
    /// <summary>v ← σ(v) over n elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sigmoid<T>(ref T v, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            ActivationFunctions.Sigmoid(MemoryMarshal.CreateSpan(ref Unsafe.As<T, float>(ref v), n));
            return;
        }

        for (int j = 0; j < n; j++)
        {
            Unsafe.Add(ref v, j) = ActivationFunctions.Sigmoid(Unsafe.Add(ref v, j));
        }
    }

    /// <summary>v ← tanh(v) over n elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tanh<T>(ref T v, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            ActivationFunctions.Tanh(MemoryMarshal.CreateSpan(ref Unsafe.As<T, float>(ref v), n));
            return;
        }

        for (int j = 0; j < n; j++)
        {
            Unsafe.Add(ref v, j) = T.Tanh(Unsafe.Add(ref v, j));
        }
    }

    /// <summary>v ← f(v) over n elements; <paramref name="slope"/> is α of LeakyReLU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply<T>(Activation f, ref T v, int n, T slope)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case Activation.Identity:
                return;
            case Activation.Sigmoid:
                Sigmoid(ref v, n);
                return;
            case Activation.Tanh:
                Tanh(ref v, n);
                return;
        }

        for (int j = 0; j < n; j++)
        {
            ref T z = ref Unsafe.Add(ref v, j);
            z = f switch
            {
                Activation.ReLU => ActivationFunctions.ReLU(z),
                Activation.LeakyReLU => ActivationFunctions.LeakyReLU(z, slope),
                Activation.Softplus => ActivationFunctions.Softplus(z),
                Activation.ELU => ActivationFunctions.ELU(z),
                _ => throw new ArgumentOutOfRangeException(nameof(f), f, "Not an activation of sequence layers."),
            };
        }
    }

    /// <summary>d ← d ⊙ f′ over n elements, f′ from the activations a = f(z).</summary>
    public static void MultiplyByDerivative<T>(Activation f, ref T a, ref T d, int n, T slope)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (f == Activation.Identity)
        {
            return;
        }

        for (int j = 0; j < n; j++)
        {
            T y = Unsafe.Add(ref a, j);
            Unsafe.Add(ref d, j) *= f switch
            {
                Activation.Sigmoid => ActivationFunctions.SigmoidDerivative(y),
                Activation.Tanh => ActivationFunctions.TanhDerivative(y),
                Activation.ReLU => ActivationFunctions.ReLUDerivative(y),
                Activation.LeakyReLU => ActivationFunctions.LeakyReLUDerivative(y, slope),
                Activation.Softplus => ActivationFunctions.SoftplusDerivative(y),
                Activation.ELU => ActivationFunctions.ELUDerivative(y),
                _ => throw new ArgumentOutOfRangeException(nameof(f), f, "Not an activation of sequence layers."),
            };
        }
    }
}
