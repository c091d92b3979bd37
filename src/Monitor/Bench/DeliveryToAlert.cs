using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Alerts;
using Monitor.Hosting;
using Npgsql;

namespace Monitor.Bench;

/// <summary>
/// The last step of delivery_to_alert_s: the real alert evaluation (rules, lifecycle, outbox) on the bench's warehouse,
/// as the daily job runs it, with the service's own wiring.
/// </summary>
public sealed class DeliveryToAlert : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DeliveryToAlert(ServiceProvider services) => _services = services;

    public static DeliveryToAlert Create(NpgsqlDataSource db, IConfiguration config) =>
        new(new ServiceCollection().AddMonitorServices(config, db).BuildServiceProvider());

    public async Task<(double Seconds, int Conditions)> EvaluateAsync(DateOnly day, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Noon UTC of the day, like the bench's loader clock: the bench's years may lie ahead of the calendar.
        var result = await _services.GetRequiredService<AlertRunner>().RunAsync(day, new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), ct);
        return (clock.Elapsed.TotalSeconds, result.Conditions);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
