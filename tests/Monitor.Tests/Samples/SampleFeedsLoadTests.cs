using Monitor.Tests.Support;

namespace Monitor.Tests.Samples;

/// <summary>The shipped sample feeds, every kind and format, through the real loader into a real warehouse.</summary>
public sealed class SampleFeedsLoadTests(SampleDatabase database) : IClassFixture<SampleDatabase>
{
    [Fact]
    public async Task EveryShippedFeed_IsAccepted_InEveryFormat()
    {
        var formats = await database.Db.QueryAsync<string>("SELECT DISTINCT format FROM monitor.deliveries WHERE outcome = 'accepted' ORDER BY 1");
        Assert.Equal(["csv", "json", "xlsx"], formats);
        Assert.Equal(0L, await database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE outcome <> 'accepted'"));
        var kinds = await database.Db.QueryAsync<string>("SELECT DISTINCT kind FROM monitor.deliveries ORDER BY 1");
        Assert.Equal(["afspraken", "contacten", "cycli", "gemeenten", "herindelingen", "huisvesting", "koppelingen", "opgave", "plekken", "regios", "toezicht"], kinds);
    }

    [Fact]
    public async Task PreMergerCodes_AreStoredUnderTheirSuccessor_WithTheDeliveredCodeKept()
    {
        // GM0048 (Vlagtwedde, with Ter Apel) became Westerwolde GM1950 on 2018-01-01.
        var mapped = await database.Db.QueryAsync<(string, string)>(
            "SELECT DISTINCT gemeentecode, bron_gemeentecode FROM monitor.plekken WHERE bron_gemeentecode <> gemeentecode ORDER BY 1, 2");
        Assert.Contains(("GM1950", "GM0048"), mapped);
        Assert.DoesNotContain(mapped, m => m.Item1 == m.Item2);
        Assert.Equal(0L, await database.Db.ScalarAsync<long>(
            "SELECT count(*) FROM monitor.plekken p WHERE NOT EXISTS (SELECT 1 FROM monitor.gemeenten_actueel g WHERE g.code = p.gemeentecode)"));
    }

    [Fact]
    public async Task DutchSpreadsheetReferenceFile_KeepsDecimalsAndThousands()
    {
        // gemeenten.csv is a ';' Windows-1252 export with "244.529" and "185,53".
        var (inwoners, km2, naam) = (await database.Db.QueryAsync<(int, decimal, string)>(
            "SELECT inwoners, oppervlakte_km2, naam FROM monitor.gemeenten_actueel WHERE code = 'GM0014'")).Single();
        Assert.Equal((244529, 185.53m, "Groningen"), (inwoners, km2, naam));
        Assert.Equal("Súdwest-Fryslân", await database.Db.ScalarAsync<string>("SELECT naam FROM monitor.gemeenten_actueel WHERE code = 'GM1900'"));
    }
}
