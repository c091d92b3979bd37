namespace Monitor.Analysis;

/// <summary>A date by which an opgave's periode must be realised. A periode may have more than one (a deadline
/// extended in practice is a second row); the next deadline on t is the earliest one on or after t.</summary>
public sealed record Deadline(Opgave Opgave, string Periode, DateOnly Date);

/// <summary>How an opgave's periods work.</summary>
/// <param name="PeriodKind">Cycle (asiel, amv) or half year (oekraine, taakstelling).</param>
/// <param name="CarryForward">When the periode containing t has no figures yet, keep the latest earlier periode
/// that has (cycle 1 stays in force after its deadline until cycle 2 is published; oekraine is open-ended).</param>
/// <param name="DeadlineAtPeriodEnd">Every periode's last day is a deadline (the taakstelling's half years).</param>
/// <param name="AgreementsWithinProvincie">Agreements must stay inside one provincie (Spreidingswet scope).</param>
public sealed record OpgaveRule(
    Opgave Opgave, PeriodeKind PeriodKind, bool CarryForward, bool DeadlineAtPeriodEnd, bool AgreementsWithinProvincie);

/// <summary>Cycles, deadlines and period rules as data, in one place.</summary>
public sealed record AnalysisCalendar(IReadOnlyList<OpgaveRule> Rules, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>Spreidingswet cycle 1 (2024-2025): places available by 1 July 2025, for asiel and its amv part.
    /// Oekraine has no deadline (inspanningsverplichting); the taakstelling's deadline is each half year's end.</summary>
    public static AnalysisCalendar Default { get; } = new(
        [
            new(Opgave.Asiel, PeriodeKind.Cycle, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: true),
            new(Opgave.Amv, PeriodeKind.Cycle, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: true),
            new(Opgave.Oekraine, PeriodeKind.HalfYear, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: false),
            new(Opgave.Taakstelling, PeriodeKind.HalfYear, CarryForward: false, DeadlineAtPeriodEnd: true, AgreementsWithinProvincie: false),
        ],
        [
            new(Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1)),
            new(Opgave.Amv, "2024-2025", new DateOnly(2025, 7, 1)),
        ]);

    public OpgaveRule Rule(Opgave o) =>
        Rules.FirstOrDefault(r => r.Opgave == o) ?? throw new InvalidOperationException($"No calendar rule for {o.Code()}.");

    /// <summary>Listed deadlines of an opgave, earliest first.</summary>
    public IReadOnlyList<Deadline> ListedDeadlines(Opgave o) =>
        Deadlines.Where(d => d.Opgave == o).OrderBy(d => d.Date).ToList();

    /// <summary>The earliest deadline on or after t, or null when the data hold none.</summary>
    public DateOnly? NextDeadline(Opgave o, DateOnly t)
    {
        DateOnly? next = Rule(o).DeadlineAtPeriodEnd ? Periode.HalfYearOf(t).End : null;
        foreach (var d in Deadlines)
            if (d.Opgave == o && d.Date >= t && (next is null || d.Date < next)) next = d.Date;
        return next;
    }
}
