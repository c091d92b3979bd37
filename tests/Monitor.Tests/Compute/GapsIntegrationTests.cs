using System.Diagnostics;
using Monitor.Compute;
using Monitor.Tests.Support;
using Monitor.Cli;

namespace Monitor.Tests.Compute;

/// <summary>Sample feeds in, computation, <c>monitor gaps</c> out — checked against figures worked out here from the raw facts.</summary>
public sealed class GapsIntegrationTests(GapsIntegrationTests.Computed fixture) : IClassFixture<GapsIntegrationTests.Computed>
{
    public static readonly DateOnly AsOf = new(2025, 9, 15);

    public sealed class Computed : IAsyncLifetime
    {
        public SampleDatabase Database { get; } = new();
        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            await new ComputeService(Database.Db).RunAsync(full: true, [], AsOf);
        }
        public Task DisposeAsync() => Database.DisposeAsync();
    }

    private Npgsql.NpgsqlDataSource Db => fixture.Database.Db;

    /// <summary>The figure in force (latest publicatiedatum, later versie on a tie) plus agreements decided by the date.</summary>
    private async Task<int> OpgaveByHandAsync(string gemeente, string opgave, string periode, DateOnly d)
    {
        var basis = await Db.ScalarAsync<int>("""
            SELECT aantal FROM monitor.opgaven WHERE opgave = @opgave AND periode = @periode AND gebiedcode = @gemeente AND publicatiedatum <= @d
            ORDER BY publicatiedatum DESC, array_position(ARRAY['indicatief','verslag','verdeelbesluit','vastgesteld','bijstelling'], versie) DESC LIMIT 1
            """, new { opgave, periode, gemeente, d = d.ToDateTime(TimeOnly.MinValue) });
        var moved = await Db.ScalarAsync<long>("""
            SELECT coalesce(sum(CASE WHEN naar_gemeentecode = @gemeente THEN aantal ELSE -aantal END), 0) FROM monitor.afspraken
            WHERE opgave = @opgave AND periode_van <= @periode AND periode_tot >= @periode AND besluitdatum <= @d
              AND @gemeente IN (van_gemeentecode, naar_gemeentecode)
            """, new { opgave, periode, gemeente, d = d.ToDateTime(TimeOnly.MinValue) });
        return basis + (int)moved;
    }

    /// <summary>Per feed the latest snapshot on or before the date; available places whose planned dates include it.</summary>
    private Task<long> RealisedByHandAsync(string gemeente, string opgave, DateOnly d) => Db.ScalarAsync<long>("""
        SELECT coalesce(sum(p.capaciteit), 0) FROM monitor.plekken p
        JOIN (SELECT feed, max(peildatum) AS peildatum FROM monitor.plekken_snapshots WHERE peildatum <= @d GROUP BY feed) s USING (feed, peildatum)
        WHERE p.gemeentecode = @gemeente AND p.opgave = @opgave AND p.status = 'beschikbaar'
          AND (p.beschikbaar_vanaf IS NULL OR p.beschikbaar_vanaf <= @d) AND (p.beschikbaar_tot IS NULL OR p.beschikbaar_tot >= @d)
        """, new { gemeente, opgave, d = d.ToDateTime(TimeOnly.MinValue) });

    [Theory]
    [InlineData("GM0855", "asiel")]   // Tilburg: receives 100 asiel places from the Hart van Brabant verdeling
    [InlineData("GM0855", "amv")]
    [InlineData("GM1950", "asiel")]   // Westerwolde: Ter Apel, delivered under the pre-merger code GM0048
    [InlineData("GM0363", "asiel")]
    public async Task PlaceGaps_MatchTheFactsWorkedOutByHand(string gemeente, string opgave)
    {
        var opgaveAantal = await OpgaveByHandAsync(gemeente, opgave, "2024-2025", AsOf);
        var realised = (int)await RealisedByHandAsync(gemeente, opgave, AsOf);
        var row = Assert.Single(await new GapQuery(Db).ReadAsync([gemeente], [opgave], AsOf));
        Assert.Equal(opgaveAantal, row.OpgaveAantal);
        Assert.Equal(realised, row.Gerealiseerd);
        Assert.Equal(opgaveAantal - realised, row.Gap);
        Assert.Equal(Math.Max(opgaveAantal - realised, 0), row.Tekort);
        Assert.Equal(Math.Round(100m * realised / opgaveAantal, 2), row.RealisatiePct);
    }

    [Fact]
    public async Task Taakstelling_CarriesTheAchterstandOfEarlierHalfYears()
    {
        // Groningen (no agreements): due(h) = taakstelling(h) + achterstand(h−1), from 2024-H1 with nothing carried in.
        const string g = "GM0014";
        var carry = 0;
        foreach (var h in new[] { "2024-H1", "2024-H2", "2025-H1" })
        {
            var taak = await OpgaveByHandAsync(g, "taakstelling", h, AsOf);
            var housed = await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = @g AND periode = @h ORDER BY peildatum DESC LIMIT 1", new { g, h });
            carry = taak + carry - housed;
        }
        var due = await OpgaveByHandAsync(g, "taakstelling", "2025-H2", AsOf) + carry;
        var housedNow = await Db.ScalarAsync<int>("""
            SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = @g AND periode = '2025-H2' AND peildatum <= @d ORDER BY peildatum DESC LIMIT 1
            """, new { g, d = AsOf.ToDateTime(TimeOnly.MinValue) });

        var row = Assert.Single(await new GapQuery(Db).ReadAsync([g], ["taakstelling"], AsOf));
        Assert.Equal(due, row.OpgaveAantal);
        Assert.Equal(housedNow, row.Gerealiseerd);
        Assert.Equal(new DateOnly(2025, 12, 31), row.Deadline);
        Assert.NotNull(row.PrognoseMidden);
        Assert.True(row.PrognoseLaag <= row.PrognoseMidden && row.PrognoseMidden <= row.PrognoseHoog);
    }

    [Fact]
    public async Task Provincie_NetGapIsSumOfOpgaveMinusSumRealised_GrossShortfallIsSumOfMemberShortfalls()
    {
        var members = await Db.QueryAsync<(int? Opgave, int Realised, int? Tekort)>("""
            SELECT s.opgave_aantal, s.gerealiseerd, s.tekort FROM monitor.series s JOIN monitor.gemeenten_actueel g ON g.code = s.gebiedcode
            WHERE g.provinciecode = 'PV30' AND s.opgave = 'asiel' AND s.datum = @d
            """, new { d = AsOf.ToDateTime(TimeOnly.MinValue) });
        var pv = Assert.Single(await new GapQuery(Db).ReadAsync(["PV30"], ["asiel"], AsOf));
        Assert.Equal(members.Sum(m => m.Opgave) - members.Sum(m => m.Realised), pv.Gap);
        Assert.Equal(members.Sum(m => m.Tekort), pv.Tekort);
        Assert.True(pv.Tekort > pv.Gap, "with surpluses in some gemeenten the gross shortfall exceeds the net gap");
    }

    [Fact]
    public async Task GapsVerb_Csv_HasTheFixedHeaderAndOneRowPerAreaAndOpgave()
    {
        var (exit, stdout, stderr) = await RunMonitorAsync(fixture.Database.ConnectionString,
            "gaps", "--gemeente", "GM0855", "--provincie", "PV30", "--land", "--datum", "2025-09-15", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        // The 13 columns scripts rely on keep their names and order; the passed deadline's columns come after them.
        const string fixedColumns = "gebiedcode,gebiednaam,opgave,datum,opgave_aantal,gerealiseerd,gap,tekort,realisatie_pct,deadline,prognose_laag,prognose_midden,prognose_hoog";
        Assert.StartsWith(fixedColumns + ",", lines[0]);
        Assert.Equal(GapFormats.CsvHeader + GapFormats.CsvExtraColumns + "," + GapDeadlineColumns.CsvHeader, lines[0]);
        Assert.Equal(1 + 3 * 4, lines.Length);
        // 15 September 2025: 1 July 2025 has passed and stands beside today's figures.
        Assert.Equal(["2025-07-01", "2024-2025"], lines[1].Split(',')[14..16]);
        Assert.StartsWith("GM0855,Tilburg,asiel,2025-09-15,", lines[1]);
        Assert.StartsWith("NL,Nederland,taakstelling,2025-09-15,", lines[^1]);
    }

    [Fact]
    public async Task GapsVerb_DayNotComputed_SaysWhichDaysAre()
    {
        var (exit, _, stderr) = await RunMonitorAsync(fixture.Database.ConnectionString, "gaps", "--land", "--datum", "1-1-2023");
        Assert.Equal(1, exit);
        Assert.Matches(@"Geen cijfers voor 2023-01-01: doorgerekend is \d{4}-\d{2}-\d{2} t/m \d{4}-\d{2}-\d{2}\.", stderr);
    }

    [Fact]
    public async Task GapsVerb_UnknownArea_FailsWithAPlainMessage()
    {
        var (exit, _, stderr) = await RunMonitorAsync(fixture.Database.ConnectionString, "gaps", "--gemeente", "GM9999");
        Assert.Equal(1, exit);
        Assert.Contains("GM9999", stderr);
    }

    /// <summary>The real executable in its own process, pointed at this test's database through MONITOR_DB. A process
    /// that hangs is killed after five minutes and fails the test, rather than holding up the whole run.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunMonitorAsync(string connectionString, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["MONITOR_DB"] = connectionString;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await p.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            Assert.Fail($"monitor {string.Join(' ', args)} liep na 5 minuten nog:\n{await stdout}\n{await stderr}");
        }
        return (p.ExitCode, await stdout, await stderr);
    }
}
