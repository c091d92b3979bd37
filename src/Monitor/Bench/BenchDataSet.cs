using Monitor.Analysis;
using Monitor.Samples;

namespace Monitor.Bench;

/// <summary>One delivery of the bench data set, in load order.</summary>
public sealed record BenchFile(string Path, string Kind, string Feed, long Rows);

/// <summary>
/// The national data set of the benchmark, written as feed files: the sample world (all 342 gemeenten, seeded) run
/// from 2024-01-01 for N years, with every opgave version and agreement, and <b>daily</b> plekken snapshots and
/// huisvesting counts instead of the samples' monthly ones. Deterministic: same years and seed, same bytes.
/// </summary>
public sealed class BenchDataSet
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    private readonly SampleWorld _world;

    public BenchDataSet(string directory, DateOnly end, int seed = SampleFeedGenerator.DefaultSeed)
    {
        Directory = directory;
        End = end;
        _world = new SampleWorld(ReferenceData.Load(ReferenceData.Locate()), seed, end);
    }

    public string Directory { get; }
    public DateOnly End { get; }
    public IReadOnlyList<Samples.Gemeente> Gemeenten => _world.Gemeenten;

    private IEnumerable<Periode> HalfYears => Periode.HalfYears(SampleWorld.FirstHalfYear, Periode.HalfYearOf(End));

    /// <summary>Reference data, every opgave version, agreements and contacts: the small deliveries, in load order.</summary>
    public IReadOnlyList<BenchFile> WriteReference()
    {
        var files = new List<BenchFile>();
        var reference = _world.Reference;
        files.Add(Csv("gemeenten.csv", "gemeenten", SampleTables.Gemeenten(reference)));
        var herindelingen = Path.Combine(Directory, "herindelingen.csv");
        File.Copy(Path.Combine(reference.Directory, ReferenceData.HerindelingenFile), herindelingen, overwrite: true);
        files.Add(new(herindelingen, "herindelingen", "herindelingen", 0));
        files.Add(Csv("regios.csv", "regios", SampleTables.Regios(SampleRegions.All)));
        files.Add(Csv("cycli.csv", "cycli", SampleCycli.Table()));   // the deadlines are data: without them no projection
        // Only what is published by the bench's end: the loader refuses a publicatiedatum after its today.
        foreach (var versie in new[] { "indicatief", "verslag", "verdeelbesluit", "bijstelling" })
            if (_world.Spreidingswet.Figures(versie).Where(f => f.Publicatiedatum <= End).ToList() is { Count: > 0 } published)
                files.Add(Csv($"spreidingswet-{versie}.csv", "opgave", SampleTables.Opgave(published), "spreidingswet"));
        var t = _world.Taakstelling;
        foreach (var published in t.PublicationDates(HalfYears).Where(d => d <= End))
            files.Add(Csv($"taakstelling-{published:yyyy-MM-dd}.csv", "opgave", SampleTables.Opgave(t.FiguresPublishedOn(published, HalfYears)), "taakstelling"));
        files.Add(Csv("oekraine.csv", "opgave",
            SampleTables.Opgave(_world.Oekraine.Figures(HalfYears).Where(f => f.Publicatiedatum <= End)), "oekraine"));
        files.Add(Csv("afspraken.csv", "afspraken", SampleTables.Afspraken(SampleAgreements.All)));
        files.Add(Csv("contacten.csv", "contacten", SampleTables.Contacten(SampleContacts.For(reference))));
        return files;
    }

    /// <summary>
    /// Daily snapshots of every location of both feeds (about 5 per gemeente) from <paramref name="from"/> to
    /// <paramref name="to"/>, as one ',' UTF-8 CSV. <paramref name="shiftDays"/> moves every date back by that many days
    /// (the memory bench needs files larger than the years before today hold; the rows stay valid).
    /// </summary>
    public BenchFile WritePlekken(string name, DateOnly from, DateOnly to, int shiftDays = 0, Func<PlekkenRow, bool>? where = null)
    {
        var rows = Days(from, to).SelectMany(d => _world.Locations.Select(l => l.On(d)).OfType<PlekkenRow>())
            .Where(r => where is null || where(r));
        if (shiftDays != 0)
            rows = rows.Select(r => r with
            {
                Peildatum = r.Peildatum.AddDays(-shiftDays), BeschikbaarVanaf = r.BeschikbaarVanaf?.AddDays(-shiftDays),
                BeschikbaarTot = r.BeschikbaarTot?.AddDays(-shiftDays),
            });
        return Csv(name, "plekken", SampleTables.Plekken(rows));
    }

    /// <summary>
    /// Daily snapshots as <see cref="WritePlekken"/>, until the file reaches <paramref name="targetBytes"/>, with every
    /// date moved back so the first snapshot is on 2000-01-01 (the earliest date a feed may hold): the memory bench needs
    /// files larger than the years before today hold. A beschikbaar_vanaf or _tot that would fall before 2000 is 2000-01-01,
    /// so the rows stay valid. Stops early at <paramref name="latest"/>.
    /// </summary>
    public BenchFile WriteSizedPlekken(string name, long targetBytes, DateOnly latest)
    {
        var floor = new DateOnly(2000, 1, 1);
        var shift = Start.DayNumber - floor.DayNumber;
        var path = Path.Combine(Directory, name);
        long rows = 0;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            IEnumerable<PlekkenRow> Rows()
            {
                for (var d = Start; stream.Position < targetBytes && d.AddDays(-shift) <= latest; d = d.AddDays(1))
                    foreach (var l in _world.Locations)
                        if (l.On(d) is { } r)
                        {
                            rows++;
                            DateOnly? Moved(DateOnly? x) => x?.AddDays(-shift) is { } m && m < floor ? floor : x?.AddDays(-shift);
                            yield return r with
                            {
                                Peildatum = d.AddDays(-shift), BeschikbaarVanaf = Moved(r.BeschikbaarVanaf), BeschikbaarTot = Moved(r.BeschikbaarTot),
                            };
                        }
            }
            CsvSampleWriter.Write(stream, SampleTables.Plekken(Rows()), CsvStyle.Standard);
        }
        return new BenchFile(path, "plekken", "plekken", rows);
    }

    /// <summary>The cumulative huisvesting of every gemeente (or of the ones given) on every day from..to.</summary>
    public BenchFile WriteHuisvesting(string name, DateOnly from, DateOnly to, IReadOnlySet<string>? gemeenten = null) =>
        Csv(name, "huisvesting", SampleTables.Huisvesting(Days(from, to).SelectMany(d => _world.Gemeenten
            .Where(g => gemeenten is null || gemeenten.Contains(g.Code)).Select(g => _world.Housing.On(g, d)))));

    private BenchFile Csv(string name, string kind, SampleTable table, string? feed = null)
    {
        var path = Path.Combine(Directory, name);
        var counted = new CountedTable(table);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            CsvSampleWriter.Write(stream, counted.Table, CsvStyle.Standard);
        return new BenchFile(path, kind, feed ?? kind, counted.Rows);
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    /// <summary>Counts the rows of a table as the writer streams them.</summary>
    private sealed class CountedTable(SampleTable table)
    {
        public long Rows { get; private set; }
        public SampleTable Table => table with { Rows = Count(table.Rows) };

        private IEnumerable<object?[]> Count(IEnumerable<object?[]> rows)
        {
            foreach (var r in rows) { Rows++; yield return r; }
        }
    }
}
