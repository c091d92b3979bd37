using Monitor.Tests.Compute;
using Monitor.Tests.Support;

namespace Monitor.Tests.Cli;

/// <summary><c>monitor ingest</c> as an operator runs it: the real executable, its output and its exit codes.</summary>
public sealed class IngestVerbTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("monitor-cli-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<(int Exit, string Stdout, string Stderr)> Monitor(params string[] args) =>
        GapsIntegrationTests.RunMonitorAsync(_database.ConnectionString, args);

    [Fact]
    public async Task Accepted_ThenSameBytesAgain_BothExitZero_AndTheSecondSaysNothingChanged()
    {
        var path = Path.Combine(_dir, "huisvesting.csv");
        await File.WriteAllTextAsync(path, "peildatum;periode;gemeentecode;gehuisvest\n31-3-2025;2025-H1;14;1.020\n");

        var first = await Monitor("ingest", "--kind", "huisvesting", path);
        Assert.True(first.Exit == 0, first.Stderr);
        Assert.Contains("1 regels gelezen, 1 geladen", first.Stdout);

        var again = await Monitor("ingest", "--kind", "huisvesting", "--feed", "coa", path);
        Assert.Equal(0, again.Exit);
        Assert.Contains("dezelfde inhoud", again.Stdout);
        Assert.Equal(1020, await _database.Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
    }

    [Fact]
    public async Task Rejected_ExitsTwo_WithEveryProblemOnStderr()
    {
        var path = Path.Combine(_dir, "fout.csv");
        await File.WriteAllTextAsync(path, "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,-1\n2025-02-30,2025-H1,GM9999,5\n");
        var r = await Monitor("ingest", "--kind", "huisvesting", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("fout.csv, regel 2, kolom gehuisvest", r.Stderr);
        Assert.Contains("fout.csv, regel 3, kolom peildatum", r.Stderr);
        Assert.Contains("0 geladen", r.Stdout);
    }

    [Fact]
    public async Task OlderFileAgain_AfterANewerOne_IsAppliedAgainAsTheNewest_AndSaysSo()
    {
        var older = Path.Combine(_dir, "huisvesting-maart.csv");
        var newer = Path.Combine(_dir, "huisvesting-maart-fout.csv");
        await File.WriteAllTextAsync(older, "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,1020\n");
        await File.WriteAllTextAsync(newer, "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,102\n");
        Assert.Equal(0, (await Monitor("ingest", "--kind", "huisvesting", older)).Exit);
        Assert.Equal(0, (await Monitor("ingest", "--kind", "huisvesting", newer)).Exit);

        var again = await Monitor("ingest", "--kind", "huisvesting", older);

        Assert.True(again.Exit == 0, again.Stderr);
        Assert.Contains("Opnieuw toegepast als nieuwste: dezelfde inhoud als levering", again.Stdout);
        Assert.Equal(1020, await _database.Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
    }

    [Fact]
    public async Task ControlCharactersAndNul_AreARejection_ShownEscaped_AndLeaveNothingPending()
    {
        var path = Path.Combine(_dir, "stuurtekens.csv");
        await File.WriteAllTextAsync(path, "peildatum,periode,gemeentecode,gehuisvest,\u001b[2Jopmerking\n" +
                                           "2025-03-31,2025-H1,GM0014,1\u001b[2J0,x\n2025-03-31,2025-H1,GM0034,1\u00000,x\n");
        var r = await Monitor("ingest", "--kind", "huisvesting", path);

        Assert.Equal(2, r.Exit);
        Assert.Contains("stuurtekens.csv, regel 2, kolom gehuisvest: gehuisvest bevat het stuurteken \\u001b", r.Stderr);
        Assert.Contains("stuurtekens.csv, regel 3, kolom gehuisvest: gehuisvest bevat een NUL-teken (\\u0000)", r.Stderr);
        Assert.DoesNotContain('\u001b', r.Stderr + r.Stdout);
        Assert.Equal(0L, await _database.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.deliveries WHERE outcome = 'pending'"));
    }

    [Fact]
    public async Task MissingFileOrUnknownKind_ExitsOne()
    {
        Assert.Equal(1, (await Monitor("ingest", "--kind", "huisvesting", Path.Combine(_dir, "bestaat-niet.csv"))).Exit);
        var unknown = await Monitor("ingest", "--kind", "fietsen", Path.Combine(_dir, "x.csv"));
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("Onbekende soort", unknown.Stderr);
    }

    [Fact]
    public async Task DbMigrate_IsSafeToRepeat()
    {
        var r = await Monitor("db", "migrate");
        Assert.Equal(0, r.Exit);
        Assert.Contains("niets te doen", r.Stdout);
    }
}
