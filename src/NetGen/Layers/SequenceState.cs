using System;

namespace NetGen;

/// <summary>
/// The streaming state of a sequence network, kept apart from its weights: LSTM h and c, GRU h, and the ring
/// buffers of past inputs of convolutions. One network can run many streams (voices, channels, sensors), each with
/// its own state, and threads can share one network as long as each uses its own state (a state also holds the step's
/// scratch rows, so one state serves one thread at a time). Create it with the network's <c>CreateState()</c>; a state
/// works with every instance of the class that created it.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class SequenceState<T>
    where T : unmanaged
{
    private readonly CompilerServices.AlignedArray<T> _values;

    /// <summary>Only networks create states.</summary>
    internal SequenceState(Type owner, int size, int scratchSize)
    {
        Owner = owner;
        Size = size;
        _values = new CompilerServices.AlignedArray<T>(size + scratchSize);
    }

    /// <summary>
    /// Frames consumed since the last <see cref="Reset"/>, modulo 2³², which positions convolution rings. Together with
    /// <see cref="Values"/> it is the whole stream: copy both to save a stream, set both to restore it.
    /// </summary>
    public uint Frame { get; set; }

    /// <summary>Number of state elements.</summary>
    public int Size { get; }

    /// <summary>The state's values, layer by layer in the order the network's layers describe (see <see cref="Frame"/>).</summary>
    public Span<T> Values => _values.Span.Slice(0, Size);

    /// <summary>The generated kernels of the network class that created this state.</summary>
    internal Type Owner { get; }

    /// <summary>The first value, for kernels; the step's scratch rows follow the <see cref="Size"/> state values.</summary>
    internal ref T First => ref _values.First;

    /// <summary>Zero state, as at the start of a sequence: every h, c and past input 0.</summary>
    public void Reset()
    {
        Values.Clear();
        Frame = 0;
    }
}
