using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>
/// A delivery without rows is refused: plekken and contacten deliveries are whole snapshots and lists, so loading
/// "nothing" would read as "every location closed" or "nobody to tell".
/// </summary>
public sealed class EmptyDeliveryTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n", "plekken.csv")]
    [InlineData("peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\r\n,,,,,\r\n\r\n", "plekken.csv")]
    [InlineData("[]", "plekken.json")]
    [InlineData("{\"rows\": []}", "plekken.json")]
    public async Task HeaderOnlyPlekken_IsRejected_AndTheSnapshotKeepsEveryLocation(string content, string fileName)
    {
        var snapshot = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n" +
                       "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n2025-03-01,asiel,GM0034,G2,beschikbaar,200\n";
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", snapshot, feed: "coa")).Outcome);

        var r = await Db.IngestTextAsync("plekken", content, fileName, "coa");

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        var problem = Assert.Single(r.Problems);
        Assert.Equal((fileName, (long?)null, (string?)null, DeliveryLoader.NoRows), (problem.File, problem.Line, problem.Column, problem.Message));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE feed = 'coa' AND status = 'beschikbaar'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken_snapshots WHERE feed = 'coa'"));
    }

    [Fact]
    public async Task HeaderOnlyContacten_IsRejected_AndEveryContactStays()
    {
        await Db.IngestTextAsync("contacten", "gebiedcode,rol,naam,email\nGM0014,college,College Groningen,college@groningen.example.org\n");

        var r = await Db.IngestTextAsync("contacten", "gebiedcode;rol;naam;email\r\n", "contacten-leeg.csv");

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Equal(DeliveryLoader.NoRows, Assert.Single(r.Problems).Message);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.contacten"));
    }
}
