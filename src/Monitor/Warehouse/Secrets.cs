using System.Text.RegularExpressions;

namespace Monitor.Warehouse;

/// <summary>Removes passwords from anything that may be printed or logged (connection strings, URLs with credentials).</summary>
public static partial class Secrets
{
    [GeneratedRegex(@"(?i)(password|pwd|passwd)\s*=\s*[^;""'\s]*")] private static partial Regex KeyValuePassword();
    [GeneratedRegex(@"(?i)(\w+://)([^/@\s:]+):([^/@\s]+)@")] private static partial Regex UrlCredentials();

    public static string Scrub(string text) =>
        UrlCredentials().Replace(KeyValuePassword().Replace(text, "$1=***"), "$1$2:***@");
}
