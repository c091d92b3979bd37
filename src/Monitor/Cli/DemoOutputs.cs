namespace Monitor.Cli;

/// <summary>What the demo does after loading: compute, alerts, digests, and where to look next.</summary>
public static class DemoOutputs
{
    public static async Task<int> RunAsync(MonitorContext ctx, CancellationToken ct)
    {
        Console.WriteLine();
        await ComputeVerb.RunAsync(ctx, full: false, until: null, ct);
        Console.WriteLine();
        Console.WriteLine("Verder kijken:");
        Console.WriteLine("  ./monitor gaps --provincie PV30            gaten en prognoses van Noord-Brabant, per opgave");
        Console.WriteLine("  ./monitor gaps --regio RHVB --format csv   Hart van Brabant, als CSV voor scripts");
        Console.WriteLine("  ./monitor serve                            de dienst met Hangfire-dashboard op http://127.0.0.1:5080/hangfire");
        Console.WriteLine("  docker compose up                          Grafana met de dashboards (zie README)");
        return ExitCodes.Ok;
    }
}
