using System.ComponentModel.DataAnnotations;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// How hard the monitor tries HTTP feeds (configuration section "Fetching"). Per feed: FeedOptions.AttemptTimeout and
/// FeedOptions.MaxRetries. Ranges follow what Polly accepts, so a bad value fails at start-up, not at the first fetch.
/// </summary>
public sealed class FetchPolicyOptions
{
    /// <summary>First retry waits about this long; each next one doubles it, with jitter so feeds on one schedule do
    /// not retry in lockstep.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the exponential backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A Retry-After longer than this is shortened to it: a server asking for a day must not park a job
    /// worker for a day. The total timeout still bounds the whole fetch.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>All attempts and waits of one fetch together.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")] public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Share of failed attempts within the sampling window that opens a feed's circuit. 1.0: only when every
    /// attempt failed, i.e. failures one after another.</summary>
    [Range(0.01, 1.0)] public double BreakerFailureRatio { get; set; } = 1.0;

    /// <summary>Attempts within the window before the breaker may open (one fetch is up to 1 + MaxRetries attempts).</summary>
    [Range(2, int.MaxValue)] public int BreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")] public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an open circuit refuses fetches before one probe is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")] public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Same-origin redirects followed per attempt.</summary>
    [Range(0, 20)] public int MaxRedirects { get; set; } = 5;

    /// <summary>Where downloads are written; the system temp folder when empty.</summary>
    public string? TempDirectory { get; set; }
}
