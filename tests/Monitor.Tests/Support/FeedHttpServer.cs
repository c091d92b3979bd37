using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monitor.Tests.Support;

/// <summary>What the server saw of one request. <see cref="At"/> is monotonic time since the server started.</summary>
public sealed record RecordedRequest(string PathAndQuery, string? IfNoneMatch, string? IfModifiedSince, string? Authorization, TimeSpan At);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) whose answers are scripted: each request takes the next step
/// from the queue (see <see cref="Reply"/>). Every request is recorded with its conditional headers and arrival time.
/// A request beyond the script gets 418, which no fetcher retries, so an under-scripted test fails visibly.
/// </summary>
public sealed class FeedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();

    private FeedHttpServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Run(HandleAsync);
    }

    public static async Task<FeedHttpServer> StartAsync(params Func<HttpContext, Task>[] script)
    {
        var server = new FeedHttpServer();
        server.Enqueue(script);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.Single());
        return server;
    }

    /// <summary>http://127.0.0.1:port/ as bound.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Url(string pathAndQuery = "/feed.csv") => new Uri(BaseAddress, pathAndQuery).AbsoluteUri;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void Enqueue(params Func<HttpContext, Task>[] steps)
    {
        foreach (var step in steps) _script.Enqueue(step);
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var h = ctx.Request.Headers;
        _requests.Enqueue(new RecordedRequest(ctx.Request.Path + ctx.Request.QueryString, Header(h.IfNoneMatch), Header(h.IfModifiedSince),
            Header(h.Authorization), _clock.Elapsed));
        // Hanging steps end when the client gives up or the server stops, whichever comes first.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
        ctx.RequestAborted = linked.Token;
        await (_script.TryDequeue(out var step) ? step(ctx) : Reply.Status(418)(ctx));
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues v) => v.Count == 0 ? null : v.ToString();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

/// <summary>Scripted answers for <see cref="FeedHttpServer"/>.</summary>
public static class Reply
{
    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => async ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null) ctx.Response.Headers.RetryAfter = retryAfter;
        await ctx.Response.WriteAsync($"status {status}");
    };

    /// <summary>200 with a Content-Length, and validators when given.</summary>
    public static Func<HttpContext, Task> Ok(string body, string? etag = null, string? lastModified = null,
        string contentType = "text/csv", string? contentDisposition = null) => async ctx =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        if (etag is not null) ctx.Response.Headers.ETag = etag;
        if (lastModified is not null) ctx.Response.Headers.LastModified = lastModified;
        if (contentDisposition is not null) ctx.Response.Headers.ContentDisposition = contentDisposition;
        await ctx.Response.Body.WriteAsync(bytes);
    };

    /// <summary>200 without Content-Length (chunked), sent in pieces of 1 KB.</summary>
    public static Func<HttpContext, Task> Chunked(int bytes) => async ctx =>
    {
        ctx.Response.ContentType = "text/csv";
        var piece = Enumerable.Repeat((byte)'x', 1024).ToArray();
        for (var sent = 0; sent < bytes; sent += piece.Length)
        {
            await ctx.Response.Body.WriteAsync(piece.AsMemory(0, Math.Min(piece.Length, bytes - sent)), ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        }
    };

    public static Func<HttpContext, Task> NotModified(string? etag = null) => ctx =>
    {
        ctx.Response.StatusCode = StatusCodes.Status304NotModified;
        if (etag is not null) ctx.Response.Headers.ETag = etag;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Redirect(string location, int status = StatusCodes.Status302Found) => ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>Says nothing for <paramref name="duration"/> (or until the client hangs up), then 200.</summary>
    public static Func<HttpContext, Task> Hang(TimeSpan duration) => async ctx =>
    {
        try { await Task.Delay(duration, ctx.RequestAborted); }
        catch (OperationCanceledException) { return; }
        await Ok("te laat")(ctx);
    };

    /// <summary>Drops the connection without an answer.</summary>
    public static Func<HttpContext, Task> Reset() => ctx =>
    {
        ctx.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Promises <paramref name="declared"/> bytes, sends <paramref name="sent"/>, then drops the connection.</summary>
    public static Func<HttpContext, Task> Truncated(int declared, int sent) => async ctx =>
    {
        ctx.Response.ContentType = "text/csv";
        ctx.Response.ContentLength = declared;
        await ctx.Response.Body.WriteAsync(Enumerable.Repeat((byte)'x', sent).ToArray());
        await ctx.Response.Body.FlushAsync();
        ctx.Abort();
    };
}
