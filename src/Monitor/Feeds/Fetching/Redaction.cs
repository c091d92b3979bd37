using System.Text.RegularExpressions;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// Keeps credentials written into a feed URL (https://user:password@host/...) out of logs, messages and the
/// delivery row. Every text the fetchers produce about a location goes through here.
/// </summary>
public static partial class Redaction
{
    public const string Mask = "***";

    /// <summary>The URL with its user info replaced by <see cref="Mask"/>; unchanged when it has none.</summary>
    public static string Redact(Uri uri)
    {
        if (!uri.IsAbsoluteUri) return uri.OriginalString;
        if (string.IsNullOrEmpty(uri.UserInfo)) return uri.AbsoluteUri;
        var rest = uri.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.PathAndQuery | UriComponents.Fragment,
            UriFormat.UriEscaped);
        return $"{uri.Scheme}://{Mask}@{rest}";
    }

    /// <summary>A configured location as text (which may not even parse as a URI) with any user info masked.</summary>
    public static string Redact(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile ? Redact(uri) : UserInfo().Replace(location, $"://{Mask}@");

    /// <summary>
    /// Masks the credentials of <paramref name="uri"/> wherever they appear in <paramref name="message"/>: a second line
    /// of defence for texts we did not write ourselves, such as exception messages.
    /// </summary>
    public static string Scrub(string message, Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo)) return message;
        var escaped = uri.UserInfo;
        var plain = Uri.UnescapeDataString(escaped);
        var result = message.Replace(escaped, Mask, StringComparison.Ordinal).Replace(plain, Mask, StringComparison.Ordinal);
        var password = plain.IndexOf(':') is var i and >= 0 ? plain[(i + 1)..] : "";
        // A very short password would mask ordinary words; such a password also guards nothing worth the noise.
        return password.Length >= 4 ? result.Replace(password, Mask, StringComparison.Ordinal) : result;
    }

    [GeneratedRegex("://[^/]*@")]
    private static partial Regex UserInfo();
}
