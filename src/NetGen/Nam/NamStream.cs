using System;
using System.Runtime.CompilerServices;

namespace NetGen.Nam;

/// <summary>
/// One independent stream (voice) of a <see cref="NamModel"/>: its own state over the model's shared weights. A stream
/// is not thread-safe; different streams of one model may run on different threads at once.
/// </summary>
public sealed class NamStream
{
    private readonly NamModel _model;
    private readonly NamState[] _states;
    private double _size = 1;
    private int _active;

    internal NamStream(NamModel model)
    {
        _model = model;
        _states = Array.ConvertAll(model.Engines, e => e.CreateState());
        _active = Pick(1);
    }

    /// <summary>The size value that picks a container's submodel (see <see cref="NamModel.Size"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a number from 0 to 1.</exception>
    public double Size
    {
        get => _size;
        set
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The size value must be a number from 0 to 1.");
            }

            _size = value;
            int picked = Pick(value);
            if (picked != _active)
            {
                // As NAM core does: the submodel switched to starts from its reset state.
                _model.Engines[picked].Reset(_states[picked]);
                _active = picked;
            }
        }
    }

    /// <summary>
    /// Processes a block of any length, carrying the state across calls. Reads each input sample before writing the
    /// output sample at the same index, so <paramref name="output"/> may be <paramref name="input"/>'s memory.
    /// Allocates nothing, takes no lock and does no I/O.
    /// </summary>
    /// <param name="input">The input samples.</param>
    /// <param name="output">As many output samples.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not as long as <paramref name="input"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length != input.Length)
        {
            throw new ArgumentException(
                $"The output must hold as many samples as the input ({input.Length}), but holds {output.Length}.", nameof(output));
        }

        _model.Engines[_active].Process(_states[_active], input, output);
    }

    /// <summary>Puts every submodel's state where NAM core's reset leaves it.</summary>
    public void ResetState()
    {
        for (int s = 0; s < _states.Length; s++)
        {
            _model.Engines[s].Reset(_states[s]);
        }
    }

    /// <summary>The first submodel whose max_value is above <paramref name="value"/>, else the last.</summary>
    private int Pick(double value)
    {
        double[] thresholds = _model.Thresholds;
        for (int s = 0; s < thresholds.Length; s++)
        {
            if (value < thresholds[s])
            {
                return s;
            }
        }

        return thresholds.Length - 1;
    }
}
