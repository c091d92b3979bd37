namespace Monitor.Scheduling;

/// <summary>
/// The Host names <c>monitor serve</c> answers to. Loopback is trusted by the dashboard, so a page elsewhere whose name
/// a DNS server re-points to 127.0.0.1 (DNS rebinding) would otherwise read it: a request naming any other host is refused.
/// </summary>
public static class ServeHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Serve:AllowedHosts (separated by ';') when set, else loopback plus the named hosts the service listens on.</summary>
    public static IReadOnlyList<string> Allowed(string? configured, string urls)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var listening = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) ? uri.Host : null)
            // A wildcard address says where to listen, not what a browser calls the machine.
            .Where(h => h is { Length: > 0 } && h is not ("0.0.0.0" or "[::]"))
            .Select(h => h!);
        return Loopback.Concat(listening).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
