using System;
using System.Collections.Generic;
using System.Globalization;

// Also compiled into the generator (linked): Weights = on [Network] and PyTorchWeights.Load order modules alike.
namespace NetGen.Formats;

/// <summary>
/// The order in which the modules of a PyTorch <c>state_dict</c> run, which is not the order of the file: a custom
/// <c>nn.Module</c> saves its modules in the order of <c>__init__</c>, not of <c>forward</c>. The rule:
/// <list type="bullet">
/// <item>Modules under a numbered container (<c>0</c>, <c>layers.3</c>, <c>convs.1</c>) run in index order, as
/// <c>nn.Sequential</c> and a loop over an <c>nn.ModuleList</c> run them.</item>
/// <item>Named modules (<c>rnn</c>, <c>fc1</c>, <c>dense</c>) can run in any order; they are matched to the declared
/// layers by kind and shape and accepted only when exactly one assignment fits.</item>
/// <item>An explicit order (module prefixes) always wins; the readers then check kinds and shapes as usual.</item>
/// </list>
/// A module gives one or more consecutive layers (an <c>nn.LSTM</c> with <c>num_layers = K</c> gives K).
/// </summary>
internal sealed class ModuleOrder
{
    /// <summary>Above this many steps the search stops: the order is then too open to guess.</summary>
    private const int StepLimit = 200_000;

    private readonly IReadOnlyList<string> prefixes;
    private readonly IReadOnlyList<int> units;
    private readonly Func<int, int, int, bool> fits;
    private readonly IReadOnlyList<string> layers;
    private readonly string howToOrder;
    private int steps;

    private ModuleOrder(
        IReadOnlyList<string> prefixes, IReadOnlyList<int> units, Func<int, int, int, bool> fits, IReadOnlyList<string> layers, string howToOrder)
    {
        this.prefixes = prefixes;
        this.units = units;
        this.fits = fits;
        this.layers = layers;
        this.howToOrder = howToOrder;
    }

    /// <summary>
    /// The modules in the order they run: <paramref name="explicitOrder"/> when given; else the one order that the rule
    /// allows and that fits; else, when none fits, the rule's order with named modules in file order, so that the
    /// reader reports what does not fit.
    /// </summary>
    /// <param name="prefixes">Each module's prefix in file order; "" for a module that is the whole model.</param>
    /// <param name="units">How many consecutive layers each module gives; they add up to the layer count.</param>
    /// <param name="fits">Whether layer k of module m fits declared layer l by kind and shape: (m, k, l).</param>
    /// <param name="layers">The declared layers, described for messages ("layer 2 (16 → 16)").</param>
    /// <param name="explicitOrder">The user's order of module prefixes, or null.</param>
    /// <param name="howToOrder">How the user gives an explicit order where the error is reported.</param>
    /// <exception cref="ModelFormatException">The order is ambiguous, or the explicit order does not name the modules.</exception>
    public static int[] Resolve(
        IReadOnlyList<string> prefixes,
        IReadOnlyList<int> units,
        Func<int, int, int, bool> fits,
        IReadOnlyList<string> layers,
        IReadOnlyList<string>? explicitOrder,
        string howToOrder)
    {
        var order = new ModuleOrder(prefixes, units, fits, layers, howToOrder);
        return explicitOrder is null ? order.Search() : order.Given(explicitOrder);
    }

    /// <summary>
    /// Why a module that does not fit layer <paramref name="position"/> may be out of order, or null: layer
    /// <paramref name="k"/> of module <paramref name="module"/> fits another declared layer.
    /// </summary>
    public static string? OutOfOrderHint(
        int module, int k, int position, Func<int, int, int, bool> fits, IReadOnlyList<string> layers, string howToOrder)
    {
        for (int l = 0; l < layers.Count; l++)
        {
            if (l != position && fits(module, k, l))
            {
                return $"it fits {layers[l]}, so the modules may be out of order: a state_dict lists them in the order of " +
                       $"__init__, not of forward; {howToOrder}";
            }
        }

        return null;
    }

    private int[] Given(IReadOnlyList<string> explicitOrder)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < prefixes.Count; m++)
        {
            index[prefixes[m]] = m;
        }

        var order = new List<int>();
        var seen = new HashSet<int>();
        foreach (string prefix in explicitOrder)
        {
            if (!index.TryGetValue(prefix ?? "", out int m))
            {
                throw ModelFormatException.DoesNotFit(
                    $"the given module order names {JsonValue.Quote(prefix ?? "")}, which is not a module of the file (its modules: {List(All())})");
            }

            if (!seen.Add(m))
            {
                throw ModelFormatException.DoesNotFit($"the given module order names {JsonValue.Quote(prefix!)} more than once");
            }

            order.Add(m);
        }

        if (order.Count != prefixes.Count)
        {
            var missing = new List<int>();
            for (int m = 0; m < prefixes.Count; m++)
            {
                if (!seen.Contains(m))
                {
                    missing.Add(m);
                }
            }

            throw ModelFormatException.DoesNotFit(
                $"the given module order leaves out {List(missing)}; it must list every module of the file ({List(All())})");
        }

        return order.ToArray();
    }

    private int[] Search()
    {
        Node root = Tree();
        List<int[]> found = Arrangements(root, 0, new Dictionary<(Node, int), List<int[]>>());
        if (found.Count == 1)
        {
            return found[0];
        }

        if (found.Count == 0)
        {
            var canonical = new List<int>();
            Canonical(root, canonical);
            return canonical.ToArray();
        }

        throw Ambiguous(found[0], found[1]);
    }

    private ModelFormatException Ambiguous(int[] first, int[] second)
    {
        var choices = new List<string>();
        if (first.Length > 0)
        {
            int[] a = Positions(first), b = Positions(second);
            for (int l = 0; l < a.Length; l++)
            {
                if (a[l] != b[l])
                {
                    choices.Add($"{layers[l]} could be {Label(a[l])} or {Label(b[l])}");
                }
            }
        }

        string detail = choices.Count > 0
            ? $"their kinds and shapes fit the declared layers in more than one way ({string.Join("; ", choices)})"
            : "they could run in too many orders to tell";
        return ModelFormatException.DoesNotFit(
            $"the order of the modules is ambiguous: the file's named modules ({List(All())}) carry no index that gives the order " +
            $"forward runs them in, and {detail}; {howToOrder}, or keep the layers in an nn.Sequential or nn.ModuleList");
    }

    /// <summary>The module (as "name" or "name.lK") at each layer of an order of modules.</summary>
    private int[] Positions(int[] modules)
    {
        var positions = new List<int>();
        foreach (int m in modules)
        {
            for (int k = 0; k < units[m]; k++)
            {
                positions.Add((m << 8) | k);
            }
        }

        return positions.ToArray();
    }

    private string Label(int position)
    {
        int m = position >> 8, k = position & 0xFF;
        string name = prefixes[m].Length == 0 ? "(root)" : prefixes[m];
        return JsonValue.Quote(units[m] > 1 ? $"{name}.l{k}" : name);
    }

    private List<int> All()
    {
        var all = new List<int>();
        for (int m = 0; m < prefixes.Count; m++)
        {
            all.Add(m);
        }

        return all;
    }

    private string List(List<int> modules) =>
        string.Join(", ", modules.ConvertAll(m => JsonValue.Quote(prefixes[m].Length == 0 ? "(root)" : prefixes[m])));

    /// <summary>The modules as a tree of their prefixes' segments.</summary>
    private Node Tree()
    {
        var root = new Node();
        for (int m = 0; m < prefixes.Count; m++)
        {
            Node node = root;
            if (prefixes[m].Length > 0)
            {
                foreach (string segment in prefixes[m].Split('.'))
                {
                    node = node.Child(segment);
                }
            }

            node.Module = m;
            node.Units = units[m];
        }

        root.Measure();
        return root;
    }

    /// <summary>Up to two orders of the modules under <paramref name="node"/> that fit from layer <paramref name="start"/> on.</summary>
    private List<int[]> Arrangements(Node node, int start, Dictionary<(Node, int), List<int[]>> memo)
    {
        if (memo.TryGetValue((node, start), out List<int[]>? known))
        {
            return known;
        }

        var found = new List<int[]>();
        List<Node> parts = node.Parts();
        if (parts.Count == 0)
        {
            if (Fits(node, start))
            {
                found.Add([node.Module]);
            }
        }
        else
        {
            Arrange(parts, new bool[parts.Count], start, new List<int>(), found, memo);
        }

        memo[(node, start)] = found;
        return found;
    }

    /// <summary>Places the parts left in every order the rule allows, collecting up to two complete orders that fit.</summary>
    private void Arrange(List<Node> parts, bool[] placed, int at, List<int> prefix, List<int[]> found, Dictionary<(Node, int), List<int[]>> memo)
    {
        if (found.Count >= 2)
        {
            return;
        }

        if (++steps > StepLimit)
        {
            throw Ambiguous([], []);
        }

        int next = -1;
        for (int p = 0; p < parts.Count && next < 0; p++)
        {
            next = placed[p] ? -1 : p;
        }

        if (next < 0)
        {
            found.Add(prefix.ToArray());
            return;
        }

        for (int p = 0; p < parts.Count && found.Count < 2; p++)
        {
            if (placed[p] || !MayComeNext(parts, placed, p))
            {
                continue;
            }

            placed[p] = true;
            foreach (int[] inner in Arrangements(parts[p], at, memo))
            {
                int mark = prefix.Count;
                prefix.AddRange(inner);
                Arrange(parts, placed, at + parts[p].Length, prefix, found, memo);
                prefix.RemoveRange(mark, prefix.Count - mark);
                if (found.Count >= 2)
                {
                    break;
                }
            }

            placed[p] = false;
        }
    }

    /// <summary>A numbered part comes only after every part with a smaller index; named parts come at any time.</summary>
    private static bool MayComeNext(List<Node> parts, bool[] placed, int candidate)
    {
        int index = parts[candidate].Index;
        if (index < 0)
        {
            return true;
        }

        for (int p = 0; p < parts.Count; p++)
        {
            if (!placed[p] && p != candidate && parts[p].Index >= 0 && parts[p].Index < index)
            {
                return false;
            }
        }

        return true;
    }

    private bool Fits(Node leaf, int start)
    {
        for (int k = 0; k < leaf.Units; k++)
        {
            if (start + k >= layers.Count || !fits(leaf.Module, k, start + k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Numbered parts in index order, named parts in file order, each keeping its place among the parts.</summary>
    private static void Canonical(Node node, List<int> order)
    {
        List<Node> parts = node.Parts();
        if (parts.Count == 0)
        {
            order.Add(node.Module);
            return;
        }

        var numbered = parts.FindAll(p => p.Index >= 0);
        numbered.Sort((a, b) => a.Index.CompareTo(b.Index));
        int next = 0;
        foreach (Node part in parts)
        {
            Canonical(part.Index >= 0 ? numbered[next++] : part, order);
        }
    }

    /// <summary>A segment of the prefixes: a module (leaf), a container, or both (a module with modules inside).</summary>
    private sealed class Node
    {
        private readonly List<Node> children = [];
        private readonly Dictionary<string, Node> bySegment = new(StringComparer.Ordinal);
        private List<Node>? parts;

        /// <summary>The segment's index under a numbered container, or −1 for a name.</summary>
        public int Index { get; private set; } = -1;

        public int Module { get; set; } = -1;

        public int Units { get; set; }

        /// <summary>How many layers the modules under this node give.</summary>
        public int Length { get; private set; }

        public Node Child(string segment)
        {
            if (!bySegment.TryGetValue(segment, out Node? child))
            {
                bool numbered = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index);
                child = new Node { Index = numbered ? index : -1 };
                bySegment.Add(segment, child);
                children.Add(child);
            }

            return child;
        }

        /// <summary>What is ordered under this node: its children, and its own module as a named part if it has children.</summary>
        public List<Node> Parts()
        {
            if (parts is null)
            {
                parts = new List<Node>(children);
                if (Module >= 0 && children.Count > 0)
                {
                    parts.Insert(0, new Node { Module = Module, Units = Units, Length = Units });
                }
            }

            return parts;
        }

        public int Measure()
        {
            Length = Module >= 0 ? Units : 0;
            foreach (Node child in children)
            {
                Length += child.Measure();
            }

            return Length;
        }
    }
}
