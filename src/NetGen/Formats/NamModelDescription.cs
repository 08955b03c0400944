using System;
using System.Collections.Generic;

// Also compiled into the generator (linked).
namespace NetGen.Formats;

/// <summary>The architectures of <c>.nam</c> files that NetGen plays.</summary>
internal enum NamArchitecture
{
    WaveNet,
    Lstm,
    SlimmableContainer,
}

/// <summary>One WaveNet layer array: a rechannel, dilated layers, and a head over the sum of their outputs.</summary>
internal sealed class NamLayerArray
{
    public int InputSize { get; init; }

    public int ConditionSize { get; init; }

    public int Channels { get; init; }

    public bool Gated { get; init; }

    public int[] Kernels { get; init; } = [];

    public int[] Dilations { get; init; } = [];

    public NamActivation[] Activations { get; init; } = [];

    public int HeadSize { get; init; }

    public int HeadKernel { get; init; } = 1;

    public bool HeadBias { get; init; }

    /// <summary>The weights this array consumes, in the file's order.</summary>
    public long WeightCount
    {
        get
        {
            long c = Channels, rows = Gated ? 2 * c : c;
            long count = InputSize * c;                                  // rechannel, no bias
            for (int l = 0; l < Kernels.Length; l++)
            {
                count += (rows * c * Kernels[l]) + rows;                 // dilated convolution with bias
                count += rows * ConditionSize;                           // input mixin, no bias
                count += (c * c) + c;                                    // layer 1×1 with bias
            }

            return count + (HeadSize * c * HeadKernel) + (HeadBias ? HeadSize : 0);
        }
    }

    /// <summary>The values a stream keeps for this array: each layer's and the head's past inputs.</summary>
    public long StateSize
    {
        get
        {
            long size = (long)HeadKernel * Channels;
            for (int l = 0; l < Kernels.Length; l++)
            {
                size += (((long)(Kernels[l] - 1) * Dilations[l]) + 1) * Channels;
            }

            return size;
        }
    }

    /// <summary>How many past samples the array reads: Σ (K − 1)·d over its layers and its head.</summary>
    public long ReceptiveField
    {
        get
        {
            long span = HeadKernel - 1;
            for (int l = 0; l < Kernels.Length; l++)
            {
                span += (long)(Kernels[l] - 1) * Dilations[l];
            }

            return span;
        }
    }
}

/// <summary>A NAM LSTM: stacked PyTorch cells and a linear head.</summary>
internal sealed class NamLstm
{
    public int InputSize { get; init; }

    public int HiddenSize { get; init; }

    public int Layers { get; init; }

    /// <summary>Per layer W (4H × (I + H)), b (4H), h0 and c0 (H each); then the head W (1 × H) and its bias.</summary>
    public long WeightCount
    {
        get
        {
            long h = HiddenSize, count = 0;
            for (int l = 0; l < Layers; l++)
            {
                long inputs = l == 0 ? InputSize : h;
                count += (4 * h * (inputs + h)) + (4 * h) + (2 * h);
            }

            return count + h + 1;
        }
    }
}

/// <summary>What a <c>.nam</c> file says, checked: the architecture, its configuration and its weights.</summary>
internal sealed class NamModelDescription
{
    public string Version { get; init; } = "";

    public NamArchitecture Architecture { get; init; }

    /// <summary>The sample rate the model was trained at, or NaN when the file does not say.</summary>
    public double SampleRate { get; init; } = double.NaN;

    public NamMetadataValues Metadata { get; init; } = new();

    public NamLayerArray[] LayerArrays { get; init; } = [];

    public NamLstm? Lstm { get; init; }

    /// <summary>A container's submodels, sorted by <see cref="NamSubmodel.MaxValue"/>.</summary>
    public NamSubmodel[] Submodels { get; init; } = [];

    /// <summary>The flat weights, float32 as the format stores them; head_scale is the last for a WaveNet.</summary>
    public float[] Weights { get; init; } = [];

    /// <summary>A WaveNet's receptive field, 1 + Σ (K − 1)·d over every layer and head.</summary>
    public long ReceptiveField
    {
        get
        {
            long span = 1;
            foreach (NamLayerArray array in LayerArrays)
            {
                span += array.ReceptiveField;
            }

            return span;
        }
    }
}

/// <summary>One submodel of a <c>SlimmableContainer</c>, used for size values below <see cref="MaxValue"/>.</summary>
internal sealed class NamSubmodel
{
    public NamSubmodel(double maxValue, NamModelDescription model)
    {
        MaxValue = maxValue;
        Model = model;
    }

    public double MaxValue { get; }

    public NamModelDescription Model { get; }
}

/// <summary>The file's <c>metadata</c> as given: each field null when absent.</summary>
internal sealed class NamMetadataValues
{
    public string? Name { get; init; }

    public string? ModeledBy { get; init; }

    public string? GearType { get; init; }

    public string? GearMake { get; init; }

    public string? GearModel { get; init; }

    public string? ToneType { get; init; }

    public double? Loudness { get; init; }

    public double? InputLevelDbu { get; init; }

    public double? OutputLevelDbu { get; init; }

    public static NamMetadataValues Read(JsonValue? metadata)
    {
        if (metadata is not { Kind: JsonKind.Object })
        {
            return new NamMetadataValues();
        }

        string? Text(string key) => metadata[key] is { Kind: JsonKind.String } value ? value.Text : null;
        double? Number(string key) =>
            metadata[key] is { Kind: JsonKind.Number } value &&
            double.TryParse(value.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d)
                ? d
                : null;

        return new NamMetadataValues
        {
            Name = Text("name"),
            ModeledBy = Text("modeled_by"),
            GearType = Text("gear_type"),
            GearMake = Text("gear_make"),
            GearModel = Text("gear_model"),
            ToneType = Text("tone_type"),
            Loudness = Number("loudness"),
            InputLevelDbu = Number("input_level_dbu"),
            OutputLevelDbu = Number("output_level_dbu"),
        };
    }
}
