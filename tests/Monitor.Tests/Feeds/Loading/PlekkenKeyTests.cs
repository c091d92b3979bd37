using Dapper;
using System.Text;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>
/// monitor.plekken has no primary key since migration 0007 (it cost more than the rows themselves at national scale);
/// its key (feed, peildatum, opgave, locatiecode, gemeentecode) is kept unique by the loader. These tests drive every
/// path that writes the table and check the key after each, and check that what the COPY carries (text, escaped)
/// and what is kept beside it (the raw bytes, stored in parallel) arrive intact.
/// </summary>
public sealed class PlekkenKeyTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Header = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n";

    private Task<long> DuplicateKeysAsync() => Db.ScalarAsync<long>("""
        SELECT count(*) FROM (SELECT 1 FROM monitor.plekken GROUP BY feed, peildatum, opgave, locatiecode, gemeentecode HAVING count(*) > 1) d
        """);

    private static bool Staged(IngestResult r) => r.Phases.Any(p => p.Name == "stage");

    [Fact]
    public async Task TheKeyStaysUnique_OnEveryPathThatWritesPlekken()
    {
        async Task Load(string rows, bool staged, string feed = "coa", string file = "levering.csv")
        {
            var r = await Db.IngestTextAsync("plekken", Header + rows, file, feed);
            Assert.Equal(IngestOutcome.Accepted, r.Outcome);
            Assert.Equal(staged, Staged(r));
            Assert.Equal(0L, await DuplicateKeysAsync());
        }

        // New dates, straight in; the same location under another opgave is another key.
        await Load("2025-03-01,asiel,GM0014,G1,beschikbaar,300\n2025-03-01,asiel,GM0014,G2,beschikbaar,100\n2025-03-01,amv,GM0014,G1,beschikbaar,20\n" +
                   "2025-03-02,asiel,GM0014,G1,beschikbaar,300\n", staged: false);
        // The same location and date in another feed: another key, also straight in.
        await Load("2025-03-01,asiel,GM0014,G1,beschikbaar,300\n", staged: false, feed: "provincie");
        // A known date again (a correction): the snapshot is replaced, not added to.
        await Load("2025-03-01,asiel,GM0014,G1,beschikbaar,350\n2025-03-01,asiel,GM0014,G2,beschikbaar,100\n", staged: true, file: "correctie.csv");
        // A key twice with the same figures, and a date that comes back: staged, deduplicated.
        await Load("2025-03-03,asiel,GM0014,G1,beschikbaar,300\n2025-03-03,asiel,GM0014,G1,beschikbaar,300\n", staged: true, file: "dubbel.csv");
        await Load("2025-03-04,asiel,GM0014,G1,beschikbaar,300\n2025-03-05,asiel,GM0014,G1,beschikbaar,300\n2025-03-04,asiel,GM0014,G2,beschikbaar,10\n",
            staged: true, file: "terug.csv");
        // A code split by a herindeling (GM0053 in 2019, over GM1966 and GM1969 in the shipped herindelingen) fans
        // out over distinct successors, in both paths.
        await Load("2025-03-06,asiel,GM0053,G9,beschikbaar,90\n", staged: false, file: "gesplitst.csv");
        await Load("2025-03-06,asiel,GM0053,G9,beschikbaar,91\n", staged: true, file: "gesplitst-correctie.csv");

        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE feed = 'coa' AND peildatum = '2025-03-01' AND opgave = 'asiel'"));
        Assert.Equal(350, await Db.ScalarAsync<int>("SELECT capaciteit FROM monitor.plekken WHERE feed = 'coa' AND peildatum = '2025-03-01' AND opgave = 'asiel' AND locatiecode = 'G1'"));
        Assert.True(await Db.ScalarAsync<long>("SELECT count(DISTINCT gemeentecode) FROM monitor.plekken WHERE locatiecode = 'G9'") > 1);
    }

    [Fact]
    public async Task TwoLoadsOfTheSameNewDate_AtOnce_LeaveOneSnapshot()
    {
        // Both find the date new when they start; one load of a kind at a time means the second sees it as known.
        var a = Db.IngestTextAsync("plekken", Header + "2025-04-01,asiel,GM0014,G1,beschikbaar,300\n2025-04-01,asiel,GM0014,G2,beschikbaar,50\n", "a.csv", "coa");
        var b = Db.IngestTextAsync("plekken", Header + "2025-04-01,asiel,GM0014,G1,beschikbaar,310\n2025-04-01,asiel,GM0014,G2,beschikbaar,50\n", "b.csv", "coa");
        var results = await Task.WhenAll(a, b);

        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
        Assert.Single(results, Staged);
        Assert.Equal(0L, await DuplicateKeysAsync());
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE peildatum = '2025-04-01'"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NamesWithTabsNewlinesAndBackslashes_ArriveAsDelivered(bool staged)
    {
        var names = new[] { "AZC \"De Haven\", Groningen", "tab\there", "regel1\nregel2", "C:\\opvang\\nieuw", "\\N", "a\r\nb", "ë € 日本" };
        var csv = new StringBuilder("peildatum,opgave,gemeentecode,locatiecode,locatienaam,status,capaciteit\n");
        for (var i = 0; i < names.Length; i++)
            csv.Append($"2025-05-01,asiel,GM0014,L{i},\"{names[i].Replace("\"", "\"\"")}\",beschikbaar,{i}\n");
        // The staged path: the date is known to the feed, so the whole delivery is merged.
        if (staged) await Db.IngestTextAsync("plekken", Header + "2025-05-01,asiel,GM0014,L0,beschikbaar,1\n", "eerst.csv");

        var r = await Db.IngestTextAsync("plekken", csv.ToString(), "namen.csv");

        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        Assert.Equal(staged, Staged(r));
        var stored = (await Db.QueryAsync<(string Code, string? Naam)>("SELECT locatiecode, locatienaam FROM monitor.plekken ORDER BY capaciteit"))
            .ToList();
        Assert.Equal(names.Select((n, i) => ($"L{i}", (string?)n)), stored.Select(s => (s.Code, s.Naam)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheBlockRangeIndex_IsSummarisedByTheLoad_SoQueriesSkipOtherDays(bool staged)
    {
        // Enough rows for many block ranges (16 pages each), over 20 days.
        string Day(int d, int capacity) => string.Concat(Enumerable.Range(1, 1500).Select(i => $"2025-06-{d:00},asiel,GM0014,L{i},beschikbaar,{capacity}\n"));
        var days = string.Concat(Enumerable.Range(1, 20).Select(d => Day(d, 10)));
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", Header + days, "juni.csv")).Outcome);
        if (staged)
        {
            var correction = await Db.IngestTextAsync("plekken", Header + Day(5, 11), "correctie.csv");
            Assert.True(Staged(correction));
        }

        // Nothing left for PostgreSQL to summarise: the load did it.
        Assert.Equal(0, await Db.ScalarAsync<int>("SELECT brin_summarize_new_values('monitor.plekken_peildatum_delivery'::regclass)"));
        await using var conn = await Db.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SET enable_seqscan = off;
            EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM monitor.plekken WHERE feed = 'plekken' AND peildatum = '2025-06-20'
            """, conn);
        var plan = (string)(await cmd.ExecuteScalarAsync())!;
        // One day of twenty: the bitmap reads a fraction of the table's pages, not all of them.
        var pages = await Db.ScalarAsync<long>("SELECT pg_relation_size('monitor.plekken') / current_setting('block_size')::int");
        var read = System.Text.RegularExpressions.Regex.Matches(plan, "\"(Exact|Lossy) Heap Blocks\": (\\d+)").Sum(m => long.Parse(m.Groups[2].Value));
        Assert.InRange(read, 1, pages / 4);
    }

    [Fact]
    public async Task WhenTheBytesCannotBeStored_TheLoadFails_AndNothingIsAccepted()
    {
        // The bytes go in on their own connection beside the rows; a failure there must undo the whole delivery.
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            CREATE FUNCTION monitor.test_weiger_bytes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'schijf vol'; END $$;
            CREATE TRIGGER weiger_bytes BEFORE INSERT ON monitor.delivery_payloads FOR EACH ROW EXECUTE FUNCTION monitor.test_weiger_bytes();
            """);
        var rows = Header + string.Concat(Enumerable.Range(1, 3000).Select(i => $"2025-07-01,asiel,GM0014,L{i},beschikbaar,{i}\n"));

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Db.IngestTextAsync("plekken", rows));
        Assert.Contains("schijf vol", error.Message);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken_snapshots"));
        Assert.Equal(["pending"], (await Db.QueryAsync<string>("SELECT outcome FROM monitor.deliveries WHERE kind = 'plekken'")).ToList());

        // Once the bytes can be stored again, the same file takes the pending delivery over and completes it.
        await conn.ExecuteAsync("DROP TRIGGER weiger_bytes ON monitor.delivery_payloads");
        var retry = await Db.IngestTextAsync("plekken", rows);
        Assert.Equal(IngestOutcome.Accepted, retry.Outcome);
        Assert.Equal(3000L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken"));
        Assert.Equal(["accepted"], (await Db.QueryAsync<string>("SELECT outcome FROM monitor.deliveries WHERE kind = 'plekken'")).ToList());
    }

    [Fact]
    public async Task TheRawBytes_AreKept_ForAcceptedAndRejectedDeliveries()
    {
        var good = Header + string.Concat(Enumerable.Range(1, 5000).Select(i => $"2025-06-01,asiel,GM0014,L{i},beschikbaar,{i}\n"));
        var bad = Header + "2025-06-02,asiel,GM9999,L1,beschikbaar,1\n";
        foreach (var (content, outcome) in new[] { (good, IngestOutcome.Accepted), (bad, IngestOutcome.Rejected) })
        {
            var r = await Db.IngestTextAsync("plekken", content);
            Assert.Equal(outcome, r.Outcome);
            using var kept = new MemoryStream();
            await new DeliveryStore(Db).CopyPayloadToAsync(r.DeliveryId, kept, default);
            Assert.Equal(content, Encoding.UTF8.GetString(kept.ToArray()));
        }
    }
}
