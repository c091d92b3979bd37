using System.Globalization;

namespace Monitor.Tests.Samples;

public sealed class SampleReferenceTests
{
    private static readonly string[] SplitCodes = ["GM0140", "GM0053", "GM0788"];

    private static HashSet<string> Current => GeneratedSamples.Rows("gemeenten").Select(r => r["gemeentecode"]).ToHashSet();
    private static HashSet<string> Old => GeneratedSamples.Rows("herindelingen").Select(r => r["oude_gemeentecode"]).ToHashSet();

    [Fact]
    public void ReferenceFiles_HoldThe342GemeentenAndTheHerindelingen_Unchanged()
    {
        var gemeenten = GeneratedSamples.Rows("gemeenten").ToList();
        Assert.Equal(342, gemeenten.Count);
        Assert.Equal(18_046_060, gemeenten.Sum(g => int.Parse(g["inwoners"], CultureInfo.InvariantCulture)));
        var reference = Path.Combine(GeneratedSamples.RepositorySamples, "reference");
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "herindelingen.csv")),
            File.ReadAllBytes(Path.Combine(GeneratedSamples.Directory, "herindelingen.csv")));
        var sourceLines = File.ReadAllLines(Path.Combine(reference, "gemeenten-2025.csv")).Skip(1).ToList();
        Assert.Equal(sourceLines.Count, gemeenten.Count);
        Assert.Contains(gemeenten, g => g["gemeentenaam"] == "Nuenen, Gerwen en Nederwetten" && g["oppervlakte_km2"] == "33.64");
    }

    [Fact]
    public void EveryGemeentecode_IsCurrentOrAnOldCodeFromTheHerindelingen()
    {
        var known = Current.Union(Old).ToHashSet();
        string[] columns = ["gemeentecode", "van_gemeentecode", "naar_gemeentecode", "gebiedcode"];
        foreach (var entry in GeneratedSamples.Manifest.Files.Where(f => f.Kind is not "gemeenten" and not "herindelingen"))
            foreach (var row in GeneratedSamples.Rows(entry))
                foreach (var column in columns)
                    if (row.TryGetValue(column, out var code) && code.StartsWith("GM", StringComparison.Ordinal))
                        Assert.True(known.Contains(code), $"{entry.File}: {column} {code}");
    }

    [Fact]
    public void OldCodes_AppearOnlyInPlekken_AndNeverTheSplitCodes()
    {
        var old = Old;
        var used = GeneratedSamples.Rows("plekken").Select(r => r["gemeentecode"]).Where(old.Contains).ToHashSet();
        Assert.Contains("GM0048", used);
        Assert.Contains("GM0457", used);
        Assert.Empty(used.Intersect(SplitCodes));
        foreach (var kind in new[] { "opgave", "huisvesting", "afspraken", "regios", "contacten" })
            Assert.DoesNotContain(GeneratedSamples.Rows(kind), r => r.TryGetValue("gemeentecode", out var c) && old.Contains(c));
    }

    [Fact]
    public void Regios_HartVanBrabant_HasItsNineGemeenten()
    {
        var hvb = GeneratedSamples.Rows("regios").Where(r => r["regiocode"] == "RHVB").Select(r => r["gemeentecode"]).Order().ToList();
        Assert.Equal(["GM0766", "GM0784", "GM0785", "GM0797", "GM0798", "GM0809", "GM0824", "GM0855", "GM0867"], hvb);
        Assert.True(GeneratedSamples.Rows("regios").Select(r => r["regiocode"]).Distinct().Count() >= 3);
        Assert.All(GeneratedSamples.Rows("regios"), r => Assert.Contains(r["gemeentecode"], Current));
    }

    [Fact]
    public void Afspraken_AreZeroSumWithinOneProvincie_AndFollowTheHandreiking()
    {
        var provincie = GeneratedSamples.Rows("gemeenten").ToDictionary(g => g["gemeentecode"], g => g["provinciecode"]);
        var rows = GeneratedSamples.Rows("afspraken").ToList();
        Assert.Equal(["herverdeling", "uitruil", "verdeling"], rows.Select(r => r["soort"]).Distinct().Order());
        foreach (var afspraak in rows.GroupBy(r => r["afspraakcode"]))
            Assert.Single(afspraak.SelectMany(r => new[] { provincie[r["van_gemeentecode"]], provincie[r["naar_gemeentecode"]] }).Distinct());
        var uitruil = rows.Where(r => r["soort"] == "uitruil").ToList();
        Assert.Equal(100, uitruil.Where(r => r["opgave"] == "asiel" && r["naar_gemeentecode"] == "GM1581").Sum(r => int.Parse(r["aantal"], CultureInfo.InvariantCulture)));
        var perHalfYear = uitruil.Where(r => r["opgave"] == "taakstelling" && r["van_gemeentecode"] == "GM1581").ToList();
        Assert.Equal(10, perHalfYear.Sum(r => int.Parse(r["aantal"], CultureInfo.InvariantCulture)));
        Assert.All(perHalfYear, r => Assert.Equal(("2025-H1", "2027-H2"), (r["periode_van"], r["periode_tot"]))); // 6 half years: 60 in 3 years
        Assert.Contains(rows, r => r["omschrijving"].Contains("\"Heuvelrug-Oost\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Contacten_CoverEveryGemeenteAndProvincie_AtExampleOrg()
    {
        var rows = GeneratedSamples.Rows("contacten").ToList();
        Assert.Equal(Current, rows.Where(r => r["rol"] == "college").Select(r => r["gebiedcode"]).ToHashSet());
        Assert.Equal(12, rows.Where(r => r["rol"] == "prt").Select(r => r["gebiedcode"]).Distinct().Count());
        Assert.Equal(12, rows.Where(r => r["rol"] == "toezicht").Select(r => r["gebiedcode"]).Distinct().Count());
        Assert.Single(rows, r => r["rol"] == "operator" && r["gebiedcode"] == "NL");
        Assert.All(rows, r => Assert.EndsWith(".example.org", r["email"]));
        Assert.Contains(rows, r => r["naam"].Contains('"') && r["naam"].Contains('&'));
        Assert.Equal(rows.Count, rows.Select(r => (r["gebiedcode"], r["rol"], r["email"])).Distinct().Count());
    }
}
