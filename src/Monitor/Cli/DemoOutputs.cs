namespace Monitor.Cli;

/// <summary>What the demo does after loading: compute, alerts, digests, and where to look next.</summary>
public static class DemoOutputs
{
    public static Task<int> RunAsync(MonitorContext ctx, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine("Verder kijken:");
        Console.WriteLine("  ./monitor serve                 de dienst met Hangfire-dashboard op http://127.0.0.1:5080/hangfire");
        Console.WriteLine("  docker compose up               Grafana met de dashboards (zie README)");
        return Task.FromResult(ExitCodes.Ok);
    }
}
