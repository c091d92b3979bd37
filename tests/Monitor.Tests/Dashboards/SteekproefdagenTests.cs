using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>grafana.steekproefdagen: the days a long-range panel draws (migration 0009), as the read-only role sees it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SteekproefdagenTests(DashboardWarehouse warehouse)
{
    [Theory]
    [InlineData("2025-01-01", "2025-12-31", 1)]     // a year: every day
    [InlineData("2024-01-01", "2033-12-31", 7)]     // ten years: every 7th day, about 520 points
    [InlineData("2025-06-15", "2025-06-15", 1)]     // one day
    public async Task EveryNthDay_CountedBackFromTheEnd_NeverBeforeTheStart(string from, string to, int step)
    {
        var (van, tot) = (DateOnly.Parse(from), DateOnly.Parse(to));
        await using var conn = await warehouse.OpenReadOnlyAsync();
        await using var cmd = new NpgsqlCommand("SELECT grafana.steekproefdagen($1, $2, 500)", conn) { Parameters = { new() { Value = van }, new() { Value = tot } } };
        var days = ((DateOnly[])(await cmd.ExecuteScalarAsync())!).ToList();

        Assert.Equal(tot, days[0]);   // the latest figure is always drawn
        Assert.All(days.Zip(days.Skip(1)), p => Assert.Equal(step, p.First.DayNumber - p.Second.DayNumber));
        Assert.True(days[^1] >= van && days[^1].AddDays(-step) < van);
        Assert.InRange(days.Count, 1, 2 * 500);
    }
}
