namespace Monitor.Analysis;

public sealed record ScenarioRow(string Gemeentecode, Opgave Opgave, GapFigures Voor, GapFigures Na);

/// <param name="Problems">Validation problems of the proposed codes (rejected: not applied in Na) and warnings
/// such as a negative effective opgave.</param>
public sealed record ScenarioResult(DateOnly Datum, IReadOnlyList<ScenarioRow> Rows, IReadOnlyList<AgreementProblem> Problems);

/// <summary>Rule 8: what a proposed set of agreements (not stored) would do to the gaps on date t. The proposal is
/// treated as decided on t at the latest (a proposal has no besluitdatum yet); a proposed afspraakcode that already
/// exists replaces the stored rows, as a new delivery of that code would. Rows: every gemeente named in the
/// proposal, every opgave; for the taakstelling the opgave is the gecorrigeerde taakstelling (due).</summary>
public static class Scenario
{
    public static ScenarioResult Evaluate(AnalysisInputs today, IReadOnlyList<Agreement> proposed, DateOnly t)
    {
        var codes = proposed.Select(a => a.Afspraakcode).ToHashSet(StringComparer.Ordinal);
        var decided = proposed.Select(a => a.Besluitdatum > t ? a with { Besluitdatum = t } : a);
        var before = new AnalysisModel(today);
        var after = new AnalysisModel(today with
        {
            Agreements = [.. today.Agreements.Where(a => !codes.Contains(a.Afspraakcode)), .. decided],
        });
        var voor = Snapshot(before, t);
        var na = Snapshot(after, t);
        var gemeenten = proposed.SelectMany(a => new[] { a.Van, a.Naar }).Distinct()
            .Where(after.Geography.ByCode.ContainsKey).Order(StringComparer.Ordinal);
        var rows = gemeenten.SelectMany(g => AnalysisCodes.AllOpgaven.Select(o => new ScenarioRow(g, o, voor(g, o), na(g, o)))).ToList();
        var problems = after.AgreementProblems.Where(p => codes.Contains(p.Afspraakcode))
            .Concat(EffectiveOpgave.On(after, t).AgreementProblems.Where(p => p.Afspraakcode.Split(',').Any(codes.Contains)))
            .ToList();
        return new ScenarioResult(t, rows, problems);
    }

    private static Func<string, Opgave, GapFigures> Snapshot(AnalysisModel m, DateOnly t)
    {
        var stand = EffectiveOpgave.On(m, t);
        var places = PlacesRealised.On(m, t);
        var carry = CarryOver.ForAll(m, t);
        return (g, o) => o == Opgave.Taakstelling
            ? Gaps.ForGemeente(carry[g].Running?.Due, HousingRealised.On(m, g, t).Housed)
            : Gaps.ForGemeente(stand.Effectief(g, o), places.TryGetValue((g, o), out var c) ? c.Beschikbaar : 0);
    }
}
