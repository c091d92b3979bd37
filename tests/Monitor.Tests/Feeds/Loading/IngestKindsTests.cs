using System.Text;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>Each kind of FEEDS.md, in each format, loaded into a real warehouse and read back.</summary>
public sealed class IngestKindsTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Gemeenten_SampleReferenceData_Loads342WithProvinciesAndRegions()
    {
        Assert.Equal(342L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.gemeenten_actueel"));
        Assert.Equal(12L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.provincies"));
        Assert.Equal(25L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.veiligheidsregios"));
        Assert.Equal("Noord-Holland", await Db.ScalarAsync<string>("SELECT naam FROM monitor.provincies WHERE code = 'PV27'"));
    }

    [Fact]
    public async Task Plekken_SemicolonWindows1252WithDutchNumbers_LoadsFigures()
    {
        // Windows-1252, ';', thousands dot, Dutch dates, a code without prefix, header in odd case with spaces.
        var csv = "Peildatum ; OPGAVE;gemeentecode;locatiecode;locatienaam;status;capaciteit;bezetting;beschikbaar_vanaf;beschikbaar_tot\r\n" +
                  "1-3-2025;asiel;363;L1;Azc Zuidoost – Gaasperdam;beschikbaar;1.200;1.150;01-01-2020;\r\n" +
                  "1-3-2025;amv;GM0363;L2;Kleinschalig Fryslân;in_voorbereiding;40;;1-6-2025;\r\n";
        var r = await Db.IngestTextAsync("plekken", csv, "plekken.csv", "coa", Encoding.GetEncoding(1252));
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(2, r.RowsLoaded);
        Assert.Equal(1200, await Db.ScalarAsync<int>("SELECT capaciteit FROM monitor.plekken WHERE locatiecode = 'L1'"));
        Assert.Equal("Kleinschalig Fryslân", await Db.ScalarAsync<string>("SELECT locatienaam FROM monitor.plekken WHERE locatiecode = 'L2'"));
        Assert.Equal("Azc Zuidoost – Gaasperdam", await Db.ScalarAsync<string>("SELECT locatienaam FROM monitor.plekken WHERE locatiecode = 'L1'"));
        Assert.Equal(new DateTime(2025, 6, 1), await Db.ScalarAsync<DateTime>("SELECT beschikbaar_vanaf FROM monitor.plekken WHERE locatiecode = 'L2'"));
    }

    [Fact]
    public async Task Opgave_XlsxWithTitleRowsAndDecimalFreeCounts_Loads()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "opgave.xlsx");
        await using (var f = File.Create(path))
        using (var xlsx = new Monitor.Digests.XlsxTableWriter(f))
            xlsx.AddSheet("Opgaven", [
                ["Verdeelbesluit Spreidingswet"], ["Bron: ministerie van JenV"], [],
                ["opgave", "versie", "periode", "gebiedcode", "aantal", "publicatiedatum"],
                ["asiel", "verdeelbesluit", "2024-2025", "GM0363", 4100, new DateOnly(2024, 12, 31)],
                ["amv", "verdeelbesluit", "2024-2025", "GM0363", 379, new DateOnly(2024, 12, 31)]]);
        var r = await Db.IngestFileAsync("opgave", path);
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(4100, await Db.ScalarAsync<int>("SELECT aantal FROM monitor.opgaven WHERE opgave = 'asiel' AND gebiedcode = 'GM0363'"));
        Assert.Equal("xlsx", await Db.ScalarAsync<string>("SELECT format FROM monitor.deliveries WHERE id = @id", new { id = r.DeliveryId }));
    }

    [Fact]
    public async Task Huisvesting_JsonArray_LoadsAndTracesSourceLines()
    {
        var json = """
            [
              {"peildatum": "2025-03-31", "periode": "2025-H1", "gemeentecode": "GM0014", "gehuisvest": 120, "waarvan_amv": 8},
              {"peildatum": "2025-03-31", "periode": "2025-H1", "gemeentecode": "GM0034", "gehuisvest": 95}
            ]
            """;
        var r = await Db.IngestTextAsync("huisvesting", json, "huisvesting.json");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        var lines = await Db.ScalarAsync<int[]>("SELECT source_lines FROM monitor.huisvesting WHERE gemeentecode = 'GM0034'");
        Assert.Equal([3], lines);
        Assert.Equal(r.DeliveryId, await Db.ScalarAsync<long>("SELECT delivery_id FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
    }

    [Fact]
    public async Task Afspraken_JsonRowsObject_LoadsUitruil()
    {
        var json = """
            {"rows": [
              {"afspraakcode": "UHR-2025", "soort": "uitruil", "opgave": "asiel", "van_gemeentecode": "GM0356", "naar_gemeentecode": "GM0339",
               "aantal": 100, "periode_van": "2024-2025", "periode_tot": "2024-2025", "besluitdatum": "2024-10-01"},
              {"afspraakcode": "UHR-2025", "soort": "uitruil", "opgave": "taakstelling", "van_gemeentecode": "GM0339", "naar_gemeentecode": "GM0356",
               "aantal": 10, "periode_van": "2025-H1", "periode_tot": "2027-H2", "besluitdatum": "2024-10-01", "omschrijving": "10 per halfjaar"}
            ]}
            """;
        var r = await Db.IngestTextAsync("afspraken", json, "afspraken.json");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.afspraken WHERE afspraakcode = 'UHR-2025'"));
    }

    [Fact]
    public async Task ContactenAndRegios_CsvWithBom_Load()
    {
        var contacts = "\uFEFFgebiedcode,rol,naam,email\nGM0855,college,\"College B&W \"\"Tilburg\"\"\",college@tilburg.example.org\nPV30,prt,PRT Noord-Brabant,prt@brabant.example.org\n";
        var r = await Db.IngestTextAsync("contacten", contacts, "contacten.csv");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal("College B&W \"Tilburg\"", await Db.ScalarAsync<string>("SELECT naam FROM monitor.contacten WHERE rol = 'college'"));

        var regios = "regiocode,regionaam,gemeentecode\nRHVB,Hart van Brabant,GM0855\nRHVB,Hart van Brabant,GM0824\n";
        var g = await Db.IngestTextAsync("regios", regios, "regios.csv");
        Assert.True(g.Outcome == IngestOutcome.Accepted, string.Join("\n", g.Problems));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.regio_leden WHERE regiocode = 'RHVB'"));
    }
}
