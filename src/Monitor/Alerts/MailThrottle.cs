
namespace Monitor.Alerts;

/// <summary>A notice addressed to one recipient, or one held back for them earlier (<see cref="HeldId"/>).</summary>
public sealed record Addressed(Contact Contact, AlertNotice Notice, long? HeldId = null)
{
    public string Topic => Notice.Alert.Key.Subject;
}

/// <summary>When a recipient last got a mail on a topic, and the worst severity in it.</summary>
public sealed record TopicMail(DateOnly Date, string Severity);

/// <summary>What goes out now and what waits.</summary>
public sealed record ThrottleDecision(IReadOnlyList<Addressed> Send, IReadOnlyList<Addressed> Hold, IReadOnlyList<long> Dropped);

/// <summary>
/// Alertmanager's group_interval, per recipient and topic, in days, pure: a recipient gets at most one mail per topic
/// per <c>intervalDays</c>, unless the state worsens (an escalation, or a severity above the last one mailed on that
/// topic). What must wait is held and goes out with the next mail on the topic; a held "nieuw" whose alert is resolved
/// before it went out is dropped together with its "opgelost" (the reader never heard of it).
/// </summary>
public static class MailThrottle
{
    public static ThrottleDecision Decide(DateOnly today, int intervalDays, IReadOnlyList<Addressed> fresh, IReadOnlyList<Addressed> held,
        IReadOnlyDictionary<(string Email, string Topic), TopicMail> last)
    {
        var send = new List<(Addressed Item, bool News)>();
        var hold = new List<Addressed>();
        var dropped = new List<long>();
        foreach (var group in fresh.Concat(held).GroupBy(a => (Email: a.Contact.Email.ToLowerInvariant(), a.Topic)))
        {
            var items = Collapse(group.ToList(), dropped);
            if (items.Count == 0) continue;
            var previous = last.GetValueOrDefault(group.Key);
            var due = previous is null || today.DayNumber - previous.Date.DayNumber >= intervalDays;
            var worse = previous is not null && items.Any(a => a.HeldId is null && Worsens(a.Notice, previous));
            if (due || worse) send.AddRange(items.Select(a => (a, News(a.Notice, previous))));
            else hold.AddRange(items.Where(a => a.HeldId is null));
        }
        // Per recipient, Alertmanager's repeat_interval over all topics: reminders alone never make a mail within the
        // interval after the recipient's previous one. Their topics started on different days, so without this a
        // college would get a reminder on Monday for asiel and on Wednesday for the taakstelling, every week (issue 13).
        var lastAny = last.GroupBy(l => l.Key.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Max(l => l.Value.Date));
        var result = new List<Addressed>();
        foreach (var perRecipient in send.GroupBy(x => x.Item.Contact.Email.ToLowerInvariant()))
        {
            var recent = lastAny.TryGetValue(perRecipient.Key, out var d) && today.DayNumber - d.DayNumber < intervalDays;
            if (recent && !perRecipient.Any(x => x.News))
                hold.AddRange(perRecipient.Where(x => x.Item.HeldId is null).Select(x => x.Item)); // held ones stay held
            else result.AddRange(perRecipient.Select(x => x.Item));
        }
        return new ThrottleDecision(result, hold, dropped);
    }

    /// <summary>Anything but a plain reminder: new, resolved, escalated, or more severe than the last mail on its topic.</summary>
    private static bool News(AlertNotice n, TopicMail? previous) =>
        n.Kind != NotificationKind.Herinnering || (previous is not null && Worsens(n, previous));

    /// <summary>An escalation, or a new/reminded alert more severe than the last mail on the topic.</summary>
    public static bool Worsens(AlertNotice n, TopicMail previous) =>
        n.Kind == NotificationKind.Escalatie ||
        (n.Kind != NotificationKind.Opgelost && Rank(n.Alert.Severity) > Rank(previous.Severity));

    /// <summary>Per alert only the latest notice counts; "nieuw" followed by "opgelost" before anything went out is nothing at all.</summary>
    private static List<Addressed> Collapse(List<Addressed> items, List<long> dropped)
    {
        var result = new List<Addressed>();
        foreach (var perAlert in items.GroupBy(a => a.Notice.AlertId))
        {
            var list = perAlert.ToList();
            var latest = list.FirstOrDefault(a => a.HeldId is null) ?? list.OrderByDescending(a => a.HeldId).First();
            dropped.AddRange(list.Where(a => a != latest && a.HeldId is { }).Select(a => a.HeldId!.Value));
            var neverTold = list.Any(a => a.Notice.Kind == NotificationKind.Nieuw && a.HeldId is { }) && latest.Notice.Kind == NotificationKind.Opgelost;
            if (neverTold)
            {
                if (latest.HeldId is { } id) dropped.Add(id);
                continue;
            }
            // A held "nieuw" overtaken by a reminder is still news to the reader.
            result.Add(list.Any(a => a.Notice.Kind == NotificationKind.Nieuw) && latest.Notice.Kind == NotificationKind.Herinnering
                ? latest with { Notice = latest.Notice with { Kind = NotificationKind.Nieuw } } : latest);
        }
        return result;
    }

    public static int Rank(string severity) => severity switch { Severity.Kritiek => 2, Severity.Waarschuwing => 1, _ => 0 };
}
