using System.Globalization;

namespace Monitor.Samples;

public static partial class SampleFeedGenerator
{
    /// <summary>Issue 14: koppelingen per half year (cumulative at every month end, like huisvesting) and the register
    /// of two provincies. Nothing dated after the day the set was made (see <see cref="WriteHuisvesting"/>).</summary>
    private static void WriteToezicht(SampleOutput output, SampleWorld world)
    {
        var lastPeildatum = LastSnapshot.AddDays(-1);
        var koppelingen = new KoppelingModel(world.Housing, world.Seed);
        foreach (var h in SampleWorld.HalfYears)
        {
            var monthEnds = Enumerable.Range(1, 6).Select(m => h.Start.AddMonths(m).AddDays(-1)).Where(d => d <= lastPeildatum).ToList();
            if (monthEnds.Count == 0) continue;
            var rows = monthEnds.SelectMany(d => world.Gemeenten.Select(g => koppelingen.On(g, d)));
            output.Csv($"koppelingen/koppelingen-{h}.csv", "koppelingen", "coa-koppelingen", new SampleTable(
                    ["peildatum", "periode", "gemeentecode", "gekoppeld", "waarvan_amv"],
                    rows.Select(r => new object?[] { r.Peildatum, r.Periode, r.Gemeentecode, r.Gekoppeld, r.WaarvanAmv })),
                CsvStyle.Standard, "Door COA aan de gemeente gekoppelde statushouders per maandeinde, cumulatief in het halfjaar; " +
                                   "bij een deel van de gemeenten koppelt COA te weinig.");
        }
        var register = SampleToezicht.For(world, koppelingen, lastPeildatum);
        output.Csv("toezicht.csv", "toezicht", "toezicht", new SampleTable(
                ["gemeentecode", "opgave", "besluitdatum", "stap", "regime", "oordeel", "termijn", "toelichting"],
                register.Select(r => new object?[] { r.Gemeentecode, r.Opgave, r.Besluitdatum, r.Stap, r.Regime, r.Oordeel, r.Termijn, r.Toelichting })),
            CsvStyle.Standard, string.Format(CultureInfo.InvariantCulture,
                "Register van de toezichthouder voor {0}: stappen, oordelen en termijnen; één termijn is verstreken.",
                string.Join(" en ", SampleToezicht.Provincies.Select(p => p.Provincie))));
    }
}
