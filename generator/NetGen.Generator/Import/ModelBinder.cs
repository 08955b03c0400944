using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Formats;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Import;

/// <summary>
/// Completes a parsed network from the model file it names: finds the file among the additional files, reads it in
/// its format, and returns the spec with its trained weights (and, for <c>[NetworkModel]</c>, its layers), or the
/// one diagnostic at the path argument that says what is wrong. Never throws.
/// </summary>
internal static class ModelBinder
{
    /// <summary>
    /// The most bytes of parameters a class embeds (2,097,152 floats, 1,048,576 doubles): they are stored as a string
    /// literal, and all of an assembly's string literals together may not exceed 16 MB.
    /// </summary>
    public const int MaxEmbeddedBytes = 8 * 1024 * 1024;

    public static ParseResult Bind(ParseResult request, ImmutableArray<ModelText> files)
    {
        NetworkSpec spec = request.Spec!;
        ModelReference model = request.Model!;
        string path = model.Path;
        try
        {
            ModelText? file = Resolve(model, files, spec.ClassName, out DiagnosticInfo? notFound);
            if (file is null)
            {
                return Failed(notFound!);
            }

            string format = Format(model, file);
            if (IsOnnx(file.Path))
            {
                return Checked(ReadOnnx(file, model, spec, format), request);
            }

            if (file.Kind != ModelTextKind.Json)
            {
                return Failed(Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format,
                    "NetGen reads RTNeural models and PyTorch state_dicts as JSON (.json) and ONNX models (.onnx)"));
            }

            if (file.Text is null)
            {
                return Failed(Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format,
                    $"the file could not be read as text, or is longer than {ModelText.MaxLength} characters"));
            }

            if (model.Logits != Activation.Identity)
            {
                throw ModelFormatException.NotSupported($"Logits = {model.Logits} applies to dense ONNX models; the file is {format}");
            }

            JsonValue root = JsonParser.Parse(file.Text);
            NetworkSpec bound = model.DefinesArchitecture ? FromModel(root, spec, path) : WithWeights(root, spec, path, model.ModuleOrder);
            return Checked(bound, request);
        }
        catch (ModelFormatException problem)
        {
            // A shape that does not fit is the file's own inconsistency when the file is the architecture.
            string format = Format(model, file: null);
            string message = problem.Message.TrimEnd('.');   // the ONNX readers write sentences; a diagnostic has none
            return Failed(problem.Problem switch
            {
                ModelProblem.Invalid => Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format, message),
                ModelProblem.NotSupported => Create(DiagnosticDescriptors.ModelNotSupported, model, spec, message),
                ModelProblem.DoesNotFit when model.DefinesArchitecture =>
                    Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format, message),
                ModelProblem.DoesNotFit => Create(DiagnosticDescriptors.ModelDoesNotFit, model, spec, message),
                ModelProblem.NotFinite => Create(DiagnosticDescriptors.ModelWeightNotFinite, model, spec, message),
                _ => DiagnosticInfo.Create(
                    DiagnosticDescriptors.NetworkTooLarge, model.Location, spec.ClassName, $"{message} (model file '{path}')"),
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator never throws into the compiler: an unexpected failure becomes NETGEN009.
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, model.Location, spec.ClassName, exception.Message));
        }
    }

    /// <summary>The one additional file whose path ends with the attribute's path, compared segment by segment.</summary>
    private static ModelText? Resolve(ModelReference model, ImmutableArray<ModelText> files, string className, out DiagnosticInfo? problem)
    {
        string wanted = Normalize(model.Path);
        while (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        var matches = files
            .Where(f => Normalize(f.Path) == wanted || Normalize(f.Path).EndsWith("/" + wanted, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        problem = matches.Count switch
        {
            0 => DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileNotFound, model.Location, className, model.Path),
            1 => null,
            _ => DiagnosticInfo.Create(DiagnosticDescriptors.ModelFileAmbiguous, model.Location, className, model.Path,
                string.Join(", ", matches.Select(m => m.Path))),
        };
        return problem is null ? matches[0] : null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>Refuses more parameters than a class embeds, before any of them is read.</summary>
    public static void CheckEmbeddable(long parameters, ElementType type)
    {
        int size = type == ElementType.Single ? sizeof(float) : sizeof(double);
        if (parameters * size > MaxEmbeddedBytes)
        {
            throw ModelFormatException.TooLarge(
                $"it has {parameters} parameters, above the {MaxEmbeddedBytes / size} a class embeds " +
                $"in {(size == 4 ? "float" : "double")}");
        }
    }

    private static string Format(ModelReference model, ModelText? file) =>
        IsOnnx(file?.Path ?? model.Path) ? "an ONNX model"
        : model.DefinesArchitecture ? "an RTNeural model (JSON)" : "a PyTorch state_dict (JSON)";

    private static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>An ONNX model, which reaches the generator as base64 text written by NetGen's build step.</summary>
    private static NetworkSpec ReadOnnx(ModelText file, ModelReference model, NetworkSpec spec, string format)
    {
        if (!model.DefinesArchitecture)
        {
            throw ModelFormatException.Invalid(
                "Weights reads a PyTorch state_dict (JSON); for an ONNX file, use [NetworkModel], which takes the layers from it too");
        }

        if (file.Kind != ModelTextKind.Base64)
        {
            throw ModelFormatException.Invalid(
                "the file reached the compiler unencoded; ONNX files are passed to NetGen by its build step " +
                "(build/NetGen.targets, which the NetGen package imports), so reference the package or import that file");
        }

        if (file.Text is null)
        {
            throw ModelFormatException.Invalid($"the encoded file could not be read, or is longer than {ModelText.MaxLength} characters");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(file.Text);
        }
        catch (FormatException)
        {
            throw ModelFormatException.Invalid("the build step's encoding of the file is damaged; rebuild the project");
        }

        return OnnxModelImport.Read(bytes, spec, model.Path, model.ElementTypeFromModel, model.Logits);
    }

    /// <summary>Layers and parameters from an RTNeural model; its sizes are checked before its weights are read.</summary>
    private static NetworkSpec FromModel(JsonValue root, NetworkSpec shell, string path)
    {
        RTNeuralModel model = RTNeuralModel.Read(root);
        bool hasBias = model.Layers[0].HasBias;
        for (int l = 0; l < model.Layers.Length; l++)
        {
            if (model.Layers[l].HasBias != hasBias)
            {
                throw ModelFormatException.NotSupported(
                    $"{model.Describe(l)} {(model.Layers[l].HasBias ? "has" : "has no")} bias, unlike {model.Describe(0)}; " +
                    "NetGen networks have biases in every layer or in none");
            }
        }

        var layers = new SequenceLayerSpec[model.Layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            SequenceLayer layer = model.Layers[l];
            layers[l] = new SequenceLayerSpec(
                l + 1, layer.Kind, layer.Inputs, layer.Outputs, layer.KernelSize, layer.Dilation, layer.Activation);
        }

        if (SequenceLimits.Check(layers, hasBias) is { } reason)
        {
            throw ModelFormatException.TooLarge(reason);
        }

        CheckEmbeddable(layers.Sum(l => SequenceLayerPlanMath.Of(l, hasBias).Parameters), shell.ElementType);

        double[] parameters = model.ReadParameters(single: shell.ElementType == ElementType.Single);
        return shell with
        {
            SequenceLayers = new EquatableArray<SequenceLayerSpec>(layers),
            HasBias = hasBias,
            Weights = new TrainedWeights(path, "RTNeural model", new EquatableArray<double>(parameters)),
        };
    }

    /// <summary>Parameters for the declared layers from a PyTorch state_dict.</summary>
    private static NetworkSpec WithWeights(JsonValue root, NetworkSpec declared, string path, EquatableArray<string>? order)
    {
        const string HowToOrder =
            "give the order in which forward runs the modules with ModuleOrder = new[] { \"fc1\", \"fc2\", … } on [Network]";
        IReadOnlyList<string>? moduleOrder = order?.ToArray();
        bool single = declared.ElementType == ElementType.Single;
        double[] parameters;
        if (declared.IsSequence)
        {
            var layers = new List<SequenceLayer>();
            foreach (SequenceLayerSpec l in declared.SequenceLayers)
            {
                layers.Add(new SequenceLayer(l.Kind, l.Inputs, l.Outputs, l.KernelSize, l.Dilation, l.Activation, declared.HasBias));
            }

            CheckEmbeddable(
                declared.SequenceLayers.Sum(l => SequenceLayerPlanMath.Of(l, declared.HasBias).Parameters), declared.ElementType);
            parameters = StateDict.ReadSequence(root, layers, single, moduleOrder, HowToOrder);
        }
        else
        {
            var sizes = new List<int> { declared.Layers[0].Inputs };
            foreach (LayerSpec layer in declared.Layers)
            {
                sizes.Add(layer.Outputs);
            }

            CheckEmbeddable(
                declared.Layers.Sum(l => ((long)l.Inputs * l.Outputs) + (declared.HasBias ? l.Outputs : 0)), declared.ElementType);
            parameters = StateDict.ReadDense(root, sizes, declared.HasBias, single, moduleOrder, HowToOrder);
        }

        return declared with { Weights = new TrainedWeights(path, "PyTorch state_dict", new EquatableArray<double>(parameters)) };
    }

    /// <summary>The bound spec, or NETGEN033 for each of the user's members that collides with a member it generates.</summary>
    private static ParseResult Checked(NetworkSpec bound, ParseResult request)
    {
        DiagnosticInfo[] collisions = MemberCollisions.Check(request.ReservedNames, bound, trained: bound.Weights is not null).ToArray();
        return collisions.Length == 0
            ? new ParseResult(bound, EquatableArray<DiagnosticInfo>.Empty)
            : new ParseResult(null, new EquatableArray<DiagnosticInfo>(collisions));
    }

    private static ParseResult Failed(DiagnosticInfo diagnostic) => new(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

    private static DiagnosticInfo Create(
        Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ModelReference model, NetworkSpec spec, params string[] rest) =>
        DiagnosticInfo.Create(descriptor, model.Location, new[] { spec.ClassName, model.Path }.Concat(rest).ToArray());
}
