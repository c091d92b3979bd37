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

/// <summary>Cycles, deadlines and period rules in one place. The per-opgave period rules are code (they follow the
/// laws); the deadlines are data: the warehouse's <c>cycli</c> deliveries (<see cref="Deadlines"/>, read by
/// <c>Compute.CalendarReader</c>). Without any cycli delivery there are no cycle deadlines at all: asiel and amv then
/// have no deadline and no projection, and every output says so; the taakstelling still ends each half year.</summary>
public sealed record AnalysisCalendar(IReadOnlyList<OpgaveRule> Rules, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>Asiel and amv per Spreidingswet cycle, kept after their deadline until the next cycle has figures;
    /// oekraine per half year without a deadline (inspanningsverplichting); the taakstelling's deadline is each half
    /// year's end.</summary>
    public static IReadOnlyList<OpgaveRule> StandardRules { get; } =
    [
        new(Opgave.Asiel, PeriodeKind.Cycle, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: true),
        new(Opgave.Amv, PeriodeKind.Cycle, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: true),
        new(Opgave.Oekraine, PeriodeKind.HalfYear, CarryForward: true, DeadlineAtPeriodEnd: false, AgreementsWithinProvincie: false),
        new(Opgave.Taakstelling, PeriodeKind.HalfYear, CarryForward: false, DeadlineAtPeriodEnd: true, AgreementsWithinProvincie: false),
    ];

    /// <summary>The standard rules and no cycle deadlines: what a warehouse without any cycli delivery has.</summary>
    public static AnalysisCalendar WithoutDeadlines { get; } = new(StandardRules, []);

    /// <summary>The standard rules with the given deadlines (from the warehouse, or written out in a test).</summary>
    public static AnalysisCalendar WithDeadlines(IEnumerable<Deadline> deadlines) => new(StandardRules, deadlines.ToList());

    /// <summary>Whether the data hold any cycle deadline for a place opgave (without one, outputs say so).</summary>
    public bool HasCycleDeadlines => Deadlines.Count > 0;

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
