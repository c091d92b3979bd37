using System.Globalization;

namespace Monitor.Tests.Samples;

public sealed class SampleOpgaveTests
{
    // Cycle 1 and the half-year opgaven; cycle 2 (2026-2027, also versie indicatief) has tests of its own (SampleCycle2Tests).
    private static IEnumerable<IReadOnlyDictionary<string, string>> Opgave(string versie, string? opgave = null) =>
        GeneratedSamples.Rows("opgave").Where(r => r["versie"] == versie && (opgave is null || r["opgave"] == opgave) && r["periode"] != "2026-2027");

    private static int Aantal(IReadOnlyDictionary<string, string> r) => int.Parse(r["aantal"], CultureInfo.InvariantCulture);

    private static bool IsGemeente(IReadOnlyDictionary<string, string> r) => r["gebiedcode"].StartsWith("GM", StringComparison.Ordinal);

    [Fact]
    public void Indicatief_AsielPlusAmv_AddsUpTo96000_WithAbout8_5PercentAmv()
    {
        var rows = Opgave("indicatief").Where(IsGemeente).ToList();
        Assert.Equal(96_000, rows.Sum(Aantal));
        var amv = rows.Where(r => r["opgave"] == "amv").Sum(Aantal);
        Assert.InRange(amv / 96_000.0, 0.08, 0.09);
        Assert.Equal(342, rows.Select(r => r["gebiedcode"]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("2024-01-15", r["publicatiedatum"]));
    }

    [Theory]
    [InlineData("indicatief")]
    [InlineData("verdeelbesluit")]
    public void ProvincialTotals_AreTheSumOfTheirGemeenten(string versie)
    {
        var provincie = GeneratedSamples.Rows("gemeenten").ToDictionary(g => g["gemeentecode"], g => g["provinciecode"]);
        foreach (var opgave in new[] { "asiel", "amv" })
        {
            var rows = Opgave(versie, opgave).ToList();
            var sums = rows.Where(IsGemeente).GroupBy(r => provincie[r["gebiedcode"]]).ToDictionary(g => g.Key, g => g.Sum(Aantal));
            var totals = rows.Where(r => r["gebiedcode"].StartsWith("PV", StringComparison.Ordinal)).ToDictionary(r => r["gebiedcode"], Aantal);
            Assert.Equal(12, totals.Count);
            Assert.Equal(sums.OrderBy(x => x.Key), totals.OrderBy(x => x.Key));
        }
    }

    [Fact]
    public void Verdeelbesluit_Finds88000OfThe96000_SomeGemeentenLowerSomeHigher()
    {
        var indicatief = Opgave("indicatief").Where(IsGemeente).GroupBy(r => r["gebiedcode"]).ToDictionary(g => g.Key, g => g.Sum(Aantal));
        var besluit = Opgave("verdeelbesluit").Where(IsGemeente).GroupBy(r => r["gebiedcode"]).ToDictionary(g => g.Key, g => g.Sum(Aantal));
        Assert.Equal(88_000, besluit.Values.Sum());
        Assert.InRange(besluit.Count(b => b.Value < indicatief[b.Key]), 60, 250);
        Assert.InRange(besluit.Count(b => b.Value > indicatief[b.Key]), 20, 150);
        Assert.All(Opgave("verdeelbesluit"), r => Assert.Equal("2024-12-31", r["publicatiedatum"]));
    }

    [Fact]
    public void Verslag_AndBijstelling_ChangeOnlySomeGemeenten()
    {
        var verslag = Opgave("verslag").Where(IsGemeente).Select(r => r["gebiedcode"]).Distinct().Count();
        Assert.InRange(verslag, 50, 300);
        var bijstelling = Opgave("bijstelling").Where(r => r["periode"] == "2024-2025").ToList();
        Assert.Equal(8, bijstelling.Where(IsGemeente).Select(r => r["gebiedcode"]).Distinct().Count());
        Assert.All(bijstelling, r => Assert.StartsWith("2025-", r["publicatiedatum"]));
    }

    [Fact]
    public void Taakstelling_MatchesThePublishedNationalTotals()
    {
        var rows = GeneratedSamples.Rows("opgave").Where(r => r["opgave"] == "taakstelling").ToList();
        int Total(string periode, string versie) => rows.Where(r => r["periode"] == periode && r["versie"] == versie).Sum(Aantal);
        Assert.Equal(17_700, Total("2025-H1", "vastgesteld"));
        Assert.Equal(15_000, Total("2025-H1", "bijstelling"));
        Assert.Equal(13_000, Total("2025-H2", "vastgesteld"));
        foreach (var periode in new[] { "2024-H1", "2024-H2", "2026-H1", "2026-H2" })
            Assert.InRange(Total(periode, "vastgesteld"), 16_000, 21_000);
        // A mid-period bijstelling may only go down.
        var original = rows.Where(r => r["periode"] == "2025-H1" && r["versie"] == "vastgesteld").ToDictionary(r => r["gebiedcode"], Aantal);
        Assert.All(rows.Where(r => r["periode"] == "2025-H1" && r["versie"] == "bijstelling"), r => Assert.True(Aantal(r) <= original[r["gebiedcode"]]));
    }

    [Fact]
    public void Taakstelling_IsAnnouncedBefore1AprilOr1October()
    {
        foreach (var r in GeneratedSamples.Rows("opgave").Where(r => r["opgave"] == "taakstelling" && r["versie"] == "vastgesteld"))
        {
            var year = int.Parse(r["periode"][..4], CultureInfo.InvariantCulture);
            var deadline = r["periode"].EndsWith("H1", StringComparison.Ordinal) ? new DateOnly(year - 1, 10, 1) : new DateOnly(year, 4, 1);
            Assert.True(DateOnly.Parse(r["publicatiedatum"], CultureInfo.InvariantCulture) < deadline, $"{r["periode"]} {r["publicatiedatum"]}");
        }
    }

    [Fact]
    public void Oekraine_IsPerVeiligheidsregio_90To100ThousandPerHalfYear()
    {
        var rows = GeneratedSamples.Rows("opgave").Where(r => r["opgave"] == "oekraine").ToList();
        foreach (var half in rows.GroupBy(r => r["periode"]))
        {
            Assert.Equal(25, half.Count());
            Assert.All(half, r => Assert.Matches("^VR[0-9]{2}$", r["gebiedcode"]));
            Assert.InRange(half.Sum(Aantal), 90_000, 100_000);
        }
        Assert.Equal(6, rows.Select(r => r["periode"]).Distinct().Count());
    }
}
