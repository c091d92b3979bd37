namespace Monitor.Alerts;

/// <summary>One row of monitor.taakstelling_halfjaren for the half year of the evaluation date.</summary>
public sealed record HalfYearRow(string Gemeentecode, string Periode, int? Taakstelling, int CarryIn, int? Due, int Gehuisvest, int GemistOpRij);

/// <summary>A feed as the rules see it: its expected interval (configured feeds) and its latest delivery.</summary>
public sealed record FeedStatus(string Feed, TimeSpan? ExpectedEvery, DateTimeOffset? LastDelivery, string? LastOutcome, long? LastDeliveryId, string? LastProblem);

/// <summary>Everything the rules read, for one evaluation date.</summary>
public sealed record AlertInput(
    DateOnly Date,
    DateTimeOffset EvaluatedAt,
    /// <summary>Per gemeente and provincie the latest monitor.series row on or before the evaluation date.</summary>
    IReadOnlyList<Analysis.SeriesRow> Series,
    IReadOnlyList<HalfYearRow> HalfYears,
    IReadOnlyList<FeedStatus> Feeds,
    IReadOnlyDictionary<string, string> Names)
{
    /// <summary>Per gemeente the previous half year beside its koppelingen (issue 14); empty when not read.</summary>
    public IReadOnlyDictionary<string, Analysis.KoppelingStand> Koppelingen { get; init; } = new Dictionary<string, Analysis.KoppelingStand>();

    /// <summary>asiel and amv: per area the versie and periode of the figure in force on Date ("indicatief", "2026-2027"), so a
    /// mail can say that an opgave of a new cycle is still indicative. Empty when not read.</summary>
    public IReadOnlyDictionary<(string Gebiedcode, string Opgave), (string Versie, string Periode)> OpgaveVersies { get; init; } =
        new Dictionary<(string, string), (string, string)>();

    /// <summary>monitor.deadline_outcomes: per area and opgave the latest passed deadline that closes its periode.</summary>
    public IReadOnlyList<Monitor.Analysis.DeadlineOutcome> Deadlines { get; init; } = [];

    /// <summary>Per gemeente the peildatum of its latest huisvesting figure in the running half year (issue 13): COA counts
    /// monthly, so the pace is judged against the share elapsed on that day. Null when not read (then the evaluation date).</summary>
    public IReadOnlyDictionary<string, DateOnly>? HousedOn { get; init; }

    public string Name(string code) => Names.TryGetValue(code, out var n) ? $"{n} ({code})" : code;

    /// <summary>Opgaven not monitored on Date (a task that ended, feed kind regimes): no rule fires for them, and their
    /// open alerts resolve.</summary>
    public IReadOnlySet<string> EndedOpgaven { get; init; } = new HashSet<string>();
}
