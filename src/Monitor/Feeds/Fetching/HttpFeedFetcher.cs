using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// Fetches one HTTP feed into a temp file: conditional GET, size limit, retries and a per-feed circuit breaker.
/// Only the feed's configured Location is fetched; redirects are followed only within the same origin (scheme, host
/// and port), anything else is refused. Register as a singleton: it owns one HttpClient.
/// </summary>
public sealed class HttpFeedFetcher : IDisposable
{
    private readonly FeedCircuitBreakers _breakers;
    private readonly FetchPolicyOptions _policy;
    private readonly ILogger _logger;
    private readonly HttpClient _client;

    public HttpFeedFetcher(FeedCircuitBreakers breakers, FetchPolicyOptions policy, ILogger<HttpFeedFetcher>? logger = null)
    {
        _breakers = breakers;
        _policy = policy;
        _logger = logger ?? NullLogger<HttpFeedFetcher>.Instance;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // followed by hand, same origin only (HttpAttempt)
            AutomaticDecompression = DecompressionMethods.All, // the size limit then applies to the decoded bytes
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes of long-lived feeds
        })
        { Timeout = Timeout.InfiniteTimeSpan }; // the pipeline owns every timeout
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("monitor/1.0");
    }

    public async Task<FetchResult> FetchAsync(FeedOptions feed, FetchState state, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(feed.Location, UriKind.Absolute, out var location) || (location.Scheme != Uri.UriSchemeHttp && location.Scheme != Uri.UriSchemeHttps))
            return new FetchResult.Failed($"Feed {feed.Name}: alleen http- en https-adressen kunnen worden opgehaald, niet '{Redaction.Redact(feed.Location)}'.", Retryable: false);

        var temp = TempFile.NewPath(_policy.TempDirectory, feed.Name);
        var attempt = new HttpAttempt(_client, location, state, temp, feed.MaxBytes, _policy.MaxRedirects);
        var pipeline = FetchPipeline.Build(feed, location, _policy, _breakers, attempt, _logger);
        FetchResult? result = null;
        try
        {
            using var response = await pipeline.ExecuteAsync(static (a, token) => a.RunAsync(token), attempt, ct);
            result = Interpret(feed, response, attempt, state, temp);
        }
        catch (Exception e) when ((e is FetchRefusedException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
                                   && !ct.IsCancellationRequested)
        {
            result = Failure(feed, e, attempt, location);
        }
        finally
        {
            // Only a complete body is handed on; everything else (partial, refused, failed) goes.
            if (result is not FetchResult.Fetched) TempFile.Delete(temp);
        }
        if (result is FetchResult.Failed f) _logger.LogWarning("{Reason}", f.Reason);
        return result;
    }

    private static FetchResult Interpret(FeedOptions feed, HttpResponseMessage response, HttpAttempt attempt, FetchState state, string temp)
    {
        var source = Redaction.Redact(attempt.FinalUri);
        var status = response.StatusCode;
        if (status == HttpStatusCode.OK)
            return new FetchResult.Fetched(temp, DeliveryFileName.For(response.Content.Headers, attempt.FinalUri, feed.Name),
                source, attempt.Bytes, Validators(response, FetchState.None));
        if (status == HttpStatusCode.NotModified)
            return new FetchResult.NotModified(Validators(response, state));
        var tries = attempt.Count > 1 ? $", ook na {attempt.Count} pogingen" : "";
        return new FetchResult.Failed($"Feed {feed.Name} ({source}): de server antwoordde HTTP {(int)status} ({response.ReasonPhrase}){tries}.",
            Retryable: FetchFailures.IsTransient(status));
    }

    /// <summary>The validators to store: the response's, falling back to what we had (a 304 may omit them).</summary>
    private static FetchState Validators(HttpResponseMessage response, FetchState fallback)
    {
        var etag = response.Headers.TryGetValues("ETag", out var e) ? e.FirstOrDefault() : null;
        var lastModified = response.Content.Headers.TryGetValues("Last-Modified", out var lm) ? lm.FirstOrDefault() : null;
        return new FetchState(etag ?? fallback.ETag, lastModified ?? fallback.LastModified);
    }

    private FetchResult.Failed Failure(FeedOptions feed, Exception e, HttpAttempt attempt, Uri location)
    {
        var source = Redaction.Redact(location);
        var tries = attempt.Count > 1 ? $", ook na {attempt.Count} pogingen" : "";
        return e switch
        {
            BrokenCircuitException b => new($"Feed {feed.Name}: te veel fouten achter elkaar; nieuwe poging na {RetryMoment(b)}.", Retryable: true),
            FetchRefusedException => new($"Feed {feed.Name} ({source}): {e.Message}", Retryable: false),
            TimeoutRejectedException when attempt.TotalTimedOut =>
                new($"Feed {feed.Name} ({source}): geen resultaat binnen de totale tijdslimiet van {FetchFailures.Seconds(_policy.TotalTimeout)}{tries}.", Retryable: true),
            _ => new($"Feed {feed.Name} ({source}): {FetchFailures.Describe(e, location)}{tries}.", Retryable: true),
        };
    }

    private string RetryMoment(BrokenCircuitException e)
    {
        var time = _breakers.Time;
        var at = time.GetUtcNow() + (e.RetryAfter ?? _policy.BreakerBreakDuration);
        return TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("HH:mm:ss", FetchFailures.Dutch);
    }

    public void Dispose() => _client.Dispose();
}
