namespace Monitor.Feeds.Fetching;

/// <summary>A feed could not be fetched. Thrown, not returned, from <see cref="FeedSource"/>: a failed fetch is a failed
/// job, which the scheduler shows and retries.</summary>
/// <param name="message">Plain Dutch, credentials redacted.</param>
/// <param name="retryable">True when a later run may succeed; false when the configuration or the publisher must change.</param>
public sealed class FeedFetchException(string message, bool retryable) : Exception(message)
{
    public bool Retryable { get; } = retryable;
}
