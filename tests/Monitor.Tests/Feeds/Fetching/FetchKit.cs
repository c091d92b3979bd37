using Microsoft.Extensions.Logging;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;

namespace Monitor.Tests.Feeds.Fetching;

/// <summary>Fast settings and small builders shared by the fetching tests.</summary>
internal static class FetchKit
{
    /// <summary>Millisecond backoff; a breaker that does not open unless a test asks for it.</summary>
    public static FetchPolicyOptions FastPolicy(string tempDirectory) => new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        BreakerMinimumThroughput = 1000,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromMinutes(1),
        TempDirectory = tempDirectory,
    };

    public static FeedOptions Feed(string location, int maxRetries = 3, TimeSpan? attemptTimeout = null, long maxBytes = 1 << 20,
        string name = "testfeed") => new()
    {
        Name = name,
        Kind = "plekken",
        Location = location,
        MaxRetries = maxRetries,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(2),
        MaxBytes = maxBytes,
    };

    public static HttpFeedFetcher Fetcher(FetchPolicyOptions policy, ILogger<HttpFeedFetcher>? logger = null, TimeProvider? time = null) =>
        new(new FeedCircuitBreakers(policy, time), policy, logger);

    public static FetchResult.Fetched AssertFetched(FetchResult result) =>
        Assert.IsType<FetchResult.Fetched>(result is FetchResult.Failed f ? throw new Xunit.Sdk.XunitException(f.Reason) : result);

    public static FetchResult.Failed AssertFailed(FetchResult result, bool retryable)
    {
        var failed = Assert.IsType<FetchResult.Failed>(result);
        Assert.True(failed.Retryable == retryable, $"Retryable {failed.Retryable}, expected {retryable}: {failed.Reason}");
        return failed;
    }

    public static TimeSpan Gap(IReadOnlyList<Support.RecordedRequest> requests, int first) => requests[first + 1].At - requests[first].At;
}

/// <summary>Collects formatted log messages, to check what a run would have written to the log.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();
    public IReadOnlyList<string> Messages => _messages.ToArray();
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
}
