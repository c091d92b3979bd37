using System.Globalization;
using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Monitor.Feeds.Fetching;

/// <summary>What counts as a passing failure (retry it, count it against the breaker), and how to say what went wrong.</summary>
internal static class FetchFailures
{
    /// <summary>5xx, 408, 429, network errors, attempt timeouts and bodies cut off mid-way (the standard HTTP set,
    /// spelled out so it is plain what is retried); not cancellation, not our own refusals, not an open circuit.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } e
        ? e is HttpRequestException or TimeoutRejectedException
        : IsTransient(outcome.Result!.StatusCode);

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>One line about a failed attempt, for the retry log.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome, Uri location) => outcome.Exception is { } e
        ? Describe(e, location)
        : $"HTTP {(int)outcome.Result!.StatusCode} ({outcome.Result.ReasonPhrase})";

    public static string Describe(Exception e, Uri location) => Redaction.Scrub(e switch
    {
        TimeoutRejectedException t => $"geen volledig antwoord binnen {Seconds(t.Timeout)}",
        // A reset can hit before or after the headers (the peer's RST may even discard headers already sent).
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpIOException
            or HttpRequestException { InnerException: IOException } =>
            "de verbinding werd verbroken voordat het antwoord compleet was",
        HttpRequestException h => $"niet bereikbaar ({h.InnerException?.Message ?? h.Message})",
        BrokenCircuitException => "circuit open",
        _ => e.Message,
    }, location);

    public static string Seconds(TimeSpan t) => t.TotalSeconds >= 1
        ? string.Format(Dutch, "{0:0.#} s", t.TotalSeconds)
        : string.Format(Dutch, "{0:0} ms", t.TotalMilliseconds);

    /// <summary>"De levering is groter dan de limiet van 5 MB." (bytes below 1 MB, where MB would read as 0).</summary>
    public static string TooLarge(long maxBytes) => maxBytes >= 1 << 20
        ? string.Format(Dutch, "De levering is groter dan de limiet van {0:0.##} MB.", maxBytes / 1048576.0)
        : string.Format(Dutch, "De levering is groter dan de limiet van {0} bytes.", maxBytes);

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
}
