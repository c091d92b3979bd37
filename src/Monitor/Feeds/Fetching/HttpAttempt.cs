using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// One fetch's attempts: send the conditional GET, follow same-origin redirects, and stream a 200 body into the temp
/// file. It runs inside the resilience pipeline, so a body cut off half-way or too slow to arrive is retried like any
/// other transient failure, and the per-attempt timeout covers the whole download, not only the headers.
/// </summary>
internal sealed class HttpAttempt(HttpClient client, Uri location, FetchState state, string tempPath, long maxBytes, int maxRedirects)
{
    public int Count { get; private set; }
    public bool TotalTimedOut { get; set; }
    public long Bytes { get; private set; }
    /// <summary>Where the returned response came from (after redirects); set before RunAsync returns.</summary>
    public Uri FinalUri { get; private set; } = null!;

    public async ValueTask<HttpResponseMessage> RunAsync(CancellationToken ct)
    {
        Count++;
        var target = location;
        for (var redirects = 0; ; redirects++)
        {
            var response = await client.SendAsync(Request(target), HttpCompletionOption.ResponseHeadersRead, ct);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } next)
            {
                FinalUri = target;
                if (response.StatusCode != HttpStatusCode.OK) return response;
                try { Bytes = await DownloadAsync(response, ct); }
                catch { response.Dispose(); throw; }
                return response;
            }
            response.Dispose();
            next = new Uri(target, next);
            // Redirects are followed by hand: only the configured location is fetched, so another origin (which could be
            // an internal address, or would receive our credentials) is refused rather than followed.
            if (!SameOrigin(next, location))
                throw new FetchRefusedException($"De server verwijst door naar een andere host ({Redaction.Redact(next)}); alleen de geconfigureerde locatie wordt opgehaald.");
            if (redirects >= maxRedirects)
                throw new FetchRefusedException($"Meer dan {maxRedirects} doorverwijzingen.");
            target = next;
        }
    }

    private HttpRequestMessage Request(Uri target)
    {
        // Credentials travel in the Authorization header only, never in the request URI, so no message that quotes the
        // URI (ours or the HTTP stack's) can carry them.
        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(target) { UserName = "", Password = "" }.Uri);
        if (!string.IsNullOrEmpty(location.UserInfo))
        {
            var raw = Encoding.UTF8.GetBytes(Uri.UnescapeDataString(location.UserInfo));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
        // Sent back exactly as the server gave them: validators are compared as opaque strings.
        if (state.ETag is { Length: > 0 } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (state.LastModified is { Length: > 0 } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
        return request;
    }

    private async Task<long> DownloadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes) throw new FetchRefusedException(FetchFailures.TooLarge(maxBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            // FileMode.Create: a retry starts from an empty file, so nothing of a failed attempt survives.
            await using var file = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            long total = 0;
            while (true)
            {
                int n;
                try { n = await body.ReadAsync(buffer, ct); }
                catch (IOException e) when (!ct.IsCancellationRequested) { throw Incomplete(e); }
                if (n == 0) break;
                total += n;
                // Checked while streaming too: without Content-Length (chunked, compressed) the size is known only here.
                if (total > maxBytes) throw new FetchRefusedException(FetchFailures.TooLarge(maxBytes));
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            if (declared is { } d && total != d) throw Incomplete(null);
            return total;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    // An HttpRequestException, so the standard transient predicate retries it.
    private static HttpRequestException Incomplete(Exception? inner) =>
        new(HttpRequestError.ResponseEnded, "Het antwoord kwam onvolledig binnen.", inner);

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b) => Uri.Compare(a, b, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort,
        UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
