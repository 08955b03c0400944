using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

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

            string format = model.DefinesArchitecture ? RTNeuralImporter.Format : StateDictImporter.Format;
            if (!file.IsTextFormat)
            {
                return Failed(Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format,
                    "compile-time models are read as JSON text (RTNeural models, PyTorch state_dicts); a binary file such as ONNX cannot be read " +
                    "through AdditionalFiles"));
            }

            if (file.Text is null)
            {
                return Failed(Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format,
                    $"the file could not be read as text, or is longer than {ModelText.MaxLength} characters"));
            }

            JsonValue root = JsonParser.Parse(file.Text);
            NetworkSpec bound = model.DefinesArchitecture ? FromModel(root, spec, path) : WithWeights(root, spec, path);
            int size = bound.ElementType == ElementType.Single ? sizeof(float) : sizeof(double);
            if ((long)bound.Weights!.Values.Count * size > MaxEmbeddedBytes)
            {
                throw ModelImportException.TooLarge(
                    $"it has {bound.Weights.Values.Count} parameters, above the {MaxEmbeddedBytes / size} a class embeds in {(size == 4 ? "float" : "double")}");
            }

            return new ParseResult(bound, EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (ModelImportException problem)
        {
            string format = model.DefinesArchitecture ? RTNeuralImporter.Format : StateDictImporter.Format;
            return Failed(problem.Problem switch
            {
                ModelProblem.Invalid => Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format, problem.Message),
                ModelProblem.NotSupported => Create(DiagnosticDescriptors.ModelNotSupported, model, spec, problem.Message),
                ModelProblem.DoesNotFit when model.DefinesArchitecture => Create(DiagnosticDescriptors.ModelFileInvalid, model, spec, format, problem.Message),
                ModelProblem.DoesNotFit => Create(DiagnosticDescriptors.ModelDoesNotFit, model, spec, problem.Message),
                ModelProblem.NotFinite => Create(DiagnosticDescriptors.ModelWeightNotFinite, model, spec, problem.Message),
                _ => DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, model.Location, spec.ClassName, $"{problem.Message} (model file '{path}')"),
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
            .Where(f => Normalize(f.Path) is var full && (full == wanted || full.EndsWith("/" + wanted, StringComparison.Ordinal)))
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

    private static NetworkSpec FromModel(JsonValue root, NetworkSpec shell, string path)
    {
        (SequenceLayerSpec[] layers, bool hasBias, double[] parameters) = RTNeuralImporter.Import(root, shell.ElementType);
        return shell with
        {
            SequenceLayers = new EquatableArray<SequenceLayerSpec>(layers),
            HasBias = hasBias,
            Weights = new TrainedWeights(path, "RTNeural model", new EquatableArray<double>(parameters)),
        };
    }

    private static NetworkSpec WithWeights(JsonValue root, NetworkSpec declared, string path) =>
        declared with
        {
            Weights = new TrainedWeights(path, "PyTorch state_dict", new EquatableArray<double>(StateDictImporter.Import(root, declared))),
        };

    private static ParseResult Failed(DiagnosticInfo diagnostic) => new(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

    private static DiagnosticInfo Create(
        Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ModelReference model, NetworkSpec spec, params string[] rest) =>
        DiagnosticInfo.Create(descriptor, model.Location, new[] { spec.ClassName, model.Path }.Concat(rest).ToArray());
}
