using Monitor.Analysis;
using Monitor.Formatting;

namespace Monitor.Alerts;

/// <summary>
/// Taakstelling: behind schedule in the running half year (housed ÷ due lags the elapsed share by more than the margin),
/// or an achterstand carried in. To the college; the lifecycle adds the PRT and toezicht when it stays unresolved.
/// </summary>
public static class TaakstellingRule
{
    public static IEnumerable<AlertCondition> Evaluate(AlertInput input, IReadOnlyList<SeriesRow> fresh, AlertOptions o)
    {
        var half = Periode.HalfYearOf(input.Date);
        var (periode, start, end) = (half.ToString(), half.Start, half.End);
        // Share of the half year elapsed at the end of a date (n/6 per month, by days).
        double Elapsed(DateOnly d) => (d.DayNumber - start.DayNumber + 1) / (double)(end.DayNumber - start.DayNumber + 1);
        var series = fresh.Where(s => s.Niveau == AreaLevel.Gemeente && s.Opgave == Opgave.Taakstelling).ToDictionary(s => s.Gebiedcode);
        var halfYears = input.HalfYears.Where(h => h.Periode == periode).ToDictionary(h => h.Gemeentecode);

        foreach (var code in series.Keys.Union(halfYears.Keys).Order(StringComparer.Ordinal))
        {
            series.TryGetValue(code, out var s);
            halfYears.TryGetValue(code, out var h);
            var due = s?.OpgaveAantal ?? h?.Due;
            var housed = s?.Gerealiseerd ?? h?.Gehuisvest ?? 0;
            var carryIn = h?.CarryIn ?? 0;
            var reasons = new List<string>();
            // Issue 13: only a material backlog reaches a college (see TaakstellingMateriality).
            var material = TaakstellingMateriality.Threshold(h?.Taakstelling ?? due, o);
            // The housed figure is as of its peildatum (COA counts monthly): judged against the share elapsed on that day, not
            // today's, or every gemeente would look a month behind. No figure yet in this half year: nothing to judge.
            DateOnly? housedOn = input.HousedOn is null ? input.Date
                : input.HousedOn.TryGetValue(code, out var p) ? (p < input.Date ? p : input.Date) : null;
            if (due is > 0 && housedOn is { } on)
            {
                var elapsed = Elapsed(on);
                var pace = housed / (double)due.Value;
                var shortAtEnd = TaakstellingMateriality.ShortfallAtEnd(due.Value, housed, elapsed);
                var when = on == input.Date ? $"({Pct(pace)}) terwijl {Pct(elapsed)} van {periode} voorbij is"
                    : $"op {Dutch.Date(on)} ({Pct(pace)}), toen {Pct(elapsed)} van {periode} voorbij was";
                if (pace < elapsed - o.PaceMargin && shortAtEnd >= material)
                    reasons.Add($"{Dutch.Number(housed)} van {Dutch.Number(due)} gehuisvest {when}; " +
                                $"in dit tempo komen er aan het eind van het halfjaar {Dutch.Number(shortAtEnd)} te weinig");
            }
            if (carryIn >= material)
                reasons.Add($"achterstand van {Dutch.Number(carryIn)} meegenomen uit het vorige halfjaar{KoppelingenPart(input, code, carryIn)}");
            if (reasons.Count == 0) continue;
            var missed = h?.GemistOpRij ?? 0;
            var severity = missed >= 2 ? Severity.Kritiek : Severity.Waarschuwing;
            var tail = missed > 0 ? $"; {missed} halfja(a)r(en) op rij gemist" : "";
            yield return new(new AlertKey(AlertRules.TaakstellingAchter, code, "taakstelling"), severity,
                $"{input.Name(code)}: taakstelling {periode} loopt achter: {string.Join("; ", reasons)}{tail}.",
                [Roles.College], [Roles.Prt, Roles.Toezicht]);
        }
    }

    /// <summary>", waarvan 12 doordat er te weinig gekoppeld is" when the previous half year's koppelingen explain part of
    /// the achterstand carried in (issue 14); empty when they explain nothing or are unknown.</summary>
    private static string KoppelingenPart(AlertInput input, string code, int carryIn) =>
        input.Koppelingen.TryGetValue(code, out var k) && k.Achterstand == carryIn && k.Verklaard is > 0 and var v
            ? v == carryIn ? ", geheel doordat er te weinig gekoppeld is" : $", waarvan {Dutch.Number(v)} doordat er te weinig gekoppeld is"
            : "";

    private static string Pct(double f) => (f * 100).ToString("0", Dutch.Culture) + "%";
}
