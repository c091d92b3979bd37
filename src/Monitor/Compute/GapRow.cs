namespace Monitor.Compute;

/// <summary>One line of <c>monitor gaps</c>: the stored series for an area and opgave on a date, with its name.</summary>
public sealed record GapRow(
    string Gebiedcode, string Gebiednaam, string Niveau, string Opgave, DateOnly Datum, int? OpgaveAantal, int Gerealiseerd,
    int? Gap, int? Tekort, decimal? RealisatiePct, DateOnly? Deadline, int? PrognoseLaag, int? PrognoseMidden, int? PrognoseHoog,
    string? Methode)
{
    /// <summary>The legal status of the opgave figure in force (vastgesteld, in_bezwaar, gewijzigd, gecorrigeerd); null
    /// when the area has no figure of its own.</summary>
    public string? Rechtsstatus { get; init; }

    /// <summary>Where the figure in force was published (a Staatscourant number, a letter), when the feed said so.</summary>
    public string? Bron { get; init; }
}
