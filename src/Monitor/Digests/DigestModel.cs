using Monitor.Analysis;
using System.ComponentModel.DataAnnotations;
using Monitor.Formatting;

namespace Monitor.Digests;

/// <summary>The weekly digest (configuration section "Digest"). The schedule itself is Schedule:Digest (cron, Europe/Amsterdam).</summary>
public sealed class DigestOptions
{
    /// <summary>Rows in the "grootste tekorten" table.</summary>
    [Range(1, 100)] public int TopShortfalls { get; set; } = 10;
    /// <summary>Days of history in the realised-vs-opgave chart.</summary>
    [Range(7, 3650)] public int HistoryDays { get; set; } = 365;
    /// <summary>The target line in the realisation-% chart (100 = the opgave; a regio may agree a streefpercentage).</summary>
    [Range(1, 1000)] public double TargetPct { get; set; } = 100;
    /// <summary>Where readers find the Grafana dashboards (e.g. https://monitor.provincie.nl/grafana); links in digests and mails. Empty: no links.</summary>
    public string? DashboardUrl { get; set; }
    /// <summary>Whether the PRT's digest also shows the toezicht section (the register may be confidential: by default
    /// only the toezicht contacts get a digest with it).</summary>
    public bool ToezichtVoorPrt { get; set; }
}

/// <summary>One area × opgave figure as the digest shows it (and stores, for next week's comparison).</summary>
public sealed record Figure(string Gebiedcode, string Opgave, int? OpgaveAantal, int Gerealiseerd, int? Gap, int? Tekort, decimal? RealisatiePct,
    int? PrognoseLaag, int? PrognoseMidden, int? PrognoseHoog, DateOnly? Deadline, DateOnly Datum)
{
    /// <summary>A monitor.series row as read by <see cref="Compute.SeriesReader"/>.</summary>
    public static Figure From(SeriesRow r) =>
        new(r.Gebiedcode, r.Opgave.Code(), r.OpgaveAantal, r.Gerealiseerd, r.Gap, r.Tekort,
            r.RealisatiePct is { } p ? Math.Round((decimal)p, 2) : null, r.PrognoseLaag, r.PrognoseMidden, r.PrognoseHoog, r.Deadline, r.Datum);
}

public sealed record HistoryPoint(DateOnly Datum, int? OpgaveAantal, int Gerealiseerd);

public sealed record CarryOver(string Gemeentecode, string Periode, int CarryIn, int? Due, int Gehuisvest)
{
    public static CarryOver From(Compute.HalfYearFigures h) => new(h.Gemeentecode, h.Periode, h.CarryIn, h.Due, h.Gehuisvest);
}

public sealed record Agreement(string Afspraakcode, string Soort, string Opgave, string Van, string Naar, int Aantal, string PeriodeVan, string PeriodeTot,
    DateOnly Besluitdatum, string? Omschrijving);

public sealed record OpenAlert(long Id, string Regel, string Gebiedcode, string Onderwerp, string Ernst, string Samenvatting, DateOnly Sinds);

/// <summary>Everything one provincie's digest shows, read once; composing from it is pure.</summary>
public sealed record DigestModel(
    string Provincie,
    string ProvincieNaam,
    DateOnly Date,
    IReadOnlyList<Figure> Headlines,
    IReadOnlyList<Figure> Gemeenten,
    IReadOnlyDictionary<string, string> Names,
    DateOnly? PreviousDate,
    IReadOnlyList<Figure> Previous,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<CarryOver> CarryOvers,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<OpenAlert> OpenAlerts)
{
    public static readonly string[] Opgaven = ["asiel", "amv", "oekraine", "taakstelling"];
    /// <summary>The opgaven under supervision, in the order a reader needs them; Oekraïne is information only and comes apart.</summary>
    public static readonly string[] Supervised = ["asiel", "amv", "taakstelling"];

    /// <summary>Per opgave, the last listed deadline before <see cref="Date"/> and how the provincie stood on it.</summary>
    public IReadOnlyDictionary<string, PassedDeadline> Passed { get; init; } = new Dictionary<string, PassedDeadline>();

    /// <summary>Per opgave, a remark for the headline (a regime that ended, a rechtsstatus in bezwaar): filled by the rules that know.</summary>
    public IReadOnlyDictionary<string, string> Footnotes { get; init; } = new Dictionary<string, string>();

    /// <summary>The configured base URL of the Grafana dashboards, for links; null when none is configured.</summary>
    public string? DashboardUrl { get; init; }

    /// <summary>The ladder per gemeente (issue 14): its koppelingen go into every digest, the ladder itself only when
    /// <see cref="ToezichtSectie"/> (a mail for the toezichthouder).</summary>
    public DigestToezicht? Toezicht { get; init; }
    public bool ToezichtSectie { get; init; }

    /// <summary>The headline's input for one opgave of the provincie.</summary>
    public HeadlineInput? HeadlineFor(string opgave)
    {
        if (Headline(opgave) is not { } f) return null;
        var members = Gemeenten.Where(g => g.Opgave == opgave).ToList();
        return new HeadlineInput(opgave, ProvincieNaam, Date, f.OpgaveAantal, f.Gerealiseerd, f.Gap, f.Tekort,
            members.Count(g => g.Tekort is > 0), members.Count(g => g.OpgaveAantal is > 0), f.Deadline, Before(f.Gebiedcode, opgave)?.Gerealiseerd,
            Passed.GetValueOrDefault(opgave), Footnotes.GetValueOrDefault(opgave));
    }
    public string Name(string code) => Names.TryGetValue(code, out var n) ? n : code;
    public Figure? Headline(string opgave) => Headlines.FirstOrDefault(h => h.Opgave == opgave);
    public Figure? Before(string gebied, string opgave) => Previous.FirstOrDefault(p => p.Gebiedcode == gebied && p.Opgave == opgave);
    public int? DaysToDeadline(Figure f) => f.Deadline is { } d ? d.DayNumber - Date.DayNumber : null;

    public static string OpgaveLabel(string o) => o switch
    {
        "asiel" => "Asielopvang",
        "amv" => "Amv",
        "oekraine" => "Oekraïne",
        "taakstelling" => "Taakstelling",
        _ => o,
    };

    /// <summary>The projection at the deadline as a range when known, else the middle figure.</summary>
    internal static string Projection(Figure f) =>
        f.PrognoseLaag is { } l && f.PrognoseHoog is { } h ? $"{N(l)}–{N(h)}" : f.PrognoseMidden is { } m ? N(m) : "–";
    internal static string Period(Agreement a) => a.PeriodeVan == a.PeriodeTot ? a.PeriodeVan : $"{a.PeriodeVan} t/m {a.PeriodeTot}";
    internal static string N(int? n) => Dutch.Number(n);
    internal static string Pct(decimal? p) => Dutch.Percent(p);
    internal static string Delta(int? now, int? before) => now is null || before is null ? "–" : (now - before) switch
    {
        0 => "=",
        > 0 and var d => "+" + N(d),
        var d => "−" + N(-d),
    };
}
