namespace Monitor.Outbox;

/// <summary>Where readers find the dashboards (setting Digest:DashboardUrl), for mails that are not digests: alert mails
/// link there too, without depending on the digest's options.</summary>
public sealed record DashboardLinkOptions(string? DashboardUrl);

/// <summary>Links into the provisioned Grafana dashboards (fixed uids), from a configured base URL such as https://monitor.provincie.nl/grafana.</summary>
public static class DashboardLinks
{
    public static string Provincie(string baseUrl, string provincie, string? opgave = null) =>
        $"{Trim(baseUrl)}/d/monitor-provincie?var-provincie={Uri.EscapeDataString(provincie)}" + (opgave is null ? "" : $"&var-opgave={Uri.EscapeDataString(opgave)}");

    public static string Gemeente(string baseUrl, string gemeente) =>
        $"{Trim(baseUrl)}/d/monitor-gemeente?var-gemeente={Uri.EscapeDataString(gemeente)}";

    public static string Taakstelling(string baseUrl, string provincie) =>
        $"{Trim(baseUrl)}/d/monitor-taakstelling?var-provincie={Uri.EscapeDataString(provincie)}";

    public static string Alerts(string baseUrl) => $"{Trim(baseUrl)}/d/monitor-alerts";

    /// <summary>The right dashboard for an area code: a gemeente, a provincie, else the alerts overview.</summary>
    public static string ForArea(string baseUrl, string gebiedcode, string? opgave = null) =>
        gebiedcode.StartsWith("GM", StringComparison.Ordinal) ? Gemeente(baseUrl, gebiedcode)
        : gebiedcode.StartsWith("PV", StringComparison.Ordinal) ? opgave == "taakstelling" ? Taakstelling(baseUrl, gebiedcode) : Provincie(baseUrl, gebiedcode, opgave)
        : Alerts(baseUrl);

    private static string Trim(string baseUrl) => baseUrl.TrimEnd('/');
}
