namespace NetGen.Generator.Model;

/// <summary>The floating-point type a network computes in.</summary>
internal enum ElementType
{
    Single,
    Double,
}
