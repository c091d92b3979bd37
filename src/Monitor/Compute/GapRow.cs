namespace Monitor.Compute;

/// <summary>One line of <c>monitor gaps</c>: the stored series for an area and opgave on a date, with its name.</summary>
public sealed partial record GapRow(
    string Gebiedcode, string Gebiednaam, string Niveau, string Opgave, DateOnly Datum, int? OpgaveAantal, int Gerealiseerd,
    int? Gap, int? Tekort, decimal? RealisatiePct, DateOnly? Deadline, int? PrognoseLaag, int? PrognoseMidden, int? PrognoseHoog,
    string? Methode)
{
    /// <summary>The stored row with the area's name (realisatie_pct as stored: two decimals).</summary>
    public static GapRow From(Analysis.SeriesRow r, string naam) =>
        new(r.Gebiedcode, naam, SeriesReader.LevelCode(r.Niveau), Analysis.AnalysisCodes.Code(r.Opgave), r.Datum, r.OpgaveAantal, r.Gerealiseerd,
            r.Gap, r.Tekort, r.RealisatiePct is { } p ? Math.Round((decimal)p, 2) : null, r.Deadline, r.PrognoseLaag, r.PrognoseMidden, r.PrognoseHoog,
            r.Methode);

    /// <summary>The latest passed deadline of this area and opgave while it is shown (until the next deadline), from
    /// monitor.deadline_outcomes; null when none has passed or the next one has too.</summary>
    public Monitor.Analysis.DeadlineOutcome? VorigeDeadline { get; init; }

    /// <summary>Places added since the passed deadline (realised now − realised then).</summary>
    public int? SindsDeadline => VorigeDeadline is { } o ? Gerealiseerd - o.Gerealiseerd : null;

    /// <summary>In the state "deadline gemist" on this date (see <see cref="Monitor.Analysis.DeadlineOutcome.StillMissedOn"/>).</summary>
    public bool DeadlineGemist => VorigeDeadline?.StillMissedOn(Datum, Gerealiseerd) ?? false;

    /// <summary>The legal status of the opgave figure in force (vastgesteld, in_bezwaar, gewijzigd, gecorrigeerd); null
    /// when the area has no figure of its own.</summary>
    public string? Rechtsstatus { get; init; }

    /// <summary>Where the figure in force was published (a Staatscourant number, a letter), when the feed said so.</summary>
    public string? Bron { get; init; }
}
