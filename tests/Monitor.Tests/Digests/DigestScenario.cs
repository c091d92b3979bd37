using Monitor.Tests.Support;

namespace Monitor.Tests.Digests;

/// <summary>
/// Provincie Utrecht (PV26) with three gemeenten, one of which has a name full of HTML and CSV trouble, two PRT contacts,
/// half a year of asiel history, every opgave per gemeente, carry-over and an agreement.
/// </summary>
public static class DigestScenario
{
    public const string Nasty = "Zeist <b>\"de 'Bilt'\"</b> & =Co";
    public static readonly DateOnly Deadline = new(2025, 7, 1);

    public static async Task LoadAsync(OutputsKit kit, DateOnly date, int extraRealised = 0)
    {
        var r = kit.Rows;
        await r.GemeenteAsync("GM0344", "Utrecht", "PV26", "Utrecht");
        await r.GemeenteAsync("GM0307", "Amersfoort", "PV26", "Utrecht");
        await r.GemeenteAsync("GM0355", Nasty, "PV26", "Utrecht");
        await r.ContactAsync("PV26", "prt", "PRT Utrecht <voorzitter> & \"secretaris\"", "prt@utrecht.test");
        await r.ContactAsync("PV26", "prt", "CdK", "cdk@utrecht.test");
        await r.AfspraakAsync("UITRUIL-1", "uitruil", "asiel", "GM0307", "GM0344", 50, "2024-2025", "2024-2025", new DateOnly(2024, 12, 1),
            "Amersfoort <neemt> 50 plekken & \"meer\"");
        await SeriesAsync(kit, date, extraRealised);
        await r.HalfYearAsync("GM0344", "2025-H1", 300, 40, 120, gemistOpRij: 1);
        await r.HalfYearAsync("GM0307", "2025-H1", 150, -10, 100);
        await r.HalfYearAsync("GM0355", "2025-H1", 60, 5, 20);
    }

    /// <summary>Figures for one date; the history of the provincie's asiel series from January.</summary>
    public static async Task SeriesAsync(OutputsKit kit, DateOnly date, int extraRealised = 0)
    {
        var r = kit.Rows;
        for (var d = new DateOnly(2025, 1, 1); d <= date; d = d.AddDays(7))
            await r.SeriesAsync("PV26", "asiel", d, 3000, 1500 + (d.DayNumber - 739251) * 5, niveau: "provincie", deadline: Deadline);
        await r.SeriesAsync("PV26", "asiel", date, 3000, 2200 + extraRealised, laag: 2500, midden: 2800, hoog: 3100, deadline: Deadline, niveau: "provincie", tekort: 900);
        await r.SeriesAsync("PV26", "amv", date, 200, 150, laag: 160, midden: 180, hoog: 210, deadline: Deadline, niveau: "provincie", tekort: 60);
        await r.SeriesAsync("PV26", "oekraine", date, 2500, 2300, niveau: "provincie", tekort: 250);
        await r.SeriesAsync("PV26", "taakstelling", date, 540, 240, niveau: "provincie", tekort: 300);
        await r.SeriesAsync("GM0344", "asiel", date, 1800, 1000 + extraRealised, laag: 1200, midden: 1500, hoog: 1700, deadline: Deadline);
        await r.SeriesAsync("GM0307", "asiel", date, 800, 900, laag: 900, midden: 950, hoog: 1000, deadline: Deadline);
        await r.SeriesAsync("GM0355", "asiel", date, 400, 300, laag: 320, midden: 350, hoog: 420, deadline: Deadline);
        await r.SeriesAsync("GM0344", "amv", date, 120, 80, midden: 100, deadline: Deadline);
        await r.SeriesAsync("GM0344", "oekraine", date, 1500, 1400);
        await r.SeriesAsync("GM0307", "oekraine", date, 700, 800);
        await r.SeriesAsync("GM0355", "oekraine", date, 300, 100);
        await r.SeriesAsync("GM0344", "taakstelling", date, 340, 120);
        await r.SeriesAsync("GM0307", "taakstelling", date, 140, 100);
        await r.SeriesAsync("GM0355", "taakstelling", date, 65, 20);
    }
}
