namespace Monitor.Samples;

/// <summary>
/// Daily streams for benchmarks: the same world, written one row at a time, so years of daily snapshots of every
/// gemeente never have to fit in memory (only the few thousand planned locations do).
/// </summary>
public static partial class SampleFeedGenerator
{
    /// <summary>
    /// Writes a plekken snapshot for every day from <paramref name="from"/> to <paramref name="to"/> (inclusive) as one
    /// UTF-8 ',' CSV: about 5 locations per gemeente per day across both feeds, or one feed ("coa", "ggo").
    /// </summary>
    public static void WriteDailyPlekkenCsv(Stream output, DateOnly from, DateOnly to, int seed, string? feed = null, string? referenceDirectory = null)
    {
        var world = DailyWorld(to, seed, referenceDirectory);
        var locations = world.Locations.Where(l => feed is null || l.Feed == feed).ToArray();
        CsvSampleWriter.Write(output, SampleTables.Plekken(Days(from, to).SelectMany(d => locations.Select(l => l.On(d)).OfType<PlekkenRow>())),
            CsvStyle.Standard);
    }

    /// <summary>
    /// Writes the cumulative huisvesting of every gemeente for every day from <paramref name="from"/> (not before
    /// 2024-01-01, where the world's carry-over starts) to <paramref name="to"/> as one UTF-8 ',' CSV.
    /// </summary>
    public static void WriteDailyHuisvestingCsv(Stream output, DateOnly from, DateOnly to, int seed, string? referenceDirectory = null)
    {
        if (from < HousingModel.FirstPeriod.Start)
            throw new ArgumentOutOfRangeException(nameof(from), from, "Het voorbeeld begint op 2024-01-01.");
        var world = DailyWorld(to, seed, referenceDirectory);
        CsvSampleWriter.Write(output, SampleTables.Huisvesting(Days(from, to).SelectMany(d => world.Gemeenten.Select(g => world.Housing.On(g, d)))),
            CsvStyle.Standard);
    }

    private static SampleWorld DailyWorld(DateOnly to, int seed, string? referenceDirectory) =>
        new(ReferenceData.Load(ReferenceData.Locate(referenceDirectory)), seed, to > HorizonEnd ? to : HorizonEnd);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }
}
