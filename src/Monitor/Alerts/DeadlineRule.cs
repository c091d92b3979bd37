using Monitor.Analysis;
using Monitor.Formatting;

namespace Monitor.Alerts;

/// <summary>
/// Deadline gemist: after a cycle's deadline, an area that missed it and is still below the opgave it had on that day,
/// while no later cycle's binding figure counts for it (<see cref="DeadlineOutcome.StillMissedOn"/>). A gemeente → its
/// college; a provincie with a net shortfall → the PRT. Always <c>kritiek</c>: the most severe early warning, not silence.
/// "Now" is the area's latest fresh series row, so without fresh figures the alert keeps its state like any other.
/// </summary>
public static class DeadlineRule
{
    public static IEnumerable<AlertCondition> Evaluate(AlertInput input, IReadOnlyList<SeriesRow> fresh)
    {
        var now = fresh.ToDictionary(s => (s.Gebiedcode, s.Opgave.Code()));
        foreach (var o in input.Deadlines)
        {
            if (o.Niveau is not (AreaLevel.Gemeente or AreaLevel.Provincie)) continue;
            var opgave = o.Opgave.Code();
            if (!now.TryGetValue((o.Gebiedcode, opgave), out var s) || !o.StillMissedOn(input.Date, s.Gerealiseerd)) continue;
            var gemeente = o.Niveau == AreaLevel.Gemeente;
            yield return new(new AlertKey(AlertRules.DeadlineGemist, o.Gebiedcode, opgave), Severity.Kritiek,
                $"{input.Name(o.Gebiedcode)}: {opgave} {Text(o, s.Gerealiseerd)}", [gemeente ? Roles.College : Roles.Prt], []);
        }
    }

    /// <summary>"deadline 1-7-2025 verstreken: 85 van 145 plekken; nog 60 te gaan." and, for a provincie, the outcome
    /// on the day: net and gross shortfall and how many gemeenten missed it.</summary>
    public static string Text(DeadlineOutcome o, int realisedNow)
    {
        var opgave = o.OpgaveAantal!.Value;
        var text = $"deadline {o.Deadline:d-M-yyyy} verstreken: {Dutch.Number(realisedNow)} van {Dutch.Number(opgave)} plekken; " +
                   $"nog {Dutch.Number(opgave - realisedNow)} te gaan";
        if (o.Niveau == AreaLevel.Gemeente)
            return text + $" (op de deadline {Dutch.Number(o.Gerealiseerd)}).";
        var gemeenten = o.Missed.Count == 1 ? "1 gemeente haalde haar opgave niet" : $"{o.Missed.Count} gemeenten haalden hun opgave niet";
        return text + $" (netto). Op de deadline: {Dutch.Number(o.NetGap)} plekken tekort netto, {Dutch.Number(o.GrossShortfall)} bruto; {gemeenten}.";
    }
}
