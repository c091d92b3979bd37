using System.Globalization;

namespace Monitor.Analysis;

/// <summary>monitor.regimes: an opgave is monitored from GeldigVanaf until the day the task ends (GeldigTot, the
/// first day it is no longer monitored; null: open-ended), under a legal basis (grondslag).</summary>
public sealed record Regime(Opgave Opgave, DateOnly GeldigVanaf, DateOnly? GeldigTot, string Grondslag, string? Omschrijving = null);

/// <summary>Whether an opgave is monitored on a date, and if not because its task ended, since when. Without any
/// regime for an opgave it is monitored throughout (the default: data without a regimes delivery behave as before).
/// Pure, so the series, the alerts, the gaps output and the digest all say the same.</summary>
public sealed class RegimeStatus
{
    private readonly Dictionary<Opgave, Regime[]> byOpgave;

    public RegimeStatus(IEnumerable<Regime> regimes) =>
        byOpgave = regimes.GroupBy(r => r.Opgave).ToDictionary(g => g.Key, g => g.OrderBy(r => r.GeldigVanaf).ToArray());

    public static RegimeStatus None { get; } = new([]);

    /// <summary>Monitored on t: no regime for the opgave at all, or one that has started by t and not yet ended.</summary>
    public bool IsMonitored(Opgave o, DateOnly t) =>
        !byOpgave.TryGetValue(o, out var rs) || rs.Any(r => r.GeldigVanaf <= t && (r.GeldigTot is not { } end || t < end));

    /// <summary>The day the task ended when it is not monitored on t because its latest started regime ended by t;
    /// null when it is monitored, or has simply not started yet.</summary>
    public DateOnly? EndedOn(Opgave o, DateOnly t)
    {
        if (!byOpgave.TryGetValue(o, out var rs)) return null;
        var latest = rs.LastOrDefault(r => r.GeldigVanaf <= t);
        return latest?.GeldigTot is { } end && end <= t ? end : null;
    }

    /// <summary>The regime that ended (for its grondslag and omschrijving), as <see cref="EndedOn"/>.</summary>
    public Regime? Ended(Opgave o, DateOnly t) =>
        EndedOn(o, t) is null ? null : byOpgave[o].Last(r => r.GeldigVanaf <= t);

    /// <summary>"taakstelling beëindigd per 1-1-2027": what every output shows for an ended task.</summary>
    public static string EndedText(Opgave o, DateOnly end) =>
        $"{Name(o)} beëindigd per {end.ToString("d-M-yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The text for an opgave code as stored ("asiel", …); null when it is monitored on t.</summary>
    public string? EndedText(string opgave, DateOnly t) =>
        AnalysisCodes.ParseOpgave(opgave) is var o && EndedOn(o, t) is { } end ? EndedText(o, end) : null;

    private static string Name(Opgave o) => o switch
    {
        Opgave.Taakstelling => "taakstelling",
        Opgave.Oekraine => "Oekraïne-opgave",
        Opgave.Amv => "amv-opgave",
        _ => "asielopgave",
    };
}
