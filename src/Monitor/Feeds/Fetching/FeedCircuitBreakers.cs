using System.Collections.Concurrent;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Monitor.Feeds.Fetching;

/// <summary>
/// One circuit breaker per feed, kept for the life of the process (register as a singleton): a feed that keeps
/// failing is left alone for a while instead of being hit by every scheduled run and manual retry, and one broken
/// feed never blocks another. The rest of the pipeline (timeouts, retries) is rebuilt per fetch from the feed's
/// current options; only the breaker's state has to survive between fetches.
/// </summary>
public sealed class FeedCircuitBreakers(FetchPolicyOptions policy, TimeProvider? time = null, ILogger<FeedCircuitBreakers>? logger = null)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _breakers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<FeedCircuitBreakers>.Instance;

    internal TimeProvider Time => _time;

    internal ResiliencePipeline<HttpResponseMessage> For(string feed) => _breakers.GetOrAdd(feed, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string feed) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"breaker:{feed}", TimeProvider = _time }
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(FetchFailures.IsTransient(args.Outcome)),
                FailureRatio = policy.BreakerFailureRatio,
                MinimumThroughput = policy.BreakerMinimumThroughput,
                SamplingDuration = policy.BreakerSamplingDuration,
                BreakDuration = policy.BreakerBreakDuration,
                OnOpened = args =>
                {
                    _logger.LogWarning("Feed {Feed}: te veel fouten achter elkaar; geen pogingen meer gedurende {BreakDuration}", feed, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
