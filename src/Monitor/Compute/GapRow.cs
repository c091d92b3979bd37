namespace Monitor.Compute;

/// <summary>One line of <c>monitor gaps</c>: the stored series for an area and opgave on a date, with its name.</summary>
public sealed partial record GapRow(
    string Gebiedcode, string Gebiednaam, string Niveau, string Opgave, DateOnly Datum, int? OpgaveAantal, int Gerealiseerd,
    int? Gap, int? Tekort, decimal? RealisatiePct, DateOnly? Deadline, int? PrognoseLaag, int? PrognoseMidden, int? PrognoseHoog,
    string? Methode);
