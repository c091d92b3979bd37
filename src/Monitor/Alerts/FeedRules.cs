namespace Monitor.Alerts;

/// <summary>Feeds: a configured feed silent for longer than its expected interval, or whose latest delivery was rejected → operators.</summary>
public static class FeedRules
{
    public static IEnumerable<AlertCondition> Evaluate(AlertInput input)
    {
        foreach (var f in input.Feeds.OrderBy(f => f.Feed, StringComparer.Ordinal))
        {
            var subject = "feed:" + f.Feed;
            if (f.ExpectedEvery is { } every && (f.LastDelivery is null || f.LastDelivery.Value + every < input.EvaluatedAt))
            {
                var last = f.LastDelivery is { } l
                    ? $"laatste levering {l.ToOffset(TimeSpan.Zero):yyyy-MM-dd HH:mm} UTC"
                    : "nog nooit geleverd";
                yield return new(new AlertKey(AlertRules.FeedTeLaat, "NL", subject), Severity.Waarschuwing,
                    $"Feed {f.Feed} is te laat: verwacht elke {Describe(every)}, {last}.", [Roles.Operator], []);
            }
            if (f.LastOutcome == "rejected")
                yield return new(new AlertKey(AlertRules.FeedAfgewezen, "NL", subject), Severity.Waarschuwing,
                    $"Feed {f.Feed}: levering {f.LastDeliveryId} is afgewezen{(f.LastProblem is { } p ? $" ({p})" : "")}. " +
                    "Er is niets in het magazijn veranderd; de vorige cijfers gelden.", [Roles.Operator], []);
        }
    }

    private static string Describe(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays == Math.Floor(t.TotalDays) ? $"{t.TotalDays:0} dag(en)" : $"{t.TotalHours:0.#} uur";
}
