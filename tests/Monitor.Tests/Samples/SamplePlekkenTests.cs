using System.Globalization;

namespace Monitor.Tests.Samples;

public sealed class SamplePlekkenTests
{
    private static readonly DateOnly Deadline = new(2025, 7, 1);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static int Int(IReadOnlyDictionary<string, string> r, string column) => int.Parse(r[column], CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("coa")]
    [InlineData("ggo")]
    public void Snapshots_AreMonthlyOnTheFirst_From2024_01To2026_11(string feed)
    {
        var files = GeneratedSamples.Files("plekken", feed).ToList();
        var expected = Enumerable.Range(0, 35).Select(m => new DateOnly(2024, 1, 1).AddMonths(m)).ToList();
        Assert.Equal(expected, files.Select(f => Date(f.Peildatum!)));
        foreach (var f in files)
        {
            var rows = GeneratedSamples.Rows(f);
            Assert.All(rows, r => Assert.Equal(f.Peildatum, r["peildatum"]));
            Assert.Equal(rows.Count, rows.Select(r => r["locatiecode"]).Distinct().Count());
        }
    }

    [Fact]
    public void Gemeenten_HaveOneToSixCoaLocationsMostly()
    {
        var rows = GeneratedSamples.Rows(GeneratedSamples.Files("plekken", "coa").Last());
        var perGemeente = rows.GroupBy(r => r["locatiecode"][4..8]).Select(g => g.Count()).ToList();
        Assert.InRange(perGemeente.Count, 250, 342);
        Assert.InRange(perGemeente.Average(), 1.5, 6.0);
    }

    [Fact]
    public void AsielPlaces_GrowTowardTheDeadline_SomeAheadManyBehindAFewFarBehind()
    {
        var opgave = GeneratedSamples.Rows("opgave")
            .Where(r => r["versie"] == "verdeelbesluit" && r["opgave"] == "asiel" && r["gebiedcode"].StartsWith("GM", StringComparison.Ordinal))
            .ToDictionary(r => r["gebiedcode"], r => Int(r, "aantal"));
        // Plekken never use the split codes, so the first target of each old code is its only one here.
        var oldToNew = GeneratedSamples.Rows("herindelingen").GroupBy(r => r["oude_gemeentecode"]).ToDictionary(g => g.Key, g => g.First()["nieuwe_gemeentecode"]);
        Dictionary<string, int> Available(string peildatum) => GeneratedSamples.Rows(GeneratedSamples.Files("plekken", "coa").Single(f => f.Peildatum == peildatum))
            .Where(r => r["opgave"] == "asiel" && r["status"] == "beschikbaar")
            .GroupBy(r => oldToNew.GetValueOrDefault(r["gemeentecode"], r["gemeentecode"]))
            .ToDictionary(g => g.Key, g => g.Sum(r => Int(r, "capaciteit")));
        var start = Available("2024-01-01");
        var deadline = Available("2025-07-01");
        Assert.True(deadline.Values.Sum() > start.Values.Sum() * 1.2);
        Assert.InRange(deadline.Values.Sum() / (double)opgave.Values.Sum(), 0.6, 1.0);
        var ratios = opgave.Where(o => o.Value >= 20).Select(o => deadline.GetValueOrDefault(o.Key) / (double)o.Value).ToList();
        Assert.InRange(ratios.Count(r => r >= 1.0), 30, 120);
        Assert.InRange(ratios.Count(r => r < 1.0), 170, 320);
        Assert.InRange(ratios.Count(r => r < 0.3), 5, 60);
    }

    [Fact]
    public void Locations_ShowEveryLifecycle()
    {
        var rows = GeneratedSamples.Rows("plekken").ToList();
        var prep = rows.Where(r => r["status"] == "in_voorbereiding").ToList();
        Assert.NotEmpty(prep);
        Assert.All(prep, r => Assert.True(Date(r["beschikbaar_vanaf"]) > Date(r["peildatum"])));
        Assert.Contains(rows, r => r["status"] == "gesloten");
        // Closing before the deadline, and duurzaam (available for at least five years).
        Assert.Contains(rows, r => r.TryGetValue("beschikbaar_tot", out var tot) && Date(tot) < Deadline && Date(r["beschikbaar_vanaf"]) < Deadline);
        Assert.Contains(rows, r => r.TryGetValue("beschikbaar_tot", out var tot) && Date(tot) >= Date(r["beschikbaar_vanaf"]).AddYears(5));
        // Plans slip: the same location announced with a later beschikbaar_vanaf in a later snapshot.
        var announced = prep.GroupBy(r => r["locatiecode"]).Where(g => g.Select(r => r["beschikbaar_vanaf"]).Distinct().Count() > 1);
        Assert.NotEmpty(announced);
        Assert.All(rows.Where(r => r["status"] == "beschikbaar"), r => Assert.InRange(Int(r, "bezetting"), 0, Int(r, "capaciteit")));
    }

    [Theory]
    [InlineData("coa")]
    [InlineData("ggo")]
    public void SomeLocations_DisappearFromLaterSnapshots_WithoutBeingMarkedGesloten(string feed)
    {
        var snapshots = GeneratedSamples.Files("plekken", feed).Select(GeneratedSamples.Rows).ToList();
        var vanished = 0;
        for (var i = 1; i < snapshots.Count; i++)
        {
            var now = snapshots[i].Select(r => r["locatiecode"]).ToHashSet();
            vanished += snapshots[i - 1].Count(r => r["status"] == "beschikbaar" && !now.Contains(r["locatiecode"]));
        }
        Assert.True(vanished > 0);
    }
}
