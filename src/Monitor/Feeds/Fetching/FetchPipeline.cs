using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// The resilience pipeline of one fetch, outermost first: total timeout → retry (exponential backoff with jitter,
/// Retry-After honoured) → the feed's circuit breaker (shared across fetches) → per-attempt timeout. The same order
/// as Microsoft's standard HTTP resilience handler: each attempt counts once against the breaker, and an open circuit
/// is not retried.
/// </summary>
internal static class FetchPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(
        FeedOptions feed, Uri location, FetchPolicyOptions policy, FeedCircuitBreakers breakers, HttpAttempt attempt, ILogger logger)
    {
        var time = breakers.Time;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"fetch:{feed.Name}", TimeProvider = time };
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "total",
            Timeout = policy.TotalTimeout,
            OnTimeout = _ => { attempt.TotalTimedOut = true; return ValueTask.CompletedTask; },
        });
        if (feed.MaxRetries > 0)
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = feed.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(FetchFailures.IsTransient(args.Outcome)),
                // Our own Retry-After reading (capped); null falls back to the backoff.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Delay(args.Outcome.Result, time.GetUtcNow(), policy.MaxRetryAfter)),
                OnRetry = args =>
                {
                    logger.LogWarning("Feed {Feed}: poging {Attempt} naar {Source} mislukt ({Reason}); nieuwe poging over {Delay}",
                        feed.Name, args.AttemptNumber + 1, Redaction.Redact(location), FetchFailures.Describe(args.Outcome, location),
                        FetchFailures.Seconds(args.RetryDelay));
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddPipeline(breakers.For(feed.Name));
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = feed.AttemptTimeout });
        return builder.Build();
    }
}
