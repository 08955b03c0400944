using System.Collections.Generic;
using NetGen.Onnx.Protobuf;

namespace NetGen.Onnx.Messages;

/// <summary>
/// onnx.FunctionProto: a model-local function (ModelProto.functions), called by nodes whose domain, op_type and
/// overload name it. NetGen reads functions to inline them and never writes one.
/// </summary>
internal sealed class FunctionProto
{
    private const int NameField = 1;
    private const int InputField = 4;
    private const int OutputField = 5;
    private const int AttributeField = 6;
    private const int NodeField = 7;
    private const int OpsetImportField = 9;
    private const int DomainField = 10;
    private const int AttributeProtoField = 11;
    private const int OverloadField = 13;

    public string Name { get; set; } = "";

    public string Domain { get; set; } = "";

    public string Overload { get; set; } = "";

    /// <summary>The formal inputs, bound in order to the calling node's inputs.</summary>
    public List<string> Inputs { get; } = new();

    /// <summary>The formal outputs, bound in order to the calling node's outputs.</summary>
    public List<string> Outputs { get; } = new();

    /// <summary>Attribute names without a default value.</summary>
    public List<string> AttributeNames { get; } = new();

    /// <summary>Attributes with their default values.</summary>
    public List<AttributeProto> AttributeDefaults { get; } = new();

    public List<NodeProto> Nodes { get; } = new();

    public List<OperatorSetIdProto> OpsetImports { get; } = new();

    public static FunctionProto Parse(ProtoReader reader)
    {
        var function = new FunctionProto();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case NameField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.name");
                    function.Name = reader.ReadString();
                    break;
                case InputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.input");
                    function.Inputs.Add(reader.ReadString());
                    break;
                case OutputField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.output");
                    function.Outputs.Add(reader.ReadString());
                    break;
                case AttributeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.attribute");
                    function.AttributeNames.Add(reader.ReadString());
                    break;
                case NodeField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.node");
                    function.Nodes.Add(NodeProto.Parse(reader.ReadMessage()));
                    break;
                case OpsetImportField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.opset_import");
                    function.OpsetImports.Add(OperatorSetIdProto.Parse(reader.ReadMessage()));
                    break;
                case DomainField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.domain");
                    function.Domain = reader.ReadString();
                    break;
                case AttributeProtoField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.attribute_proto");
                    function.AttributeDefaults.Add(AttributeProto.Parse(reader.ReadMessage()));
                    break;
                case OverloadField:
                    reader.Expect(wireType, WireType.LengthDelimited, "FunctionProto.overload");
                    function.Overload = reader.ReadString();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return function;
    }
}
