namespace Monitor.Feeds.Fetching;

/// <summary>
/// A fetch stopped on purpose (too large, redirect to another host): not transient, so the resilience pipeline lets it
/// through at once instead of retrying, and the circuit breaker does not count it.
/// </summary>
internal sealed class FetchRefusedException(string message) : Exception(message);
