namespace NetGen.Generator.Model;

/// <summary>
/// A member of the user's class whose name NetGen may generate too (<see cref="Parsing.GeneratedMembers"/>); whether
/// it collides depends on the kind of network, which a model file decides after parsing.
/// </summary>
/// <param name="Name">The name the member takes: its own, or the interface member it implements explicitly.</param>
/// <param name="Location">The member's declaration, where the collision is reported.</param>
internal sealed record ReservedNameUse(string Name, LocationInfo? Location);
