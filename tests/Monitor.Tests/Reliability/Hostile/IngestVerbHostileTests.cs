using Monitor.Tests.Compute;
using Monitor.Tests.Support;

namespace Monitor.Tests.Reliability.Hostile;

/// <summary><c>monitor ingest</c> as an operator runs it, for issue 12.4 (a warning on the terminal) and 12.5 (a feed
/// name nobody configured).</summary>
public sealed class IngestVerbHostileTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("monitor-cli-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> IngestAsync(string name, string csv, params string[] args)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, csv);
        return await GapsIntegrationTests.RunMonitorAsync(_database.ConnectionString, ["ingest", .. args, path]);
    }

    [Fact]
    public async Task PlekkenWithoutFeed_WhoseLocationsAFeedAlreadyHas_ExitsTwo_NamingThatFeed()
    {
        const string header = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n";
        var first = await IngestAsync("coa.csv", header + "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n", "--kind", "plekken", "--feed", "coa");
        Assert.True(first.Exit == 0, first.Stderr);

        var again = await IngestAsync("zonder-feed.csv", header + "2025-04-01,asiel,GM0014,G1,beschikbaar,300\n", "--kind", "plekken");
        Assert.Equal(2, again.Exit);
        Assert.Contains("zonder-feed.csv, regel 2: feed plekken is niet ingesteld", again.Stderr);
        Assert.Contains("Lever aan met --feed coa", again.Stderr);
        Assert.Equal(300L, await _database.Db.ScalarAsync<long>("SELECT sum(capaciteit) FROM monitor.plekken"));
    }

    [Fact]
    public async Task AFallingGehuisvest_ExitsZero_WithAWarningOnTheTerminal()
    {
        const string header = "peildatum,periode,gemeentecode,gehuisvest\n";
        Assert.Equal(0, (await IngestAsync("maart.csv", header + "2025-03-31,2025-H1,GM0014,100\n", "--kind", "huisvesting")).Exit);
        var april = await IngestAsync("april.csv", header + "2025-04-30,2025-H1,GM0014,90\n", "--kind", "huisvesting");
        Assert.Equal(0, april.Exit);
        Assert.Contains("Let op: april.csv, regel 2: gehuisvest van GM0014 in 2025-H1 daalt van 100 (peildatum 2025-03-31) naar 90", april.Stderr);
    }
}
