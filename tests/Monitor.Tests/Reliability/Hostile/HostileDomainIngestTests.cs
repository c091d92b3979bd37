using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Feeds.Loading;
using Monitor.Tests.Support;
using Npgsql;
using Monitor.Cli;

namespace Monitor.Tests.Reliability.Hostile;

/// <summary>
/// Issue 12 points 2–5 and issue 11.5 on the real PostgreSQL: deliveries that are accepted today although they corrupt
/// figures are refused (or accepted as a correction with a warning and a finding), and contested figures are stored,
/// shown and counted as FEEDS.md says. Each test starts from the 342 gemeenten and the herindelingen 2018–2023.
/// </summary>
public sealed class HostileDomainIngestTests : IAsyncLifetime
{
    private static readonly FixedUtcClock Today = new("2026-12-03T12:00:00Z");
    private readonly ReferenceDatabase _database = new();
    private NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<IngestResult> IngestAsync(string kind, string csv, string? feed = null) =>
        Db.IngestTextAsync(kind, csv, kind + ".csv", feed, clock: Today);

    private async Task<IngestResult> AcceptedAsync(string kind, string csv, string? feed = null)
    {
        var r = await IngestAsync(kind, csv, feed);
        Assert.True(r.Outcome == IngestOutcome.Accepted, $"{kind}: {string.Join("\n", r.Problems)}");
        return r;
    }

    private async Task RejectedAsync(string kind, string csv, string fragment, long? line, string? column = null, string? feed = null)
    {
        var before = await Db.FingerprintAsync();
        var r = await IngestAsync(kind, csv, feed);
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        var problem = r.Problems.FirstOrDefault(p => p.Message.Contains(fragment))
                      ?? throw new Xunit.Sdk.XunitException($"geen probleem met \"{fragment}\"; wel:\n{string.Join("\n", r.Problems)}");
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Equal(before, await Db.FingerprintAsync());
    }

    private const string Plekken = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n";
    private const string Opgave = "opgave,versie,periode,gebiedcode,aantal,publicatiedatum,rechtsstatus,bron\n";

    // ── 12.2 ──────────────────────────────────────────────────────────────────────────────────────────────────
    [Fact]
    public async Task ALocatiecodeDifferingOnlyInCase_IsTheSameLocation()
    {
        // Same figures twice: one location of 150, not 300.
        await AcceptedAsync("plekken", Plekken + "2025-03-01,asiel,GM0014,AZC-1,beschikbaar,150\n2025-03-01,asiel,GM0014,azc-1,beschikbaar,150\n", "coa");
        Assert.Equal(150L, await Db.ScalarAsync<long>("SELECT sum(capaciteit) FROM monitor.plekken WHERE feed = 'coa'"));
        Assert.Equal("AZC-1", await Db.ScalarAsync<string>("SELECT locatiecode FROM monitor.plekken WHERE feed = 'coa'"));
        // Different figures: a duplicate, refused (150 places do not become 650).
        await RejectedAsync("plekken", Plekken + "2025-04-01,asiel,GM0014,AZC-1,beschikbaar,150\n2025-04-01,asiel,GM0014,Azc-1,beschikbaar,500\n",
            "locatie AZC-1 (asiel) staat er op 2025-04-01 meer dan eens in met verschillende gegevens (regels 2, 3)", 2, feed: "coa");
    }

    [Fact]
    public async Task AZeroWidthSpaceInACode_IsRefused_AndTheMessageShowsIt()
    {
        await RejectedAsync("plekken", Plekken + "2025-03-01,asiel,GM0014,AZC-1,beschikbaar,150\n2025-03-01,asiel,GM0014,AZC-1\u200b,beschikbaar,500\n",
            "'AZC-1\\u200b' bevat een onzichtbaar teken of stuurteken (\\u200b)", 3, "locatiecode", "coa");
        await RejectedAsync("regios", "regiocode,regionaam,gemeentecode\nR\u200bGR,Regio,GM0014\n", "\\u200b", 2, "regiocode");
    }

    // ── 12.3 ──────────────────────────────────────────────────────────────────────────────────────────────────
    [Fact]
    public async Task AMergerAnnouncedForTheFuture_LeavesTheOldGemeentesFiguresWhole_AndGapsWorks()
    {
        await AcceptedAsync("herindelingen", "datum,oude_gemeentecode,nieuwe_gemeentecode\n2099-01-01,GM0037,GM0047\n");
        await AcceptedAsync("plekken", Plekken + "2026-12-01,asiel,GM0037,STK-1,beschikbaar,100\n", "coa");

        // Not split 50/50 over Stadskanaal and Veendam: all 100 places stay with Stadskanaal until the merger.
        Assert.Equal([("GM0037", "GM0037", 100)], await Db.QueryAsync<(string, string, int)>(
            "SELECT gemeentecode, bron_gemeentecode, capaciteit FROM monitor.plekken WHERE locatiecode = 'STK-1'"));
        Assert.Equal(["GM0037"], await new GapQuery(Db).ResolveAsync(["GM0037"], null, [], false));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.gemeente_code_map WHERE bron_code = 'GM0037'"));
    }

    [Fact]
    public async Task FiguresDatedBeforeAHerindeling_StayWithTheOldCode_AndCountForTheSuccessorOnceItHasHappened()
    {
        // Stadskanaal merged into Veendam on 1 January 2026 (made up): a snapshot of 2025 keeps Stadskanaal's code,
        // one of 2026 is mapped; the analysis (today, after the merger) counts both under Veendam.
        await AcceptedAsync("herindelingen", "datum,oude_gemeentecode,nieuwe_gemeentecode\n2026-01-01,GM0037,GM0047\n");
        await AcceptedAsync("plekken", Plekken + "2025-12-01,asiel,GM0037,STK-1,beschikbaar,100\n2025-12-01,asiel,GM0047,VDM-1,beschikbaar,40\n", "coa");
        await AcceptedAsync("plekken", Plekken + "2026-02-01,asiel,GM0037,STK-2,beschikbaar,60\n", "gemeente");
        Assert.Equal([("STK-1", "GM0037"), ("STK-2", "GM0047"), ("VDM-1", "GM0047")], await Db.QueryAsync<(string, string)>(
            "SELECT locatiecode, gemeentecode FROM monitor.plekken ORDER BY locatiecode"));

        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2026, 3, 1));
        Assert.Equal(200, await Db.ScalarAsync<int>(
            "SELECT gerealiseerd FROM monitor.series WHERE gebiedcode = 'GM0047' AND opgave = 'asiel' AND datum = '2026-03-01'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series WHERE gebiedcode = 'GM0037'"));
    }

    [Fact]
    public async Task HerindelingenThatLoop_AreRefused_InOneDeliveryOrAcrossTwo()
    {
        await RejectedAsync("herindelingen", "datum,oude_gemeentecode,nieuwe_gemeentecode\n2026-01-01,GM0037,GM0047\n2026-01-01,GM0047,GM0037\n",
            "de keten van herindelingen vanaf GM0037 eindigt niet: GM0037 → GM0047 → GM0037 komt terug bij GM0037", 2);
        await AcceptedAsync("herindelingen", "datum,oude_gemeentecode,nieuwe_gemeentecode\n2026-01-01,GM0037,GM0047\n");
        await RejectedAsync("herindelingen", "datum,oude_gemeentecode,nieuwe_gemeentecode\n2026-06-01,GM0014,GM0037\n2026-06-01,GM0047,GM0014\n",
            "eindigt niet", 2);
        // Both gemeenten are still there.
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.gemeenten_actueel WHERE code IN ('GM0014', 'GM0047')"));
    }

    // ── 12.4 ──────────────────────────────────────────────────────────────────────────────────────────────────
    [Fact]
    public async Task AnEarlierStagePublishedAfterALaterOne_IsRefused_UnlessItIsACorrection()
    {
        await AcceptedAsync("opgave", Opgave + "asiel,indicatief,2024-2025,GM0014,150,2024-01-24,,\nasiel,verdeelbesluit,2024-2025,GM0014,230,2024-12-31,,\n");
        await RejectedAsync("opgave", Opgave + "asiel,indicatief,2024-2025,GM0014,999,2025-02-01,,\n",
            "een eerder stadium (indicatief, gepubliceerd 2025-02-01) kan na een later stadium (verdeelbesluit, gepubliceerd 2024-12-31) niet meer gelden", 2);
        // As a correction it is accepted: it replaces the indicative figure where that counted, not the verdeelbesluit.
        await AcceptedAsync("opgave", Opgave + "asiel,indicatief,2024-2025,GM0014,999,2025-02-01,gecorrigeerd,brief 2025-02\n");
        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2025, 3, 1));
        Assert.Equal([999, 230], await Db.QueryAsync<int>(
            "SELECT opgave_aantal FROM monitor.series WHERE gebiedcode = 'GM0014' AND opgave = 'asiel' AND datum IN ('2024-06-01', '2025-03-01') ORDER BY datum"));
    }

    [Fact]
    public async Task ATaakstellingRaisedDuringItsHalfYear_IsRefused_LoweredIsAccepted()
    {
        await AcceptedAsync("opgave", Opgave + "taakstelling,vastgesteld,2025-H2,GM0014,120,2025-06-15,,\n");
        await RejectedAsync("opgave", Opgave + "taakstelling,bijstelling,2025-H2,GM0014,150,2025-09-01,,\n",
            "de taakstelling 2025-H2 van GM0014 gaat tijdens het halfjaar omhoog: van 120 (vastgesteld, 2025-06-15) naar 150", 2);
        await AcceptedAsync("opgave", Opgave + "taakstelling,bijstelling,2025-H2,GM0014,100,2025-09-01,,\n");
        // Before the half year starts it may still go up.
        await AcceptedAsync("opgave", Opgave + "taakstelling,vastgesteld,2026-H1,GM0014,80,2025-11-01,,\ntaakstelling,bijstelling,2026-H1,GM0014,95,2025-12-01,,\n");
    }

    [Fact]
    public async Task APublicatiedatumAfterToday_IsRefused()
    {
        await RejectedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,230,2062-01-01,,\n",
            "publicatiedatum 2062-01-01 ligt in de toekomst", 2, "publicatiedatum");
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,230,2026-12-03,,\n");
    }

    [Fact]
    public async Task AnAgreementMovingMoreThanTheOpgave_IsRefusedWhenTheFigureIsKnown_AndNeverAppliedWhenItArrivesLater()
    {
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,100,2024-12-31,,\n");
        const string header = "afspraakcode,soort,opgave,van_gemeentecode,naar_gemeentecode,aantal,periode_van,periode_tot,besluitdatum\n";
        await RejectedAsync("afspraken", header + "GR-1,herverdeling,asiel,GM0014,GM0037,5000,2024-2025,2024-2025,2025-01-15\n",
            "afspraak GR-1 verschuift meer asiel van GM0014 weg dan die gemeente heeft: opgave 100 (2024-2025), na de afspraken -4900", 2);

        // Veendam has no figure yet: the agreement is accepted; when the figure comes, the compute run does not apply it.
        var deal = await AcceptedAsync("afspraken", header + "GR-2,herverdeling,asiel,GM0047,GM0037,5000,2024-2025,2024-2025,2025-01-15\n");
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0047,100,2024-12-31,,\n");
        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2025, 3, 1));
        Assert.Equal(100, await Db.ScalarAsync<int>("SELECT opgave_aantal FROM monitor.series WHERE gebiedcode = 'GM0047' AND opgave = 'asiel' AND datum = '2025-03-01'"));
        Assert.Contains("niet toegepast", await Db.ScalarAsync<string>(
            "SELECT bericht FROM monitor.findings WHERE soort = 'AfspraakNegatieveOpgave' AND afspraakcode = 'GR-2'"));
        Assert.NotEqual(0, deal.DeliveryId);
    }

    [Fact]
    public async Task ACumulativeGehuisvestThatFalls_IsAcceptedAsACorrection_WithAWarningAndAFinding()
    {
        await AcceptedAsync("huisvesting", "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,100\n");
        var r = await AcceptedAsync("huisvesting", "peildatum,periode,gemeentecode,gehuisvest\n2025-04-30,2025-H1,GM0014,90\n");
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains("gehuisvest van GM0014 in 2025-H1 daalt van 100 (peildatum 2025-03-31) naar 90 (peildatum 2025-04-30)", warning.Message);
        Assert.Equal(90, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE peildatum = '2025-04-30'"));

        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2025, 5, 1));
        Assert.Contains("daalt van 100 (2025-03-31) naar 90 (2025-04-30)", await Db.ScalarAsync<string>(
            "SELECT bericht FROM grafana.bevindingen WHERE soort = 'GehuisvestGecorrigeerd' AND gebiedcode = 'GM0014'"));
        // Rising again is no remark.
        Assert.Empty((await AcceptedAsync("huisvesting", "peildatum,periode,gemeentecode,gehuisvest\n2025-05-31,2025-H1,GM0014,95\n")).Warnings);
    }

    // ── 12.5 ──────────────────────────────────────────────────────────────────────────────────────────────────
    [Fact]
    public async Task AFirstDeliveryUnderAnUnconfiguredFeedName_WithAnotherFeedsLocations_IsRefusedNamingThatFeed()
    {
        await AcceptedAsync("plekken", Plekken + "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n2025-03-01,asiel,GM0034,G2,beschikbaar,200\n", "coa");
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitor-feed-").FullName, "plekken.csv");
        await File.WriteAllTextAsync(path, Plekken + "2025-04-01,asiel,GM0014,G1,beschikbaar,300\n2025-04-01,asiel,GM0014,G9,beschikbaar,10\n");
        Task<IngestResult> Load(string feed, bool unconfigured) =>
            new DeliveryLoader(Db, Today).IngestAsync(new IngestRequest(path, "plekken", feed, path) { UnconfiguredFeed = unconfigured });

        var before = await Db.FingerprintAsync();
        var typo = await Load("plekken", unconfigured: true);
        Assert.Equal(IngestOutcome.Rejected, typo.Outcome);
        var problem = Assert.Single(typo.Problems);
        Assert.Contains("feed plekken is niet ingesteld en zou een tweede reeks beginnen, maar 1 van deze locaties (G1) staan al in de huidige " +
                        "momentopname van feed coa; ze zouden dubbel tellen. Lever aan met --feed coa", problem.Message);
        Assert.Equal(2, problem.Line);
        Assert.Equal(before, await Db.FingerprintAsync());

        // The configured feed itself takes it.
        Assert.Equal(IngestOutcome.Accepted, (await Load("coa", unconfigured: false)).Outcome);
        Assert.Equal(310L, await Db.ScalarAsync<long>("SELECT sum(capaciteit) FROM monitor.plekken WHERE peildatum = '2025-04-01'"));
    }

    [Fact]
    public async Task AnUnconfiguredFeedName_WithLocationsOfItsOwn_IsAccepted()
    {
        await AcceptedAsync("plekken", Plekken + "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n", "coa");
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitor-feed-").FullName, "eigen.csv");
        await File.WriteAllTextAsync(path, Plekken + "2025-04-01,asiel,GM0034,EIGEN-1,beschikbaar,20\n");
        var r = await new DeliveryLoader(Db, Today).IngestAsync(new IngestRequest(path, "plekken", "almere", path) { UnconfiguredFeed = true });
        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
    }

    // ── 11.5 ──────────────────────────────────────────────────────────────────────────────────────────────────
    [Fact]
    public async Task ACorrectedFigure_ReplacesTheEarlierOneAsIfItNeverCounted_RecordedAsARevision_AndTheSeriesAreRecomputed()
    {
        // A ministerial letter gave a wrong figure (3.362); the correction (1.003) replaces it from the letter's date.
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,3362,2025-02-01,,brief 2025-02-01\n");
        var compute = new ComputeService(Db);
        await compute.RunAsync(full: true, [], new DateOnly(2025, 4, 1));
        Assert.Equal(3362, await Db.ScalarAsync<int>("SELECT opgave_aantal FROM monitor.series WHERE gebiedcode = 'GM0014' AND opgave = 'asiel' AND datum = '2025-02-15'"));

        var correction = await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,1003,2025-03-10,gecorrigeerd,Stcrt. 2025-1234\n");
        var revision = (await Db.QueryAsync<(string Old, string New, long By)>("""
            SELECT old_value::text, new_value::text, new_delivery_id FROM monitor.fact_revisions
            WHERE kind = 'opgave' AND fact_key ->> 'publicatiedatum' = '2025-02-01'
            """)).Single();
        Assert.Equal(correction.DeliveryId, revision.By);
        Assert.Contains("3362", revision.Old);
        Assert.Contains("\"rechtsstatus\": \"gecorrigeerd\"", revision.New);

        var run = await compute.RunAsync(full: false, [correction.DeliveryId], new DateOnly(2025, 4, 1));
        Assert.Equal(new DateOnly(2025, 2, 1), run!.From);
        Assert.Equal(1003, await Db.ScalarAsync<int>("SELECT opgave_aantal FROM monitor.series WHERE gebiedcode = 'GM0014' AND opgave = 'asiel' AND datum = '2025-02-15'"));
        Assert.Equal((3362, 1003), (await Db.QueryAsync<(int, int)>(
            "SELECT oud_opgave_aantal, nieuw_opgave_aantal FROM monitor.series_revisions WHERE gebiedcode = 'GM0014' AND datum = '2025-02-15'")).Single());
        Assert.Equal([("ja", "gecorrigeerd", 1003), ("nee (gecorrigeerd)", "vastgesteld", 3362)], await Db.QueryAsync<(string, string, int)>(
            "SELECT telt_mee, rechtsstatus, aantal FROM grafana.opgave_versies WHERE gebiedcode = 'GM0014' ORDER BY telt_mee"));
    }

    [Fact]
    public async Task AFigureInBezwaar_CountsAndIsMarked_InGapsAndInTheStatusView()
    {
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,230,2024-12-31,in_bezwaar,Stcrt. 2024-999\n");
        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2025, 3, 1));
        var row = Assert.Single(await new GapQuery(Db).ReadAsync(["GM0014"], ["asiel"], new DateOnly(2025, 3, 1)));
        Assert.Equal((230, "in_bezwaar", "Stcrt. 2024-999"), (row.OpgaveAantal, row.Rechtsstatus, row.Bron));
        Assert.Contains("\"rechtsstatus\": \"in_bezwaar\"", GapFormats.Json([row]));
        Assert.Equal(("in_bezwaar", "Stcrt. 2024-999", true), (await Db.QueryAsync<(string, string, bool)>(
            "SELECT rechtsstatus, bron, gemarkeerd FROM grafana.opgave_status WHERE gebiedcode = 'GM0014' AND opgave = 'asiel'")).Single());
    }

    [Fact]
    public async Task AWithdrawnFigure_StopsCountingFromItsDate_TheOneBeforeItCountsAgain()
    {
        await AcceptedAsync("opgave", Opgave + "asiel,indicatief,2024-2025,GM0014,150,2024-01-24,,\nasiel,verdeelbesluit,2024-2025,GM0014,230,2024-12-31,,\n");
        await AcceptedAsync("opgave", Opgave + "asiel,verdeelbesluit,2024-2025,GM0014,230,2025-03-01,ingetrokken,uitspraak rechter\n");
        await new ComputeService(Db).RunAsync(full: true, [], new DateOnly(2025, 4, 1));
        Assert.Equal([230, 150], await Db.QueryAsync<int>(
            "SELECT opgave_aantal FROM monitor.series WHERE gebiedcode = 'GM0014' AND opgave = 'asiel' AND datum IN ('2025-02-28', '2025-03-01') ORDER BY datum"));
    }
}
