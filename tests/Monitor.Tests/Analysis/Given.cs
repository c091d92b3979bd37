using System.Globalization;
using Monitor.Analysis;

namespace Monitor.Tests.Analysis;

/// <summary>Short constructors for analysis inputs, so a test reads as its worked example.</summary>
internal static class Given
{
    /// <summary>Spreidingswet cycle 1 as the shipped cycli sample delivers it: asiel and amv by 1 July 2025. Inputs built
    /// in memory state their calendar; without one there are no cycle deadlines, as in a warehouse without cycli.</summary>
    public static AnalysisCalendar Cycle1 { get; } = AnalysisCalendar.WithDeadlines(
        [new Deadline(Opgave.Asiel, "2024-2025", D("2025-07-01")), new Deadline(Opgave.Amv, "2024-2025", D("2025-07-01"))]);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Gemeente Gm(string code, string pv = "PV26", string vr = "VR09", int inwoners = 10_000, decimal km2 = 10m) =>
        new(code, "Gemeente " + code, pv, vr, inwoners, km2);

    public static OpgaveFigure Fig(Opgave o, string periode, string gebied, int aantal, string published,
        Versie versie = Versie.Verdeelbesluit) => new(o, versie, periode, gebied, D(published), aantal);

    public static PlaceRow Place(string peildatum, string gemeente, string locatie, int capaciteit, Opgave o = Opgave.Asiel,
        PlaceStatus status = PlaceStatus.Beschikbaar, string? vanaf = null, string? tot = null, string feed = "coa") =>
        new(feed, D(peildatum), o, locatie, gemeente, status, capaciteit,
            vanaf is null ? null : D(vanaf), tot is null ? null : D(tot));

    public static HousingRow Housed(string periode, string gemeente, string peildatum, int gehuisvest) =>
        new(periode, gemeente, D(peildatum), gehuisvest);

    public static Agreement Deal(string code, Opgave o, string van, string naar, int aantal, string periodeVan, string periodeTot,
        string besluit, AgreementKind soort = AgreementKind.Uitruil) =>
        new(code, soort, o, van, naar, aantal, periodeVan, periodeTot, D(besluit));

    /// <summary>The same figure for every half year from..to (inclusive), published a day before each starts.</summary>
    public static IEnumerable<OpgaveFigure> Taakstelling(string gemeente, int aantal, string from, string to)
    {
        for (var h = Periode.Parse(from); h <= Periode.Parse(to); h = h.NextHalfYear)
            yield return new(Opgave.Taakstelling, Versie.Vastgesteld, h.ToString(), gemeente, h.Start.AddDays(-1), aantal);
    }
}
