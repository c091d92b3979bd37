namespace Monitor.Samples;

/// <summary>
/// Writes the shipped sample feeds (samples/feeds) from the <see cref="SampleWorld"/>: reference data, regio's,
/// every opgave version, monthly plekken snapshots of two feeds, monthly huisvesting, afspraken and contacten,
/// spread over every format the feed contract accepts, plus manifest.json in load order.
/// Same seed and reference data → the same bytes.
/// </summary>
public static partial class SampleFeedGenerator
{
    public const int DefaultSeed = 20240115;
    public static readonly DateOnly FirstSnapshot = new(2024, 1, 1);
    public static readonly DateOnly LastSnapshot = new(2026, 11, 1);
    private static readonly DateOnly HorizonEnd = new(2026, 12, 31);

    public static SampleManifest Generate(string outputDirectory, int seed = DefaultSeed, string? referenceDirectory = null)
    {
        var reference = ReferenceData.Load(ReferenceData.Locate(referenceDirectory));
        var world = new SampleWorld(reference, seed, HorizonEnd);
        Directory.CreateDirectory(outputDirectory);
        RemovePreviousOutput(outputDirectory);
        var output = new SampleOutput(outputDirectory);

        WriteReference(output, world);
        SampleCycli.Write(output);
        SampleOpgaveFiles.Write(output, world);
        SampleCycle2.Write(output, world);
        WritePlekken(output, world);
        WriteHuisvesting(output, world);
        output.Csv("afspraken.csv", "afspraken", "afspraken", SampleTables.Afspraken(SampleAgreements.All), CsvStyle.Standard,
            "Een uitruil (Utrechtse Heuvelrug-model), een verdeling (Hart van Brabant) en een herverdeling (Breda); omschrijving met komma's en aanhalingstekens.");
        output.Csv("contacten.csv", "contacten", "contacten", SampleTables.Contacten(SampleContacts.For(reference)), CsvStyle.Standard,
            "Verzonnen ontvangers op example.org: college per gemeente, prt en toezicht per provincie, operator.");
        WriteToezicht(output, world);

        var manifest = new SampleManifest(seed, $"monitor samples generate --seed {seed}", output.Entries);
        manifest.Write(outputDirectory);
        return manifest;
    }

    private static void WriteReference(SampleOutput output, SampleWorld world)
    {
        var reference = world.Reference;
        output.Csv("gemeenten.csv", "gemeenten", "referentie-gemeenten", SampleTables.Gemeenten(reference), CsvStyle.DutchExcel,
            "De 342 gemeenten van samples/reference, opgeslagen zoals Nederlandse Excel dat doet: ';', Windows-1252, duizendtallen met punt, decimale komma.");
        output.Copy(Path.Combine(reference.Directory, ReferenceData.HerindelingenFile), "herindelingen.csv", "herindelingen",
            "referentie-herindelingen", "Herindelingen 2018–2023, byte voor byte gelijk aan samples/reference.");
        output.Text("REFERENCE-DATA.md", ReferenceNote.Text(File.ReadAllText(Path.Combine(reference.Directory, ReferenceData.ReadmeFile))));
        output.Csv("regios.csv", "regios", "regios", SampleTables.Regios(SampleRegions.All), CsvStyle.ExcelUtf8,
            "Zelf gedefinieerde regio's (Hart van Brabant en twee RRT's), UTF-8 met BOM zoals Excel 'CSV UTF-8' opslaat.");
    }

    /// <summary>One snapshot per feed on the 1st of every month; the GGO feed is a Dutch Excel export.</summary>
    private static void WritePlekken(SampleOutput output, SampleWorld world)
    {
        for (var date = FirstSnapshot; date <= LastSnapshot; date = date.AddMonths(1))
        {
            var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            output.Csv($"plekken/coa/coa-{iso}.csv", "plekken", "coa", SampleTables.Plekken(Snapshot(world, "coa", date)),
                CsvStyle.Standard, "COA-achtige momentopname van asiel- en amv-locaties; enkele oude gemeentecodes.", iso);
            output.Csv($"plekken/ggo/ggo-{iso}.csv", "plekken", "ggo", SampleTables.Plekken(Snapshot(world, "ggo", date)),
                CsvStyle.DutchExcel, "Gemeentelijke opvang Oekraïne: ';', Windows-1252, data als 1-7-2025, duizendtallen met punt.", iso);
        }
    }

    internal static IEnumerable<PlekkenRow> Snapshot(SampleWorld world, string feed, DateOnly date) =>
        world.Locations.Where(l => l.Feed == feed).Select(l => l.On(date)).OfType<PlekkenRow>();

    /// <summary>One file per half year with the cumulative count at every month end; 2024 uses bare gemeentenummers.</summary>
    private static void WriteHuisvesting(SampleOutput output, SampleWorld world)
    {
        // The last month end before the last plekken snapshot: no sample figure may be dated after the day the set
        // was made (2026-11-24), or the loader rightly refuses it as a peildatum in the future.
        var lastPeildatum = LastSnapshot.AddDays(-1);
        foreach (var h in SampleWorld.HalfYears)
        {
            var monthEnds = Enumerable.Range(1, 6).Select(m => h.Start.AddMonths(m).AddDays(-1)).Where(d => d <= lastPeildatum);
            var rows = monthEnds.SelectMany(d => world.Gemeenten.Select(g => world.Housing.On(g, d)));
            var bare = h.Year == 2024;
            output.Csv($"huisvesting/huisvesting-{h}.csv", "huisvesting", "coa-huisvesting",
                SampleTables.Huisvesting(rows, bare ? SampleTables.Bare : null), CsvStyle.Standard,
                bare ? "Gehuisveste statushouders per maandeinde, cumulatief in het halfjaar; gemeentenummers zonder GM (\"363\")."
                     : "Gehuisveste statushouders per maandeinde, cumulatief in het halfjaar.");
        }
    }

    /// <summary>Deletes what an earlier run listed in its manifest, so a regenerated folder holds no stale snapshots.</summary>
    private static void RemovePreviousOutput(string directory)
    {
        var previous = SampleManifest.Read(directory);
        if (previous is null) return;
        var root = Path.GetFullPath(directory);
        var inside = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        foreach (var entry in previous.Files)
        {
            // Only files under the output folder: a hand-edited manifest must not delete anything else.
            var path = Path.GetFullPath(Path.Combine(root, entry.File));
            if (path.StartsWith(inside, StringComparison.Ordinal) && File.Exists(path)) File.Delete(path);
        }
        foreach (var name in new[] { SampleManifest.FileName, "REFERENCE-DATA.md" })
            File.Delete(Path.Combine(root, name));
    }
}
