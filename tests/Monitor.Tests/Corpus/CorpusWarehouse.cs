using Monitor.Feeds;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Corpus;

/// <summary>
/// A warehouse with the reference data and a baseline of valid figures of every kind, shared by the cases of one test
/// class: each case compares the fingerprint before and after itself, so a rejection that changed anything shows, and
/// a figure an accepted case adds does not disturb the next case.
/// </summary>
public sealed class CorpusWarehouse : IAsyncLifetime
{
    public const string PlekkenFeed = "coa";

    private readonly TestDatabase _database = new();
    public NpgsqlDataSource Db => _database.Db;

    private static readonly (string Kind, string Feed, string Csv)[] Baseline =
    [
        ("opgave", "opgave", "opgave,versie,periode,gebiedcode,aantal,publicatiedatum\n" +
                             "asiel,verdeelbesluit,2024-2025,GM0014,500,2024-12-31\ntaakstelling,vastgesteld,2025-H1,GM0014,120,2024-12-01\n"),
        ("plekken", PlekkenFeed, "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n" +
                                 "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n2025-03-01,asiel,GM0034,G2,beschikbaar,200\n"),
        ("huisvesting", "huisvesting", "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,100\n"),
        ("afspraken", "afspraken", "afspraakcode,soort,opgave,van_gemeentecode,naar_gemeentecode,aantal,periode_van,periode_tot,besluitdatum\n" +
                                   "AFS-1,herverdeling,asiel,GM0014,GM0034,50,2024-2025,2024-2025,2024-10-01\n"),
        ("contacten", "contacten", "gebiedcode,rol,naam,email\nGM0014,college,College Groningen,college@groningen.example.org\n" +
                                   "PV20,prt,PRT Groningen,prt@groningen.example.org\n"),
        ("regios", "regios", "regiocode,regionaam,gemeentecode\nRGR,Regio Groningen,GM0014\nRGR,Regio Groningen,GM0037\n"),
    ];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Db.LoadReferenceDataAsync();
        foreach (var (kind, feed, csv) in Baseline)
        {
            var result = await Db.IngestTextAsync(kind, csv, $"basis-{kind}.csv", feed);
            Assert.True(result.Outcome == IngestOutcome.Accepted, $"basis {kind}: {string.Join("; ", result.Problems)}");
        }
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
