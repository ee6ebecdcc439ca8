namespace Assessment.Rules.Language;

/// <summary>
/// A yes/no value along an axis (one threshold taking a series of values, everything else fixed): its value at the
/// first place and the places where it turns, increasing, each between 1 and the axis's length - 1.
/// </summary>
internal readonly record struct Flips(bool First, int[] At)
{
    public static Flips Constant(bool value) => new(value, []);

    public bool IsConstant => At.Length == 0;

    /// <summary>The value at <paramref name="place"/>: <see cref="First"/>, turned once for every flip at or before it.</summary>
    public bool this[int place]
    {
        get
        {
            var k = Array.BinarySearch(At, place);
            var turns = k >= 0 ? k + 1 : ~k;
            return First ^ (turns % 2 == 1);
        }
    }

    public Flips Not() => this with { First = !First };

    /// <summary><paramref name="a"/> and <paramref name="b"/> joined by &amp;&amp;, ||, == or != at every place.</summary>
    public static Flips Join(Flips a, Flips b, BinaryOperator op)
    {
        var first = Apply(op, a.First, b.First);
        if (a.IsConstant && b.IsConstant) return Constant(first);
        var at = new int[a.At.Length + b.At.Length];
        var (i, k, count) = (0, 0, 0);
        var (va, vb, value) = (a.First, b.First, first);
        while (i < a.At.Length || k < b.At.Length)
        {
            var place = Math.Min(i < a.At.Length ? a.At[i] : int.MaxValue, k < b.At.Length ? b.At[k] : int.MaxValue);
            if (i < a.At.Length && a.At[i] == place) { va = !va; i++; }
            if (k < b.At.Length && b.At[k] == place) { vb = !vb; k++; }
            var next = Apply(op, va, vb);
            if (next != value) at[count++] = place;
            value = next;
        }
        return new Flips(first, count == at.Length ? at : at[..count]);
    }

    /// <summary><c>condition ? whenTrue : whenFalse</c> at every place.</summary>
    public static Flips Choose(Flips condition, Flips whenTrue, Flips whenFalse) =>
        Join(Join(condition, whenTrue, BinaryOperator.And), Join(condition.Not(), whenFalse, BinaryOperator.And), BinaryOperator.Or);

    private static bool Apply(BinaryOperator op, bool a, bool b) => op switch
    {
        BinaryOperator.And => a && b,
        BinaryOperator.Or => a || b,
        BinaryOperator.Equal => a == b,
        _ => a != b,
    };
}

/// <summary>
/// Evaluates conditions along an axis: one threshold (<see cref="Axis"/>, a place in the threshold vector) takes a
/// series of values, every other threshold keeps one value. A condition that reads that threshold only in
/// comparisons with something that does not read it – <c>uppfyllelse &gt;= delvis_grans</c> – holds on runs of
/// values that a binary search over the values finds, as long as the values do not decrease: the same comparison
/// of the same numbers as <see cref="Evaluator"/> makes at each value, made at a few of them. Anything else that
/// reads the threshold (inside arithmetic, a text chosen by it …) is evaluated at every value.
/// <para>
/// The parts that do not read the threshold are evaluated once, also those that an evaluation at some value would
/// not reach (a part after &amp;&amp;): an error there (<see cref="EvaluationException"/>) may be one that no
/// evaluation meets, and the caller then evaluates at every value instead. Not safe to share between threads.
/// </para>
/// </summary>
internal sealed class AxisEvaluator
{
    private readonly double[][] _vectors;
    private readonly double[] _values;
    private readonly bool _ordered;
    private readonly Dictionary<Condition, bool[]> _reads = new(ReferenceEqualityComparer.Instance);

    /// <param name="vectors">The threshold vector at each place; they differ only at <paramref name="axis"/> (-1: nowhere).</param>
    public AxisEvaluator(double[][] vectors, int axis)
    {
        _vectors = vectors;
        Axis = axis;
        _values = axis < 0 ? new double[vectors.Length] : vectors.Select(v => v[axis]).ToArray();
        _ordered = _values.Zip(_values.Skip(1)).All(p => p.First <= p.Second);
    }

    public int Axis { get; }

    /// <summary>How many places: values the threshold takes.</summary>
    public int Count => _vectors.Length;

    /// <summary>The threshold vector at <paramref name="place"/>.</summary>
    public double[] At(int place) => _vectors[place];

    /// <summary>Whether the condition holds, at every place.</summary>
    public Flips Holds(Condition condition, object[] facts)
    {
        var reads = ReadsAxis(condition);
        return reads[condition.Root.Id] ? YesNo(condition.Root, reads, facts) : Flips.Constant(condition.Holds(facts, _vectors[0]));
    }

    /// <summary>Per node (by <see cref="Node.Id"/>), whether it reads the threshold on the axis.</summary>
    private bool[] ReadsAxis(Condition condition)
    {
        if (_reads.TryGetValue(condition, out var reads)) return reads;
        reads = new bool[condition.NodeCount];
        if (condition.ThresholdIndexes.Contains(Axis)) Mark(condition.Root);
        _reads[condition] = reads;
        return reads;

        bool Mark(Node node) => reads[node.Id] = node switch
        {
            ThresholdNode t => t.Index == Axis,
            UnaryNode u => Mark(u.Operand),
            BinaryNode b => Mark(b.Left) | Mark(b.Right),
            ConditionalNode c => Mark(c.Condition) | Mark(c.WhenTrue) | Mark(c.WhenFalse),
            _ => false,
        };
    }

    private Flips YesNo(Node node, bool[] reads, object[] facts)
    {
        if (!reads[node.Id]) return Flips.Constant(Evaluator.YesNo(node, new Evaluator.Scope(facts, _vectors[0], null)));
        switch (node)
        {
            case UnaryNode u:
                return YesNo(u.Operand, reads, facts).Not();
            case BinaryNode { Operator: BinaryOperator.And or BinaryOperator.Or } b:
                return Flips.Join(YesNo(b.Left, reads, facts), YesNo(b.Right, reads, facts), b.Operator);
            case BinaryNode b when b.Operator.IsEquality() && b.Left.Type == ExprType.YesNo:
                return Flips.Join(YesNo(b.Left, reads, facts), YesNo(b.Right, reads, facts), b.Operator);
            case BinaryNode b when _ordered && b.Left.Type == ExprType.Number && b.Left is ThresholdNode && !reads[b.Right.Id]:
                return Compared(b.Operator, Number(b.Right, facts));
            case BinaryNode b when _ordered && b.Left.Type == ExprType.Number && b.Right is ThresholdNode && !reads[b.Left.Id]:
                return Compared(Mirrored(b.Operator), Number(b.Left, facts));
            case ConditionalNode c when c.Type == ExprType.YesNo:
                return Flips.Choose(YesNo(c.Condition, reads, facts), YesNo(c.WhenTrue, reads, facts), YesNo(c.WhenFalse, reads, facts));
            default:
                return AtEveryPlace(node, facts);
        }
    }

    private double Number(Node node, object[] facts) => Evaluator.Number(node, new Evaluator.Scope(facts, _vectors[0], null));

    /// <summary>Where "value <paramref name="op"/> <paramref name="other"/>" holds, the value being the axis's at each place.</summary>
    private Flips Compared(BinaryOperator op, double other)
    {
        switch (op)
        {
            case BinaryOperator.Less or BinaryOperator.LessOrEqual: // holds on a first run of places, then not
                return Turn(First(op, other, false), true);
            case BinaryOperator.Greater or BinaryOperator.GreaterOrEqual: // does not hold on a first run of places, then does
                return Turn(First(op, other, true), false);
            default:
                // == holds from the first value >= other up to the first value > other (for NaN: nowhere).
                var (from, to) = (First(BinaryOperator.GreaterOrEqual, other, true), First(BinaryOperator.Greater, other, true));
                var equal = from == to ? Flips.Constant(false)
                    : new Flips(from == 0, new[] { from, to }.Where(p => p > 0 && p < Count).ToArray());
                return op == BinaryOperator.Equal ? equal : equal.Not();
        }
    }

    /// <summary>A value that is <paramref name="before"/> at the places before <paramref name="place"/> and the opposite from it on.</summary>
    private Flips Turn(int place, bool before) =>
        place <= 0 ? Flips.Constant(!before) : place >= Count ? Flips.Constant(before) : new Flips(before, [place]);

    /// <summary>The first place where the comparison gives <paramref name="wanted"/>, or <see cref="Count"/>; the comparison gives it at every later place too.</summary>
    private int First(BinaryOperator op, double other, bool wanted)
    {
        var (lo, hi) = (0, Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Compare(op, _values[mid], other) == wanted) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static bool Compare(BinaryOperator op, double value, double other) => op switch
    {
        BinaryOperator.Less => value < other,
        BinaryOperator.LessOrEqual => value <= other,
        BinaryOperator.Greater => value > other,
        _ => value >= other,
    };

    /// <summary>"a op b" as "b op' a".</summary>
    private static BinaryOperator Mirrored(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => BinaryOperator.Greater,
        BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOperator.Greater => BinaryOperator.Less,
        BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
        _ => op,
    };

    private Flips AtEveryPlace(Node node, object[] facts)
    {
        var first = Evaluator.YesNo(node, new Evaluator.Scope(facts, _vectors[0], null));
        var (value, at) = (first, new List<int>());
        for (var place = 1; place < Count; place++)
        {
            var next = Evaluator.YesNo(node, new Evaluator.Scope(facts, _vectors[place], null));
            if (next != value) at.Add(place);
            value = next;
        }
        return new Flips(first, [.. at]);
    }
}
