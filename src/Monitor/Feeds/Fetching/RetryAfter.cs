namespace Monitor.Feeds.Fetching;

/// <summary>
/// The wait a throttling server asks for (429/503 with Retry-After). We parse it ourselves rather than use
/// HttpRetryStrategyOptions.ShouldRetryAfterHeader because that one has no upper bound.
/// </summary>
internal static class RetryAfter
{
    /// <summary>The requested wait, at most <paramref name="max"/> and never negative; null when the response asks for
    /// none, so the exponential backoff applies.</summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, DateTimeOffset now, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is not { } w) return null;
        if (w < TimeSpan.Zero) return TimeSpan.Zero;
        return w > max ? max : w;
    }
}
