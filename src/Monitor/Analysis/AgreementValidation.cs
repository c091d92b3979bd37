namespace Monitor.Analysis;

/// <summary>An agreement row whose afspraakcode passed validation, with its span parsed.</summary>
internal sealed record ValidAgreement(
    string Afspraakcode, AgreementKind Soort, Opgave Opgave, string Van, string Naar, int Aantal,
    Periode From, Periode To, DateOnly Besluitdatum);

/// <summary>Rule 1, agreements: every row is zero-sum by construction (Van loses what Naar gains), so what can
/// break the "total stays the same" promise is a row outside its scope or a row that cannot be read. One bad row
/// rejects its whole afspraakcode: an uitruil is a package, applying half of it would favour one side.</summary>
internal static class AgreementValidation
{
    public static (IReadOnlyList<ValidAgreement> Valid, IReadOnlyList<AgreementProblem> Problems) Validate(
        IReadOnlyList<Agreement> agreements, Geography geo, AnalysisCalendar calendar)
    {
        var valid = new List<ValidAgreement>();
        var problems = new List<AgreementProblem>();
        foreach (var code in agreements.GroupBy(a => a.Afspraakcode, StringComparer.Ordinal))
        {
            var codeProblems = new List<AgreementProblem>();
            var rows = new List<ValidAgreement>();
            foreach (var a in code)
            {
                var row = Check(a, geo, calendar, codeProblems);
                if (row is not null) rows.Add(row);
            }
            if (codeProblems.Count == 0) valid.AddRange(rows);
            else problems.AddRange(codeProblems);
        }
        return (valid, problems);
    }

    private static ValidAgreement? Check(Agreement a, Geography geo, AnalysisCalendar calendar, List<AgreementProblem> problems)
    {
        var before = problems.Count;
        void Problem(AgreementProblemKind kind, string message, string? gemeente = null) =>
            problems.Add(new(a.Afspraakcode, kind,
                $"Afspraak {a.Afspraakcode} ({a.Opgave.Code()} {a.Van}→{a.Naar}): {message} De afspraak is niet toegepast.",
                Rejected: true, gemeente, a.Opgave));

        if (a.Van == a.Naar) Problem(AgreementProblemKind.ZelfdeGemeente, "van en naar zijn dezelfde gemeente.", a.Van);
        foreach (var g in new[] { a.Van, a.Naar }.Distinct().Where(g => !geo.ByCode.ContainsKey(g)))
            Problem(AgreementProblemKind.OnbekendeGemeente, $"gemeente {g} is onbekend.", g);
        if (a.Aantal < 0) Problem(AgreementProblemKind.NegatiefAantal, $"aantal {a.Aantal} is negatief.");

        var rule = calendar.Rule(a.Opgave);
        var okFrom = Periode.TryParse(a.PeriodeVan, out var from);
        var okTo = Periode.TryParse(a.PeriodeTot, out var to);
        if (!okFrom || !okTo)
            Problem(AgreementProblemKind.OngeldigePeriode, $"periode '{a.PeriodeVan}'–'{a.PeriodeTot}' is onleesbaar.");
        else if (from.Kind != to.Kind)
            Problem(AgreementProblemKind.OngeldigePeriode, "periode_van en periode_tot hebben een verschillende vorm.");
        else if (to.Start < from.Start)
            Problem(AgreementProblemKind.OngeldigePeriode, "periode_tot ligt vóór periode_van.");
        else if (rule.PeriodKind == PeriodeKind.HalfYear && from.Kind == PeriodeKind.Cycle)
            // A taakstelling (or oekraine) cycle would leave "per half year or in total?" open: ask for half years.
            Problem(AgreementProblemKind.OngeldigePeriode, $"{a.Opgave.Code()} gaat per halfjaar; gebruik 2025-H1-vorm.");

        if (rule.AgreementsWithinProvincie && geo.ByCode.TryGetValue(a.Van, out var van) && geo.ByCode.TryGetValue(a.Naar, out var naar)
            && van.Provinciecode != naar.Provinciecode)
            Problem(AgreementProblemKind.BuitenProvincie,
                $"{a.Opgave.Code()} mag alleen binnen de provincie worden verdeeld ({van.Provinciecode} ≠ {naar.Provinciecode}); "
                + "de provinciale opgaven zouden veranderen.");

        return problems.Count > before ? null
            : new ValidAgreement(a.Afspraakcode, a.Soort, a.Opgave, a.Van, a.Naar, a.Aantal, from, to, a.Besluitdatum);
    }
}
