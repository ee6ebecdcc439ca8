using Assessment.Domain.Model;
using Assessment.Rules.Model;

namespace Assessment.Rules.Facts;

/// <summary>
/// What an indicator's rating rests on: the figure compared, the target it was compared with, the
/// direction, and the attainment computed from them. Auditors see exactly these. The source codes are
/// the words used in rule sets and output: "prognos" or "utfall", "arsmal" or "kf_arsmal" ("" for none).
/// </summary>
public sealed record IndicatorEvidence(
    Quantity? Value,
    string ValueSourceCode,
    Target? Target,
    string TargetSourceCode,
    Direction Direction,
    string DirectionSource,
    Quantity? Baseline,
    bool Comparable,
    bool Met,
    double Attainment)
{
    /// <summary>What the value is compared with: the level, the ceiling, the band's half width, or last year's outcome for a trend.</summary>
    public Quantity? ComparisonPoint => ComparisonPointOf(Target, Baseline);

    internal static Quantity? ComparisonPointOf(Target? target, Quantity? baseline) => target switch
    {
        Target.Level level => level.Value,
        Target.UpperBound upper => upper.Limit,
        Target.Band band => band.HalfWidth,
        Target.Trend => baseline,
        _ => null,
    };
}

/// <summary>Computes an indicator's evidence and facts. Pure: same indicator and policy, same facts.</summary>
public static class IndicatorFacts
{
    public static readonly FactSchema Schema = new("indikator",
    [
        new("period", FactType.Text, "Perioden som bedöms: \"T1\", \"T2\", \"VB\" eller \"VP\" (verksamhetsplan, utan utfall)."),
        new("kf_indikator", FactType.Boolean, "Sant för kommunfullmäktiges indikatorer (under ett verksamhetsområdesmål), falskt för nämndens."),
        new("periodicitet", FactType.Text, "\"tertial\" (mäts varje tertial) eller \"ar\" (mäts en gång om året)."),
        new("har_varde", FactType.Boolean, "Sant om det finns ett värde att jämföra (enligt regelverkets val av prognos/utfall för perioden)."),
        new("varde_kalla", FactType.Text, "Vilket värde som jämförs: \"prognos\" eller \"utfall\" (tomt om inget finns)."),
        new("varde", FactType.Number, "Det jämförda värdet (0 om inget finns)."),
        new("maltyp", FactType.Text, "Målets form: \"niva\", \"riktning\" (Ökning/Minskning), \"max\", \"intervall\" (+/-), \"ej_faststallt\" (Tas fram av nämnd) eller \"saknas\"."),
        new("har_mal", FactType.Boolean, "Sant om målet går att jämföra med (inte ej fastställt och inte tomt)."),
        new("mal", FactType.Number, "Målvärdet: nivån, taket, intervallets halva bredd, eller föregående års utfall för riktningsmål."),
        new("riktning", FactType.Text, "\"hogre\" om högre är bättre, \"lagre\" om lägre är bättre."),
        new("har_forra_aret", FactType.Boolean, "Sant om föregående års utfall finns."),
        new("forra_aret", FactType.Number, "Föregående års utfall (Utfall VB föregående år), 0 om det saknas."),
        new("jamforbar", FactType.Boolean, "Sant om värde och jämförelsepunkt (mål, eller föregående år för riktningsmål) finns och kan jämföras: aldrig en andel i % mot ett antal eller belopp."),
        new("mal_uppnatt", FactType.Boolean, "Sant om målet nås: nivån nås eller passeras i rätt riktning, taket hålls, värdet ligger inom intervallet, eller värdet har rört sig åt rätt håll jämfört med föregående år."),
        new("uppfyllelse", FactType.Number, "Måluppfyllelse som kvot, 1 = precis på målet, oavsett riktning: värde/mål om högre är bättre, mål/värde om lägre är bättre. 0 om ej jämförbar."),
    ]);

    /// <summary>Each fact's place in <see cref="Schema"/>: the facts are filled by place, for every indicator rated.</summary>
    private static readonly int Period = Schema.IndexOf("period"), IsKf = Schema.IndexOf("kf_indikator"),
        PeriodicityFact = Schema.IndexOf("periodicitet"), HasValue = Schema.IndexOf("har_varde"), ValueSourceFact = Schema.IndexOf("varde_kalla"),
        ValueFact = Schema.IndexOf("varde"), TargetKind = Schema.IndexOf("maltyp"), HasTarget = Schema.IndexOf("har_mal"),
        TargetFact = Schema.IndexOf("mal"), DirectionFact = Schema.IndexOf("riktning"), HasLastYear = Schema.IndexOf("har_forra_aret"),
        LastYear = Schema.IndexOf("forra_aret"), ComparableFact = Schema.IndexOf("jamforbar"), MetFact = Schema.IndexOf("mal_uppnatt"),
        AttainmentFact = Schema.IndexOf("uppfyllelse");

    public static (IndicatorEvidence Evidence, FactValues Facts) Evaluate(
        Indicator indicator, IndicatorKind kind, ReportingPeriod period, IndicatorPolicy policy)
    {
        var evidence = Evidence(indicator, period, policy);
        var values = new object[Schema.Facts.Count];
        values[Period] = period.Kind.Code();
        values[IsKf] = Boxed.YesNo(kind == IndicatorKind.Kf);
        values[PeriodicityFact] = indicator.Periodicity.Code();
        values[HasValue] = Boxed.YesNo(evidence.Value is not null);
        values[ValueSourceFact] = evidence.ValueSourceCode;
        values[ValueFact] = ToFact(evidence.Value);
        values[TargetKind] = evidence.Target?.Kind ?? "saknas";
        values[HasTarget] = Boxed.YesNo(evidence.Target is not (null or Target.Deferred));
        values[TargetFact] = ToFact(evidence.ComparisonPoint);
        values[DirectionFact] = evidence.Direction.Code();
        values[HasLastYear] = Boxed.YesNo(indicator.LastYearOutcome is not null);
        values[LastYear] = ToFact(indicator.LastYearOutcome);
        values[ComparableFact] = Boxed.YesNo(evidence.Comparable);
        values[MetFact] = Boxed.YesNo(evidence.Met);
        values[AttainmentFact] = evidence.Attainment;
        return (evidence, FactValues.Of(Schema, values));
    }

    public static IndicatorEvidence Evidence(Indicator indicator, ReportingPeriod period, IndicatorPolicy policy)
    {
        var (value, valueSource) = ChooseValue(indicator, policy.ValueSources[period.Kind]);
        var (target, targetSource) = ChooseTarget(indicator, policy.TargetSources);
        var (direction, directionSource) = ChooseDirection(indicator, target, policy);
        var baseline = target is Target.Trend ? indicator.LastYearOutcome : null;
        var (comparable, met, attainment) = Compare(value, target, direction, baseline);
        return new IndicatorEvidence(value, valueSource, target, targetSource, direction, directionSource,
            baseline, comparable, met, attainment);
    }

    private static (Quantity?, string) ChooseValue(Indicator indicator, IReadOnlyList<ValueSource> sources)
    {
        foreach (var source in sources)
        {
            var value = source switch
            {
                ValueSource.Forecast => indicator.Forecast,
                ValueSource.Outcome => indicator.Outcome,
                _ => indicator.Periodicity == Periodicity.Tertial ? indicator.Outcome : null,
            };
            // A tertial indicator's outcome is named as any outcome: "utfall".
            if (value is not null) return (value, (source == ValueSource.Forecast ? ValueSource.Forecast : ValueSource.Outcome).Code());
        }
        return (null, "");
    }

    /// <summary>The first source's target that can be compared with; failing that, the first source's deferred target.</summary>
    private static (Target?, string) ChooseTarget(Indicator indicator, IReadOnlyList<TargetSource> sources)
    {
        (Target? Target, string Source) first = (null, "");
        foreach (var source in sources)
        {
            if ((source == TargetSource.AnnualTarget ? indicator.AnnualTarget : indicator.CityTarget) is not { } target) continue;
            if (target is not Target.Deferred) return (target, source.Code());
            if (first.Target is null) first = (target, source.Code());
        }
        return first;
    }

    private static (Direction, string) ChooseDirection(Indicator indicator, Target? target, IndicatorPolicy policy)
    {
        if (indicator.Direction is { } configured) return (configured, "dataset");
        if ((target?.Implies ?? indicator.AnnualTarget?.Implies ?? indicator.CityTarget?.Implies) is { } implied)
            return (implied, "målets form");
        // Higher-is-better words first: "andel som upplever en förbättrad situation (ekonomiskt bistånd)"
        // measures satisfaction among clients, not the number of clients.
        var name = UpperCase.Of(indicator.Name);
        if (KeywordIn(name, policy.HigherIsBetterKeywords) is { } higher) return (Direction.HigherIsBetter, $"nyckelord \"{higher.Text}\"");
        if (KeywordIn(name, policy.LowerIsBetterKeywords) is { } lower) return (Direction.LowerIsBetter, $"nyckelord \"{lower.Text}\"");
        return (policy.DefaultDirection, "standard");
    }

    /// <summary>
    /// The first keyword in the name, case ignored: both folded to upper case once (<see cref="UpperCase"/>), then
    /// compared ordinally (the mapping <see cref="StringComparison.OrdinalIgnoreCase"/> uses, without its slow path
    /// for every å, ä and ö).
    /// </summary>
    private static DirectionKeyword? KeywordIn(string foldedName, IReadOnlyList<DirectionKeyword> keywords)
    {
        foreach (var keyword in keywords)
            if (foldedName.Contains(keyword.Folded, StringComparison.Ordinal)) return keyword;
        return null;
    }

    /// <summary>Direction-aware comparison. Attainment is 1 on target and falls as the value moves away from it.</summary>
    /// <summary>
    /// Whether two figures can be compared: not when one is a percentage and the other is in another unit.
    /// Count words differ freely in the reports ("12,8 st" against "Max 10 personer"), and a figure without
    /// a unit takes the other's.
    /// </summary>
    private static bool SameUnit(Quantity a, Quantity b) =>
        a.Unit.Length == 0 || b.Unit.Length == 0 || a.IsPercent == b.IsPercent;

    internal static (bool Comparable, bool Met, double Attainment) Compare(
        Quantity? value, Target? target, Direction direction, Quantity? baseline)
    {
        if (value is null) return (false, false, 0);
        // "90 st" against "80 %" is not a comparison: a share is never compared with a count or amount.
        if (IndicatorEvidence.ComparisonPointOf(target, baseline) is { } point && !SameUnit(value, point)) return (false, false, 0);
        var v = value.Value;
        switch (target)
        {
            case Target.Level level:
                return Towards(v, level.Value.Value, direction, strict: false);
            case Target.UpperBound upper:
                return Towards(v, upper.Limit.Value, Direction.LowerIsBetter, strict: false);
            case Target.Band band:
                var width = Math.Abs(band.HalfWidth.Value);
                var distance = Math.Abs(v);
                return (true, distance <= width, distance == 0 ? 1 : Ratio(width, distance));
            case Target.Trend when baseline is not null:
                return Towards(v, baseline.Value, direction, strict: true);
            default:
                return (false, false, 0);
        }
    }

    private static (bool, bool, double) Towards(decimal value, decimal goal, Direction direction, bool strict)
    {
        if (direction == Direction.HigherIsBetter)
        {
            var met = strict ? value > goal : value >= goal;
            return (true, met, goal > 0 ? Ratio(value, goal) : value >= goal ? 1 : 0);
        }
        var lowerMet = strict ? value < goal : value <= goal;
        return (true, lowerMet, value > 0 ? Ratio(goal, value) : value <= goal ? 1 : 0);
    }

    // In double: a decimal quotient can overflow for extreme figures, a double one cannot.
    private static double Ratio(decimal numerator, decimal denominator) => (double)numerator / (double)denominator;

    /// <summary>A figure as a number fact: none is 0, as is the default of a number fact.</summary>
    private static object ToFact(Quantity? q) => q is null ? Boxed.Count(0) : (double)q.Value;
}
