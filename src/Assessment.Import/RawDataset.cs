using Assessment.Domain.Model;
namespace Assessment.Import;

/// <summary>
/// A dataset as read from a report, every value still the report's own text. It is written out in the
/// dataset format; the dataset reader then types every value, so nothing is interpreted twice.
/// </summary>
public sealed class RawDataset
{
    public string District { get; set; } = "";
    public string Period { get; set; } = "";
    public string Source { get; set; } = "";
    public List<RawGoal> Goals { get; } = [];

    public IEnumerable<RawGoal> AllGoals() => Goals.SelectMany(g => g.SelfAndDescendants());
}


public sealed class RawGoal(GoalLevel level, string id, string title, int line)
{
    public GoalLevel Level { get; } = level;
    public string Id { get; set; } = id;
    public string Title { get; set; } = title;
    public int Line { get; set; } = line;
    public string? Recorded { get; set; }
    public Assessment.Domain.Model.RatingOverride? Override { get; set; }
    public List<string> Analysis { get; } = [];
    public List<string> Description { get; } = [];
    public List<string> ExpectedResults { get; } = [];
    public List<RawRow> Indicators { get; } = [];
    public List<RawRow> Activities { get; } = [];
    public List<RawGoal> Children { get; } = [];

    public IEnumerable<RawGoal> SelfAndDescendants() => new[] { this }.Concat(Children.SelectMany(c => c.SelfAndDescendants()));
}

/// <summary>A table row: dataset keys (namn, utfall, arsmal, start, …) to the cell text, and its source line.</summary>
public sealed class RawRow(int line)
{
    public int Line { get; } = line;
    public Dictionary<string, string> Cells { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];

    /// <summary>
    /// Cells whose placement the text could not settle: dataset key (namn, utfall, arsmal, …) to the reason,
    /// in Swedish ("två värden utan säker kolumngräns"). The cell's value is still in <see cref="Cells"/>
    /// (or absent where the reader could not tell whether the cell was empty).
    /// </summary>
    public Dictionary<string, string> Uncertain { get; } = new(StringComparer.Ordinal);

    public string Name
    {
        get => Cells.GetValueOrDefault("namn", "");
        set => Cells["namn"] = value;
    }
}

/// <summary>Something the importer could not place, or placed by judgement: always with its line.</summary>
public sealed record ImportNote(int Line, string Message)
{
    public override string ToString() => $"rad {Line}: {Message}";
}

public sealed record ImportResult(RawDataset Dataset, IReadOnlyList<ImportNote> Notes);
