using System.Globalization;

namespace Monitor.Tests.Samples;

/// <summary>Cycle 2 (2026-2027) in the generated samples, and the optional plekken columns soort and duurzaam.</summary>
public sealed class SampleCycle2Tests
{
    private static List<IReadOnlyDictionary<string, string>> Cycle2() =>
        GeneratedSamples.Rows("opgave").Where(r => r["periode"] == "2026-2027").ToList();

    private static int Aantal(IReadOnlyDictionary<string, string> r) => int.Parse(r["aantal"], CultureInfo.InvariantCulture);

    [Fact]
    public void Raming_ProvincialFiguresAddUpTo88000_PublishedOn5February2026()
    {
        var pv = Cycle2().Where(r => r["gebiedcode"].StartsWith("PV", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, pv.Count);
        Assert.Equal(88_000, pv.Sum(Aantal));
        Assert.All(pv, r => Assert.Equal(("asiel", "indicatief", "2026-02-05"), (r["opgave"], r["versie"], r["publicatiedatum"])));
        Assert.All(pv, r => Assert.Contains("5 februari 2026", r["bron"]));
    }

    [Fact]
    public void IndicativeGemeenteFigures_LaterIn2026_SomeInBezwaar_OneCorrected_ThenTheyAddUpToTheirProvincie()
    {
        var provincie = GeneratedSamples.Rows("gemeenten").ToDictionary(g => g["gemeentecode"], g => g["provinciecode"]);
        var rows = Cycle2().Where(r => r["gebiedcode"].StartsWith("GM", StringComparison.Ordinal)).ToList();
        var first = rows.Where(r => r["publicatiedatum"] == "2026-10-15").ToList();
        Assert.Equal(342, first.Count);
        Assert.Equal(6, first.Count(r => r["rechtsstatus"] == "in_bezwaar"));
        var correction = Assert.Single(rows, r => r["rechtsstatus"] == "gecorrigeerd");
        Assert.Equal(("GM0796", "2026-11-12"), (correction["gebiedcode"], correction["publicatiedatum"]));
        Assert.Contains("Kamerbrief", correction["bron"]);
        Assert.True(Aantal(first.Single(r => r["gebiedcode"] == "GM0796")) > 2 * Aantal(correction), "the wrong figure was far too high");
        // After the correction every provincie's gemeenten add up to its PV figure.
        var inForce = first.Where(r => r["gebiedcode"] != "GM0796").Append(correction);
        var sums = inForce.GroupBy(r => provincie[r["gebiedcode"]]).ToDictionary(g => g.Key, g => g.Sum(Aantal));
        var pv = Cycle2().Where(r => r["gebiedcode"].StartsWith("PV", StringComparison.Ordinal)).ToDictionary(r => r["gebiedcode"], Aantal);
        Assert.Equal(pv.OrderBy(x => x.Key), sums.OrderBy(x => x.Key));
        Assert.All(rows, r => Assert.True(string.CompareOrdinal(r["publicatiedatum"], "2026-12-03") < 0));
    }

    [Fact]
    public void Locations_CarrySoortAndDuurzaam_AsTheFeedContractAllows()
    {
        var allowed = new[] { "regulier", "noodopvang", "crisisnoodopvang", "amv_kleinschalig", "goo", "overig" };
        var coa = GeneratedSamples.Files("plekken", "coa").Last();
        var rows = GeneratedSamples.Rows(coa);
        Assert.All(rows, r => Assert.Contains(r["soort"], allowed));
        Assert.Contains(rows, r => r["soort"] == "crisisnoodopvang");
        Assert.Contains(rows, r => r["soort"] == "noodopvang");
        Assert.All(rows.Where(r => r["opgave"] == "amv"), r => Assert.Equal("amv_kleinschalig", r["soort"]));
        Assert.All(GeneratedSamples.Rows(GeneratedSamples.Files("plekken", "ggo").Last()), r => Assert.Equal("goo", r["soort"]));
        // duurzaam = ja only for a known span of five years or more; an open end says nothing.
        foreach (var r in rows.Where(r => r["status"] == "beschikbaar"))
        {
            var vanaf = DateOnly.Parse(r["beschikbaar_vanaf"], CultureInfo.InvariantCulture);
            var duurzaam = r.GetValueOrDefault("duurzaam");
            if (r.GetValueOrDefault("beschikbaar_tot") is not { } tot) Assert.Null(duurzaam);
            else Assert.Equal(DateOnly.Parse(tot, CultureInfo.InvariantCulture) >= vanaf.AddYears(5).AddDays(-1) ? "ja" : "nee", duurzaam);
        }
    }
}
