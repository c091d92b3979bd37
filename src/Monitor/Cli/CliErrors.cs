using Monitor.Feeds.Values;
using Monitor.Warehouse;
using Npgsql;

namespace Monitor.Cli;

/// <summary>Turns failures into one plain line on stderr and exit code 1, without leaking connection strings or passwords.</summary>
public static class CliErrors
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (OperationCanceledException) { Console.Error.WriteLine("Afgebroken."); return ExitCodes.Failure; }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or ArgumentException
                                      or UnauthorizedAccessException or HttpRequestException or System.Text.Json.JsonException
                                      or Feeds.Fetching.FeedFetchException or TimeoutException)
        {
            Console.Error.WriteLine($"Fout: {InvisibleCharacters.Escape(Secrets.Scrub(e.Message))}");
            if (Environment.GetEnvironmentVariable("MONITOR_DEBUG") == "1") Console.Error.WriteLine(Secrets.Scrub(e.ToString()));
            return ExitCodes.Failure;
        }
    }
}
