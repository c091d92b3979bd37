using System.Text;
using Monitor.Samples;

namespace Monitor.Tests.Samples;

public sealed class DailyStreamTests
{
    [Fact]
    public void DailyPlekken_CoversEveryDay_AndAgreesWithTheMonthlySnapshot()
    {
        var lines = Lines(s => SampleFeedGenerator.WriteDailyPlekkenCsv(s, new(2025, 6, 29), new(2025, 7, 2), SampleFeedGenerator.DefaultSeed, "coa"));
        Assert.Equal("peildatum,opgave,gemeentecode,locatiecode,locatienaam,status,capaciteit,bezetting,beschikbaar_vanaf,beschikbaar_tot,soort,duurzaam", lines[0]);
        Assert.Equal(["2025-06-29", "2025-06-30", "2025-07-01", "2025-07-02"], lines.Skip(1).Select(l => l[..10]).Distinct());
        var monthly = File.ReadAllLines(Path.Combine(GeneratedSamples.Directory, "plekken/coa/coa-2025-07-01.csv")).Skip(1);
        Assert.Equal(monthly, lines.Where(l => l.StartsWith("2025-07-01", StringComparison.Ordinal)));
    }

    [Fact]
    public void DailyPlekken_BeyondTheSampleYears_KeepsAboutFiveLocationsPerGemeente()
    {
        var lines = Lines(s => SampleFeedGenerator.WriteDailyPlekkenCsv(s, new(2029, 3, 1), new(2029, 3, 1), 11));
        Assert.InRange(lines.Count - 1, 342 * 3, 342 * 9);
    }

    [Fact]
    public void ALongerHorizon_AddsLaterLocations_ButChangesNoEarlierSnapshot()
    {
        var reference = ReferenceData.Load(ReferenceData.Locate());
        var sample = new SampleWorld(reference, SampleFeedGenerator.DefaultSeed, new(2026, 12, 31));
        var longer = new SampleWorld(reference, SampleFeedGenerator.DefaultSeed, new(2034, 12, 31));
        Assert.True(longer.Locations.Count > sample.Locations.Count);
        foreach (var date in new DateOnly[] { new(2024, 1, 1), new(2025, 7, 1), new(2026, 11, 1) })
            Assert.Equal(sample.Locations.Select(l => l.On(date)).OfType<PlekkenRow>(), longer.Locations.Select(l => l.On(date)).OfType<PlekkenRow>());
        Assert.Equal(longer.Locations.Count, longer.Locations.Select(l => l.Code).Distinct().Count());
    }

    [Fact]
    public void DailyHuisvesting_HasEveryGemeenteEveryDay_AndMatchesTheMonthEnd()
    {
        var lines = Lines(s => SampleFeedGenerator.WriteDailyHuisvestingCsv(s, new(2025, 6, 29), new(2025, 7, 2), SampleFeedGenerator.DefaultSeed));
        Assert.Equal(1 + 4 * 342, lines.Count);
        Assert.Contains("2025-07-01,2025-H2,GM0363,", lines.Single(l => l.StartsWith("2025-07-01,2025-H2,GM0363,", StringComparison.Ordinal)));
        var monthEnd = File.ReadAllLines(Path.Combine(GeneratedSamples.Directory, "huisvesting/huisvesting-2025-H1.csv"))
            .Where(l => l.StartsWith("2025-06-30", StringComparison.Ordinal));
        Assert.Equal(monthEnd, lines.Where(l => l.StartsWith("2025-06-30", StringComparison.Ordinal)));
    }

    [Fact]
    public void DailyHuisvesting_BeforeTheWorldStarts_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampleFeedGenerator.WriteDailyHuisvestingCsv(Stream.Null, new(2023, 12, 31), new(2024, 1, 2), 1));

    private static List<string> Lines(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
