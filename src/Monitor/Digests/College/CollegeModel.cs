using Monitor.Analysis;
using Monitor.Formatting;
namespace Monitor.Digests.College;

/// <summary>A location of the gemeente in the latest snapshot of its feed on or before the date.</summary>
public sealed record Location(string Feed, string Opgave, string Locatiecode, string? Locatienaam, string Status, int Capaciteit,
    DateOnly? BeschikbaarVanaf, DateOnly? BeschikbaarTot, DateOnly Peildatum);

/// <summary>Everything one gemeente's college digest shows, read once; composing from it is pure.</summary>
public sealed record CollegeModel(
    string Gemeente, string GemeenteNaam, string Provincie, string ProvincieNaam, DateOnly Date,
    IReadOnlyList<Figure> Figures, IReadOnlyList<Location> Locations, IReadOnlyList<Agreement> Agreements, CarryOver? HalfYear,
    IReadOnlyList<OpenAlert> OpenAlerts, IReadOnlyDictionary<string, PassedDeadline> Passed, IReadOnlyDictionary<string, string> Names,
    string? DashboardUrl)
{
    public string Name(string code) => Names.TryGetValue(code, out var n) ? n : code;
    public Figure? For(string opgave) => Figures.FirstOrDefault(f => f.Opgave == opgave);

    public HeadlineInput? HeadlineFor(string opgave) => For(opgave) is { } f
        ? new HeadlineInput(opgave, GemeenteNaam, Date, f.OpgaveAantal, f.Gerealiseerd, f.Gap, null, 0, 0, f.Deadline, null, Passed.GetValueOrDefault(opgave))
        : null;

    /// <summary>What is asked of the gemeente and by when, one line per opgave under supervision with something open.</summary>
    public IReadOnlyList<(DateOnly? By, string What)> Asks()
    {
        var asks = new List<(DateOnly?, string)>();
        foreach (var opgave in DigestModel.Supervised)
        {
            if (For(opgave) is not { OpgaveAantal: { } o } f || o <= f.Gerealiseerd) continue;
            var open = o - f.Gerealiseerd;
            var unit = opgave == "taakstelling" ? "personen huisvesten" : "plekken beschikbaar maken";
            // The taakstelling's date is the end of the running half year, also when a series row does not carry it.
            var deadline = f.Deadline ?? (opgave == "taakstelling" ? Periode.HalfYearOf(Date).End : null);
            asks.Add(deadline is { } d && d >= Date
                ? (d, $"{DigestCharts.OpgaveTitle(opgave)}: nog {Headline.N(open)} {unit} vóór {Dutch.Date(d)}.")
                : (null, $"{DigestCharts.OpgaveTitle(opgave)}: {Headline.N(open)} {unit} zo snel mogelijk; " +
                         (Passed.GetValueOrDefault(opgave) is { } p ? $"de deadline van {Dutch.Date(p.Date)} is verstreken." : "er is geen deadline vastgesteld.")));
        }
        return asks.OrderBy(a => a.Item1 ?? DateOnly.MinValue).ToList();
    }

    public string BaseName => $"collegeoverzicht-{Gemeente}-{Date:yyyy-MM-dd}";
}
