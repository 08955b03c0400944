extern alias NetGenRuntime;

using Xunit;

namespace NetGen.Generator.Tests;

/// <summary>The generator finds the attribute by a name string; renaming or moving the attribute must break a test.</summary>
public sealed class AttributeNameTests
{
    [Fact]
    public void GeneratorAttributeName_IsTheRuntimeAttributesFullName()
    {
        Assert.Equal(NetworkGenerator.AttributeFullName, typeof(NetGenRuntime::NetGen.NetworkAttribute).FullName);
    }
}
