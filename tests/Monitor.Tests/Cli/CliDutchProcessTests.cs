using Monitor.Tests.Compute;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Cli;

/// <summary>What a person reads from the real executable when the command line or the database is wrong: Dutch, with the
/// setting to check, never the password; and the old English option names still work.</summary>
public sealed class CliDutchProcessTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<(int Exit, string Stdout, string Stderr)> Monitor(string cs, params string[] args) => GapsIntegrationTests.RunMonitorAsync(cs, args);

    [Fact]
    public async Task NoVerb_DutchErrorAndHelp()
    {
        var r = await Monitor(_database.ConnectionString);
        Assert.Equal(1, r.Exit);
        Assert.Contains("Kies een opdracht", r.Stderr);
        Assert.Contains("Gebruik:", r.Stdout);
        Assert.Contains("Opdrachten:", r.Stdout);
        Assert.DoesNotContain("Usage:", r.Stdout + r.Stderr);
        Assert.DoesNotContain("Required command", r.Stdout + r.Stderr);
    }

    [Fact]
    public async Task MissingRequiredOption_NamesTheDutchOption()
    {
        var r = await Monitor(_database.ConnectionString, "ingest", "x.csv");
        Assert.Equal(1, r.Exit);
        Assert.Contains("Optie --soort is verplicht.", r.Stderr);
        Assert.Contains("Opties:", r.Stdout);
    }

    [Fact]
    public async Task OldAndNewOptionNames_GiveTheSameResult()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitor-alias-").FullName, "huisvesting.csv");
        await File.WriteAllTextAsync(path, "peildatum;periode;gemeentecode;gehuisvest\n31-3-2025;2025-H1;14;20\n");
        var dutch = await Monitor(_database.ConnectionString, "ingest", "--soort", "huisvesting", path);
        Assert.True(dutch.Exit == 0, dutch.Stderr);
        var english = await Monitor(_database.ConnectionString, "ingest", "--kind", "huisvesting", path);
        Assert.True(english.Exit == 0, english.Stderr);
        Assert.Contains("dezelfde inhoud", english.Stdout);
    }

    [Fact]
    public async Task HelpOfAVerb_WithTheWarehouseOutOfReach_IsJustTheHelp()
    {
        // gaps has the warehouse opened while its command line is parsed (MonitorContext.StartOpening): a help request
        // that never needs it shows the help, and the failed opening says nothing.
        var cs = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = 1 }.ConnectionString;
        var r = await Monitor(cs, "gaps", "--help");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Gebruik:", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public async Task ClosedPort_NamesHostPortAndSetting()
    {
        var cs = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = 1, Password = "zeer-geheim-1" }.ConnectionString;
        var r = await Monitor(cs, "gaps");
        Assert.Equal(1, r.Exit);
        Assert.Contains("Geen PostgreSQL bereikbaar op 127.0.0.1:1", r.Stderr);
        Assert.Contains("MONITOR_DB", r.Stderr);
        Assert.DoesNotContain("zeer-geheim-1", r.Stderr + r.Stdout);
        Assert.DoesNotContain("Failed to connect", r.Stderr);
    }

    [Fact]
    public async Task WrongPassword_SaysSoInDutch_WithoutThePassword()
    {
        var cs = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = "fout-wachtwoord-7" }.ConnectionString;
        var r = await Monitor(cs, "gaps");
        Assert.Equal(1, r.Exit);
        Assert.Contains("gebruikersnaam of wachtwoord klopt niet", r.Stderr);
        Assert.Contains("MONITOR_DB", r.Stderr);
        Assert.DoesNotContain("fout-wachtwoord-7", r.Stderr + r.Stdout);
        Assert.DoesNotContain("28P01", r.Stderr);
    }

    [Fact]
    public async Task UnknownDatabase_NamesIt()
    {
        var cs = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "bestaat_niet_db" }.ConnectionString;
        var r = await Monitor(cs, "gaps");
        Assert.Equal(1, r.Exit);
        Assert.Contains("Database 'bestaat_niet_db' bestaat niet", r.Stderr);
    }

    [Fact]
    public async Task GapsForADayNotComputed_SaysWhichDaysAre()
    {
        var r = await Monitor(_database.ConnectionString, "gaps", "--datum", "1-1-2023");
        Assert.Equal(1, r.Exit);
        // The reference database has no series yet: the message says so instead of naming a range.
        Assert.Contains("er is nog niets doorgerekend", r.Stderr);
    }
    [Fact]
    public async Task WhatIf_WithAnAgreementThatCannotApply_ExitsTwo()
    {
        // Asylum places moved across a provincial border: the Spreidingswet does not allow it, so the proposal is rejected.
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitor-whatif-").FullName, "voorstel.csv");
        await File.WriteAllTextAsync(path, "afspraakcode,soort,opgave,van_gemeentecode,naar_gemeentecode,aantal,periode_van,periode_tot,besluitdatum\n" +
                                           "CROSS,verdeling,asiel,GM0202,GM0344,50,2024-2025,2024-2025,2025-01-01\n");
        var r = await Monitor(_database.ConnectionString, "scenario", "--afspraken", path, "--datum", "2025-03-01");
        Assert.True(r.Exit == 2, r.Stderr);
        Assert.Contains("CROSS", r.Stderr);
        Assert.Contains("niet toegepast", r.Stderr);
    }
}
