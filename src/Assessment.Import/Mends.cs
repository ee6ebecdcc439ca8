using System.Globalization;
using Assessment.Domain.Model;
using Assessment.Domain.Parsing;

namespace Assessment.Import;

/// <summary>
/// What the dataset reader refuses but a report can say by mistake or leave out, mended where the report itself says how,
/// each with a note: an indicator without a period (the likely periodicity, marked uncertain), a goal numbered as if under
/// another goal ("1.3.1" under 1.4: its place in the report is its parent, so it is "1.4.1"), a goal number given twice
/// (the later one gets the next free number under its parent), an activity's date that is no date (left empty, marked
/// uncertain) and an activity that ends before it starts (the dates read the other way round, both marked uncertain).
/// Without these, one slip in a report of a hundred pages stopped the whole import.
/// </summary>
internal static class Mends
{
    public static void Apply(RawDataset dataset, Action<int, string> note)
    {
        foreach (var row in dataset.AllGoals().SelectMany(g => g.Indicators))
            if (!row.Cells.ContainsKey("periodicitet")) GuessPeriodicity(row, dataset.Period, note);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        MendIds(dataset.Goals, parent: null, seen, note);
        foreach (var row in dataset.AllGoals().SelectMany(g => g.Activities)) MendDates(row, note);
    }

    /// <summary>
    /// An indicator whose Period cell is empty, lost or no period has no periodicity, which every indicator of a dataset
    /// needs: it gets the likely one, marked uncertain – tertial where a tertial report gives it a period outcome, else
    /// yearly (the city's yearly indicators have no outcome at a tertial).
    /// </summary>
    private static void GuessPeriodicity(RawRow row, string period, Action<int, string> note)
    {
        var tertialReport = Vocabularies.PeriodKinds.Find(period.Split(' ')[0]) is PeriodKind.T1 or PeriodKind.T2;
        var outcome = row.Cells.ContainsKey("utfall");
        var guess = Vocabularies.Periodicities[tertialReport && outcome ? Periodicity.Tertial : Periodicity.Year].Label;
        var why = !tertialReport ? "rapporten är ingen tertialrapport och säger inte mer"
            : outcome ? "den har ett utfall för perioden i en tertialrapport"
            : "den har inget utfall för perioden i en tertialrapport, som stadens årsindikatorer";
        row.Cells["periodicitet"] = guess;
        row.Uncertain["periodicitet"] = $"rad {row.Line}: raden har ingen period; \"{guess}\" antogs eftersom {why}";
        note(row.Line, $"indikatorn \"{Layout.Short(row.Cells.GetValueOrDefault("namn", ""))}\" har ingen period: periodiciteten {guess} antogs och markerades osäker – kontrollera mot rapporten");
    }

    /// <summary>Each goal's id under its parent's and once only, in the report's order; goals without a number are left.</summary>
    private static void MendIds(List<RawGoal> goals, RawGoal? parent, HashSet<string> seen, Action<int, string> note)
    {
        foreach (var goal in goals)
        {
            var id = goal.Id.Trim().TrimEnd('.');
            if (id.Length > 0)
            {
                var prefix = parent is null ? "" : parent.Id.Trim().TrimEnd('.') + ".";
                var wanted = id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length ? id : prefix + id[(id.LastIndexOf('.') + 1)..];
                if (!seen.Contains(wanted) && wanted != id)
                    note(goal.Line, $"målet \"{id}\" står under {parent!.Id.TrimEnd('.')} i rapporten: dess id lästes som \"{wanted}\"");
                else if (seen.Contains(wanted))
                {
                    var free = FreeId(prefix, seen);
                    note(goal.Line, $"målet \"{id}\" finns redan tidigare i rapporten: dess id lästes som \"{free}\", nästa lediga under {(parent is null ? "rapporten" : parent.Id.TrimEnd('.'))}");
                    wanted = free;
                }
                seen.Add(wanted);
                if (wanted != id) goal.Id = wanted;
            }
            MendIds(goal.Children, goal, seen, note);
        }
    }

    /// <summary>The first number after <paramref name="prefix"/> ("1.4.") that no goal has.</summary>
    private static string FreeId(string prefix, HashSet<string> seen)
    {
        var n = 1;
        while (seen.Contains(prefix + n.ToString(CultureInfo.InvariantCulture))) n++;
        return prefix + n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An activity's date cell that is no date ("Löpande", "2026"): left empty, marked uncertain. One whose end date is before
    /// its start: the two read the other way round, marked uncertain.
    /// </summary>
    private static void MendDates(RawRow row, Action<int, string> note)
    {
        foreach (var key in new[] { "start", "slut" })
        {
            if (row.Cells.GetValueOrDefault(key) is not { } cell || SwedishValues.DateOrNull(cell) is not null) continue;
            row.Cells.Remove(key);
            row.Uncertain[key] = $"rad {row.Line}: \"{cell}\" är inget datum (ÅÅÅÅ-MM-DD); cellen lämnades tom";
            note(row.Line, $"aktiviteten \"{Layout.Short(row.Cells.GetValueOrDefault("namn", ""))}\": \"{cell}\" är inget datum och lämnades – markerat osäkert");
        }
        if (row.Cells.GetValueOrDefault("start") is not { } start || row.Cells.GetValueOrDefault("slut") is not { } end) return;
        if (SwedishValues.DateOrNull(start) is not { } from || SwedishValues.DateOrNull(end) is not { } to || to >= from) return;
        (row.Cells["start"], row.Cells["slut"]) = (end, start);
        var why = $"rad {row.Line}: slutdatum {end} före startdatum {start} i rapporten; datumen lästes i omvänd ordning";
        (row.Uncertain["start"], row.Uncertain["slut"]) = (why, why);
        note(row.Line, $"aktiviteten \"{Layout.Short(row.Cells.GetValueOrDefault("namn", ""))}\" slutar före sin start i rapporten: datumen lästes i omvänd ordning och markerades osäkra");
    }
}
