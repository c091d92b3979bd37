using System.Text.RegularExpressions;

namespace Monitor.Warehouse;

/// <summary>Removes passwords from anything that may be printed or logged (connection strings, URLs with credentials).</summary>
public static partial class Secrets
{
    // A value may be quoted ('a;b' or "a;b", quotes inside doubled) and may lack its closing quote in a broken string:
    // then everything up to the end is masked rather than the part after the opening quote shown.
    [GeneratedRegex(@"(?i)(password|pwd|passwd)\s*=\s*(?:'(?:[^']|'')*'?|""(?:[^""]|"""")*""?|[^;""'\s]*)")] private static partial Regex KeyValuePassword();
    // Greedy up to the last '@' before the path: a password may itself contain '@'.
    [GeneratedRegex(@"(?i)(\w+://)([^/@\s:]+):([^/\s]*)@")] private static partial Regex UrlCredentials();

    // Query values of a URL (?apikey=...): a feed may carry its token there instead of in user info.
    [GeneratedRegex(@"(?<=\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#]*\?(?:[^\s#]*&)?[^=&#\s]*=)[^&#\s]+")] private static partial Regex UrlQueryValue();

    public static string Scrub(string text) =>
        UrlQueryValue().Replace(UrlCredentials().Replace(KeyValuePassword().Replace(text, "$1=***"), "$1$2:***@"), "***");
}
