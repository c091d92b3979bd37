using System.Globalization;

namespace Monitor.Samples;

/// <summary>The opgave deliveries, in publication order, each in a different variant of the contract.</summary>
internal static class SampleOpgaveFiles
{
    public static void Write(SampleOutput output, SampleWorld world)
    {
        var s = world.Spreidingswet;
        output.Xlsx("opgave/spreidingswet-2024-2025-indicatief.xlsx", "opgave", "spreidingswet",
            SampleTables.Opgave(s.Figures("indicatief")),
            ["Capaciteitsraming Spreidingswet 2024-2025: indicatieve verdeling van 96.000 opvangplekken (asiel en amv)",
             "Synthetische voorbeelddata (monitor samples), geen officiële cijfers"],
            "Indicatieve verdeling per gemeente en provincie; titelregels boven de kopregel, datums als Excel-datum.");
        output.Json("opgave/spreidingswet-2024-2025-verslag.json", "opgave", "spreidingswet",
            SampleTables.Opgave(s.Figures("verslag")), wrapInRows: false,
            "Verslag van de CdK's: alleen gewijzigde gemeenten, plus alle provinciale totalen (JSON-array).");
        output.Csv("opgave/spreidingswet-2024-2025-verdeelbesluit.csv", "opgave", "spreidingswet",
            SampleTables.Opgave(s.Figures("verdeelbesluit")), CsvStyle.Standard,
            "Verdeelbesluit: 88.000 van de 96.000 plekken gevonden; per gemeente en provincie.");
        output.Csv("opgave/spreidingswet-2024-2025-bijstelling-2025-05-20.csv", "opgave", "spreidingswet",
            SampleTables.Opgave(s.Figures("bijstelling"), SampleTables.Digits), CsvStyle.Standard with { DayMonthYear = true },
            "Bijstelling voor acht gemeenten; codes zonder GM (\"0855\"), datums als 20-5-2025.");

        var t = world.Taakstelling;
        foreach (var published in t.PublicationDates(SampleWorld.HalfYears))
        {
            var iso = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            output.Csv($"opgave/taakstelling-{iso}.csv", "opgave", "taakstelling",
                SampleTables.Opgave(t.FiguresPublishedOn(published, SampleWorld.HalfYears)), CsvStyle.Standard,
                "Taakstelling huisvesting statushouders per gemeente, pro rata inwoners, zoals op deze datum bekendgemaakt.");
        }

        output.Json("opgave/oekraine-2024-2026.json", "opgave", "oekraine",
            SampleTables.Opgave(world.Oekraine.Figures(SampleWorld.HalfYears)), wrapInRows: true,
            "Opvang ontheemden Oekraïne per veiligheidsregio per halfjaar ({\"rows\": [...]}).");
    }
}
