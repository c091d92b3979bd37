using System.Text.RegularExpressions;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// Keeps credentials written into a feed URL out of logs, messages, the delivery row and Grafana: the user info
/// (https://user:password@host/...) and every query value (?apikey=..., ?token=...). The names of query parameters
/// stay, so an operator can still tell two feeds apart. Every text the fetchers produce about a location goes through here.
/// </summary>
public static partial class Redaction
{
    public const string Mask = "***";

    /// <summary>The URL with its user info and query values replaced by <see cref="Mask"/>; unchanged when it has neither.</summary>
    public static string Redact(Uri uri)
    {
        if (!uri.IsAbsoluteUri) return uri.OriginalString;
        if (string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query)) return uri.AbsoluteUri;
        var where = uri.GetComponents(UriComponents.Host | UriComponents.Port, UriFormat.UriEscaped) + uri.AbsolutePath;
        var user = string.IsNullOrEmpty(uri.UserInfo) ? "" : Mask + "@";
        return $"{uri.Scheme}://{user}{where}{RedactQuery(uri.Query)}{uri.Fragment}";
    }

    /// <summary>A configured location as text (which may not even parse as a URI) with user info and query values masked.</summary>
    public static string Redact(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile
            ? Redact(uri)
            : location.Contains("://") ? QueryValue().Replace(UserInfo().Replace(location, $"://{Mask}@"), Mask) : location;

    /// <summary>"?apikey=abc&amp;wk=27" → "?apikey=***&amp;wk=***"; a part without a name ("?abc") is all value.</summary>
    private static string RedactQuery(string query)
    {
        if (query.Length <= 1) return query;
        var parts = query[1..].Split('&').Select(p => p.IndexOf('=') is var i and >= 0
            ? (i == p.Length - 1 ? p : p[..(i + 1)] + Mask)
            : p.Length == 0 ? p : Mask);
        return "?" + string.Join("&", parts);
    }

    /// <summary>
    /// Masks the credentials of <paramref name="uri"/> (user info and query values) wherever they appear in
    /// <paramref name="message"/>: a second line of defence for texts we did not write ourselves, such as exception messages.
    /// </summary>
    public static string Scrub(string message, Uri uri)
    {
        var result = message;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var escaped = uri.UserInfo;
            var plain = Uri.UnescapeDataString(escaped);
            result = result.Replace(escaped, Mask, StringComparison.Ordinal).Replace(plain, Mask, StringComparison.Ordinal);
            var password = plain.IndexOf(':') is var i and >= 0 ? plain[(i + 1)..] : "";
            // A very short password would mask ordinary words; such a password also guards nothing worth the noise.
            if (password.Length >= 4) result = result.Replace(password, Mask, StringComparison.Ordinal);
        }
        if (uri.IsAbsoluteUri && uri.Query.Length > 1)
        {
            result = result.Replace(uri.Query, RedactQuery(uri.Query), StringComparison.Ordinal);
            foreach (var part in uri.Query[1..].Split('&'))
            {
                var value = part.IndexOf('=') is var i and >= 0 ? part[(i + 1)..] : part;
                // Same reasoning as for short passwords: "wk=27" must not turn every 27 in a message into ***.
                if (value.Length < 4) continue;
                result = result.Replace(value, Mask, StringComparison.Ordinal)
                               .Replace(Uri.UnescapeDataString(value), Mask, StringComparison.Ordinal);
            }
        }
        return result;
    }

    [GeneratedRegex("://[^/]*@")]
    private static partial Regex UserInfo();

    /// <summary>The value of a query parameter in URL text: after ?name= or &amp;name=, up to &amp;, # or white space.</summary>
    [GeneratedRegex(@"(?<=[?&][^=&#\s]*=)[^&#\s]+")]
    private static partial Regex QueryValue();
}
