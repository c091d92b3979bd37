namespace Monitor.Analysis;

/// <summary>Rule 5: the projected realisation at the next deadline, as a range, with the method that produced it
/// and its ingredients (null when a method was not used).</summary>
/// <param name="Methode">"pijplijn" or "pijplijn+trend" for places; "tempo" or "tempo+trend" for the taakstelling.</param>
public sealed record Projection(
    DateOnly Deadline, int Laag, int Midden, int Hoog, string Methode,
    int? Pijplijn = null, int? PijplijnPessimistisch = null, int? Tempo = null, int? Trend = null);

/// <summary>A completed taakstelling half year of an area, as known on t: due, housed and the achterstand.</summary>
public sealed record HalfYearOutcome(
    string Gebiedcode, Opgave Opgave, string? Periode, DateOnly Deadline, int? OpgaveAantal, int Gerealiseerd, int? Gap);

public static class ProjectionMethods
{
    public const string Pijplijn = "pijplijn";
    public const string PijplijnTrend = "pijplijn+trend";
    public const string Tempo = "tempo";
    public const string TempoTrend = "tempo+trend";

    /// <summary>An area's method: the members' method when they agree, else the richer one ("+trend").</summary>
    public static string Combine(string a, string b) => a == b ? a : a.Contains('+') ? a : b;
}
