using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetGen.IO;
using Xunit;
using static NetGen.Tests.IO.WeightTestSupport;

namespace NetGen.Tests.IO;

/// <summary>
/// The order in which a state_dict's modules load: numbered containers by index, named modules by kind and shape when
/// exactly one assignment fits, an explicit order always; checked against PyTorch's outputs of modules whose
/// __init__ registered the layers in another order than forward runs them (make_module_order_fixtures.py).
/// </summary>
public class ModuleOrderTests
{
    private const double Bound = 1e-12;

    [Fact]
    public void NamedModules_WhoseShapesFitOneWay_LoadInForwardOrder()
    {
        var net = new OrderOutOfOrderNet();

        PyTorchWeights.Load(net, Fixture("out-of-order.state.json"));

        AssertComputesPyTorch(net, "out-of-order");
    }

    [Fact]
    public void NamedModules_ThatFitTwoWays_AreRefused_SayingWhichCouldGoWhere_AndChangeNothing()
    {
        var net = new OrderAmbiguousNet();

        WeightFileException error = AssertRejected(
            net,
            () => PyTorchWeights.Load(net, Fixture("ambiguous.state.json")),
            "the order of the modules is ambiguous",
            "(\"c\", \"a\", \"b\")",
            "layer 1 (16 → 16) could be \"c\" or \"a\"",
            "layer 2 (16 → 16) could be \"a\" or \"c\"",
            "PyTorchWeights.Load(network, path, moduleOrder:");

        Assert.Equal(Fixture("ambiguous.state.json"), error.FileName);
    }

    [Fact]
    public void AnExplicitOrder_Wins_AndTheFileOrderWouldHaveBeenWrong()
    {
        var net = new OrderAmbiguousNet();

        PyTorchWeights.Load(net, Fixture("ambiguous.state.json"), ["a", "c", "b"]);
        AssertComputesPyTorch(net, "ambiguous");

        // The silent misload this rule prevents: the file's order loads, but computes something else.
        var misloaded = new OrderAmbiguousNet();
        PyTorchWeights.Load(misloaded, Fixture("ambiguous.state.json"), ["c", "a", "b"]);
        (double[][] inputs, double[][] outputs) = Recorded("ambiguous");
        double worst = inputs.Select((x, i) => Math.Abs(Forward(misloaded, x)[0] - outputs[i][0])).Max();
        Assert.True(worst > 0.01, $"the file order should compute other outputs, worst difference {worst}");
    }

    [Fact]
    public void AnExplicitOrder_IsCheckedAgainstKindsAndShapes()
    {
        var net = new OrderOutOfOrderNet();
        AssertRejected(
            net,
            () => PyTorchWeights.Load(net, Fixture("out-of-order.state.json"), ["fc2", "fc1", "out"]),
            "layer 1 \"fc2.weight\": expected shape [16][10] ([out][in]), found [16][16]",
            "it fits layer 2 (16 → 16), so the modules may be out of order",
            "not of forward");
    }

    [Theory]
    [InlineData(new[] { "fc1", "fc2", "head" }, "the given module order names \"head\", which is not a module of the file (its modules: \"fc2\", \"out\", \"fc1\")")]
    [InlineData(new[] { "fc1", "fc2", "fc2", "out" }, "the given module order names \"fc2\" more than once")]
    [InlineData(new[] { "fc1", "out" }, "the given module order leaves out \"fc2\"; it must list every module of the file")]
    public void AnExplicitOrder_MustListEveryModuleOnce(string[] order, string message)
    {
        var net = new OrderOutOfOrderNet();
        AssertRejected(net, () => PyTorchWeights.Load(net, Fixture("out-of-order.state.json"), order), message);
    }

    [Fact]
    public void NumberedContainers_LoadInIndexOrder_NotInFileOrder()
    {
        // layers.10 after layers.9 (not after layers.1), whatever order the entries have in the file.
        const string Json = """
            {"layers.10.weight": [[3, 4]], "layers.10.bias": [5],
             "layers.9.weight": [[1, 0], [0, 1]], "layers.9.bias": [0, 0],
             "layers.1.weight": [[2, 0], [0, 2]], "layers.1.bias": [1, 1]}
            """;
        var net = new IoTinyDouble3Net();

        PyTorchWeights.Load(net, new MemoryStream(Encoding.UTF8.GetBytes(Json)));

        Assert.Equal(new double[] { 2, 0, 0, 2, 1, 1, 1, 0, 0, 1, 0, 0, 3, 4, 5 }, net.Parameters.ToArray());
    }

    [Fact]
    public void ANumberedModuleThatFitsAnotherLayer_IsRefused_SayingOrderMayBeTheCause()
    {
        const string Json = """{"0.weight": [[2, -1]], "0.bias": [0.5], "2.weight": [[1, -2], [0.5, 3]], "2.bias": [0.25, -1]}""";
        var net = new IoTinyFloatNet();
        AssertRejected(
            net,
            () => PyTorchWeightsTests.Load(net, Json),
            "layer 1 \"0.weight\": expected shape [2][2] ([out][in]), found [1][2]",
            "it fits layer 2 (2 → 1), so the modules may be out of order");
    }

    [Fact]
    public void ANamedRecurrentModule_RegisteredAfterItsHead_Loads()
    {
        var net = new OrderNamedRnnNet();

        PyTorchWeights.Load(net, Fixture("named-rnn.state.json"));

        AssertStreamsPyTorch(net);
    }

    [Fact]
    public void ASequenceModuleOrder_IsExplicitToo_AndChecked()
    {
        var net = new OrderNamedRnnNet();
        PyTorchWeights.Load(net, Fixture("named-rnn.state.json"), ["rnn", "dense"]);
        AssertStreamsPyTorch(net);

        var other = new OrderNamedRnnNet();
        double[] before = other.Parameters.ToArray();
        var error = Assert.Throws<WeightFileException>(() => PyTorchWeights.Load(other, Fixture("named-rnn.state.json"), ["dense", "rnn"]));
        Assert.Contains("layer 1 (Lstm 1 → 8): 'dense' does not fit it", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, other.Parameters.ToArray());
    }

    [Fact]
    public void NamedSequenceModules_ThatFitTwoWays_AreRefused()
    {
        const string Json = """
            {"a.weight": [[1]], "a.bias": [0], "b.weight": [[2]], "b.bias": [0],
             "rnn.weight_ih_l0": [[1], [1], [1], [1]], "rnn.weight_hh_l0": [[1], [1], [1], [1]],
             "rnn.bias_ih_l0": [0, 0, 0, 0], "rnn.bias_hh_l0": [0, 0, 0, 0]}
            """;
        var net = new OrderLstmTwoDenseNet();
        double[] before = net.Parameters.ToArray();

        var error = Assert.Throws<WeightFileException>(() => PyTorchWeights.Load(net, new MemoryStream(Encoding.UTF8.GetBytes(Json))));

        Assert.Contains("the order of the modules is ambiguous", error.Message, StringComparison.Ordinal);
        Assert.Contains("could be \"a\" or \"b\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void CompiledWeights_FollowTheSameRule()
    {
        AssertComputesPyTorch(new OrderOutOfOrderCompiled(), "out-of-order");
        AssertComputesPyTorch(new OrderAmbiguousCompiled(), "ambiguous");
        AssertStreamsPyTorch(new OrderNamedRnnCompiled());
    }

    [Fact]
    public void ModuleOrder_IsChecked()
    {
        Assert.Throws<ArgumentNullException>("moduleOrder", () => PyTorchWeights.Load(new OrderOutOfOrderNet(), Fixture("out-of-order.state.json"), null!));
        Assert.Throws<ArgumentNullException>("moduleOrder", () => PyTorchWeights.Load(new OrderNamedRnnNet(), new MemoryStream(), null!));
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "IO", "Fixtures", name);

    private static (double[][] Inputs, double[][] Outputs) Recorded(string model)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Fixture("module-order-outputs.json")));
        JsonElement entry = document.RootElement.GetProperty(model);
        static double[][] Rows(JsonElement rows) =>
            rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return (Rows(entry.GetProperty("inputs")), Rows(entry.GetProperty("outputs")));
    }

    private static double[] Forward(INetwork<double> net, double[] x)
    {
        var y = new double[net.OutputSize];
        net.Forward(x, y);
        return y;
    }

    private static void AssertComputesPyTorch(INetwork<double> net, string model)
    {
        (double[][] inputs, double[][] outputs) = Recorded(model);
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(outputs[i][0], Forward(net, inputs[i])[0], Bound);
        }
    }

    private static void AssertStreamsPyTorch(ISequenceNetwork<double> net)
    {
        (double[][] inputs, double[][] outputs) = Recorded("named-rnn");
        net.ResetState();
        var y = new double[1];
        for (int t = 0; t < inputs.Length; t++)
        {
            net.Step(inputs[t], y);
            Assert.Equal(outputs[t][0], y[0], Bound);
        }
    }
}
