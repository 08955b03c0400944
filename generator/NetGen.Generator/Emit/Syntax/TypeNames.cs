namespace NetGen.Generator.Emit.Syntax;

/// <summary>
/// The fully qualified names generated code uses where it meets user code (the user's partial class), written once:
/// there the user's usings and type names are in scope, so every name starts at <c>global::</c>.
/// </summary>
internal static class TypeNames
{
    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Activation = "global::NetGen.Activation";
    public const string Loss = "global::NetGen.Loss";
    public const string INetwork = "global::NetGen.INetwork";
    public const string ITrainableNetwork = "global::NetGen.ITrainableNetwork";
    public const string GradientOptimizer = "global::NetGen.Training.GradientOptimizer";
    public const string ParameterInitializer = "global::NetGen.CompilerServices.ParameterInitializer";

    public const string AlignedArray = "global::NetGen.CompilerServices.AlignedArray";
    public const string SpanChecks = "global::NetGen.CompilerServices.SpanChecks";

    /// <summary>Compiles a member optimized at its first call, without tiers (as the kernels are).</summary>
    public const string Immediate =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::NetGen.CompilerServices.JitOptions.Immediate)]";

    /// <summary>The namespace of the file-local types that hold each network's kernels.</summary>
    public const string GeneratedNamespace = "NetGen.Generated";
}
