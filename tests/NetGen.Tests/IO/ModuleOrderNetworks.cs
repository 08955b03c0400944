namespace NetGen.Tests.IO;

// The networks of IO/Fixtures/make_module_order_fixtures.py: declared in forward order, loaded from state_dicts whose
// modules __init__ registered in another order.
[Network(10, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, ElementType = typeof(double))]
public partial class OrderOutOfOrderNet
{
}

[Network(16, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, ElementType = typeof(double))]
public partial class OrderAmbiguousNet
{
}

[Network(1, ElementType = typeof(double))]
[Lstm(8)]
[Dense(1)]
public partial class OrderNamedRnnNet
{
}

[Network(10, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, ElementType = typeof(double),
    Weights = "IO/Fixtures/out-of-order.state.json")]
public partial class OrderOutOfOrderCompiled
{
}

[Network(16, 16, 16, 1, Hidden = Activation.Tanh, Output = Activation.Identity, ElementType = typeof(double),
    Weights = "IO/Fixtures/ambiguous.state.json", ModuleOrder = new[] { "a", "c", "b" })]
public partial class OrderAmbiguousCompiled
{
}

[Network(1, ElementType = typeof(double), Weights = "IO/Fixtures/named-rnn.state.json")]
[Lstm(8)]
[Dense(1)]
public partial class OrderNamedRnnCompiled
{
}

/// <summary>2 → 2 → 2 → 1 for index-order checks with hand-written weights.</summary>
[Network(2, 2, 2, 1, ElementType = typeof(double))]
public partial class IoTinyDouble3Net
{
}

/// <summary>An LSTM of one unit and two 1 → 1 dense layers: two named nn.Linear fit either dense layer.</summary>
[Network(1, ElementType = typeof(double))]
[Lstm(1)]
[Dense(1)]
[Dense(1)]
public partial class OrderLstmTwoDenseNet
{
}
