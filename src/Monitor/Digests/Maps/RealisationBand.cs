namespace Monitor.Digests.Maps;

/// <summary>A gemeente's realisation band: a status word and a colour, always together (never colour alone).</summary>
public sealed record Band(string Word, string Hex, int Rank);

/// <summary>The same bands as the Grafana dashboards: red under 75%, orange under 100%, green from 100%.</summary>
public static class RealisationBand
{
    public static readonly Band FarBehind = new("ver achter", "#c0392b", 0);
    public static readonly Band Behind = new("achter", "#e67e22", 1);
    public static readonly Band Met = new("gehaald", "#2e8b57", 2);
    public static readonly Band Unknown = new("geen opgave", "#bdbdbd", 3);

    public static IReadOnlyList<Band> All { get; } = [FarBehind, Behind, Met, Unknown];

    public static Band Of(int? opgave, int gerealiseerd) => opgave switch
    {
        null or <= 0 => Unknown,
        var o when gerealiseerd >= o => Met,
        var o when gerealiseerd * 4 < o.Value * 3 => FarBehind,
        _ => Behind,
    };

    public static string Legend(Band b) => b == FarBehind ? "ver achter (< 75%)" : b == Behind ? "achter (75–100%)" : b == Met ? "gehaald (≥ 100%)" : "geen opgave of cijfer";
}
