using Microsoft.Extensions.Configuration;
using Monitor.Tests.Deploy;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Tests.Warehouse;

/// <summary>
/// The warehouse as separate settings (Warehouse:Host, Port, Database, Username, Password), combined by Npgsql's
/// builder: a password with ';', '=' or quotes connects, where pasting it into "Host=…;Password=…" breaks the string.
/// </summary>
public sealed class WarehouseSettingsTests
{
    private static IConfiguration Config(IReadOnlyDictionary<string, string> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).Build();

    private static IConfiguration FromEnvironment(Dictionary<string, string> env) =>
        Config(env.ToDictionary(kv => kv.Key["MONITOR_".Length..].Replace("__", ":"), kv => kv.Value));

    [Fact]
    public async Task AnAwkwardPassword_ConnectsToTheRealPostgres_ThroughTheSeparateSettings()
    {
        var role = await PasswordRole.CreateAsync(withDatabase: false);
        // What a person would have written by hand, and why the settings are separate: Npgsql reads this as other keys.
        var pasted = $"Host={role.Host};Port={role.Port};Database=postgres;Username={role.Name};Password={role.Password}";
        Assert.ThrowsAny<Exception>(() => new NpgsqlConnectionStringBuilder(pasted));

        // Resolve only reaches the settings when MONITOR_DB is not set; the test process must not have it.
        Assert.Null(Environment.GetEnvironmentVariable("MONITOR_DB"));
        var cs = WarehouseLocation.Resolve(FromEnvironment(role.Environment()));
        Assert.Equal(role.Password, new NpgsqlConnectionStringBuilder(cs).Password);
        await using var db = NpgsqlDataSource.Create(cs);
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT current_user", conn);
        Assert.Equal(role.Name, await cmd.ExecuteScalarAsync());

        // And a wrong password is refused, so the connection above really checked this one.
        var wrong = new NpgsqlConnectionStringBuilder(cs) { Password = role.Password + "x", Pooling = false };
        await using var refused = new NpgsqlConnection(wrong.ConnectionString);
        var e = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
        Assert.Equal("28P01", e.SqlState);
    }

    [Theory]
    [InlineData("a;b")]
    [InlineData("a=b")]
    [InlineData("'a'")]
    [InlineData("\"a\"")]
    [InlineData("x'y\"z;Password=p=q ")]
    public void EveryCharacter_RoundTripsThroughTheBuilder_AndIsScrubbedFromWhatIsShown(string password)
    {
        var cs = WarehouseSettings.ConnectionString(Config(new Dictionary<string, string>
        {
            ["Warehouse:Host"] = "db.example.org", ["Warehouse:Port"] = "6543", ["Warehouse:Database"] = "monitor",
            ["Warehouse:Username"] = "monitor", ["Warehouse:Password"] = password,
        }))!;
        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(password, b.Password);
        Assert.Equal(("db.example.org", 6543, "monitor", "monitor"), (b.Host, b.Port, b.Database, b.Username));
        Assert.Equal("db.example.org:6543/monitor als monitor", WarehouseLocation.Describe(cs));
        Assert.DoesNotContain(password.Trim(), Secrets.Scrub($"verbinding {cs} mislukt"));
    }

    [Fact]
    public void WithoutAHost_TheSectionIsNotUsed_ButHalfASectionIsAnError()
    {
        Assert.Null(WarehouseSettings.ConnectionString(Config(new Dictionary<string, string>())));
        var e = Assert.Throws<InvalidOperationException>(() => WarehouseSettings.ConnectionString(Config(new Dictionary<string, string>
            { ["Warehouse:Username"] = "monitor", ["Warehouse:Password"] = "geheim;wachtwoord" })));
        Assert.Contains("Warehouse:Host", e.Message);
        Assert.DoesNotContain("geheim", e.Message);
        var port = Assert.Throws<InvalidOperationException>(() => WarehouseSettings.ConnectionString(Config(new Dictionary<string, string>
            { ["Warehouse:Host"] = "db", ["Warehouse:Port"] = "54x32" })));
        Assert.Contains("54x32", port.Message);
    }

    [Fact]
    public void AConnectionStringInTheConfiguration_GoesBeforeTheSeparateSettings()
    {
        var cs = WarehouseLocation.Resolve(Config(new Dictionary<string, string>
        {
            ["ConnectionStrings:Warehouse"] = "Host=eerst;Database=monitor;Username=monitor",
            ["Warehouse:Host"] = "daarna", ["Warehouse:Username"] = "monitor",
        }));
        Assert.Equal("eerst", new NpgsqlConnectionStringBuilder(cs).Host);
    }
}
