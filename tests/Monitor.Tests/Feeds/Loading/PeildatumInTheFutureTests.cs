using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>
/// A peildatum may lie one day ahead (a feed that runs just before midnight); beyond that it is refused. "Today" is the
/// date in Amsterdam: at 00:30 on 1 July Dutch time a UTC server still says 30 June.
/// </summary>
public sealed class PeildatumInTheFutureTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam.
    private Task<IngestResult> LoadAsync(string peildatum) => _database.Db.IngestTextAsync("plekken",
        $"peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n{peildatum},asiel,GM0014,G1,beschikbaar,300\n",
        feed: "coa", clock: new FixedUtcClock("2025-06-30T22:30:00Z"));

    [Fact]
    public async Task TheDayAfterTodayInAmsterdam_IsAccepted() =>
        Assert.Equal(IngestOutcome.Accepted, (await LoadAsync("2025-07-02")).Outcome);

    [Fact]
    public async Task TwoDaysAhead_IsRefused_WithTheReason()
    {
        var r = await LoadAsync("2025-07-03");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains(r.Problems, p => p.Column == "peildatum" && p.Message.Contains("ligt in de toekomst"));
    }
}
