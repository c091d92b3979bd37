using Monitor.Alerts;

namespace Monitor.Tests.Alerts;

/// <summary>The group interval per recipient and topic, pure: at most one mail per topic per week unless it gets worse.</summary>
public sealed class MailThrottleTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly Contact College = new("GM0743", "college", "College Asten", "college@asten.test");

    private static Addressed A(long alert, string topic, NotificationKind kind, string severity = Severity.Waarschuwing, long? held = null) =>
        new(College, new AlertNotice(alert, new AlertState(alert, new AlertKey("r", "GM0743", topic), AlertStatus.Firing, severity, "s", [Roles.College],
            Day, Day, null, false, null), kind, "Asten (GM0743)"), held);

    private static Dictionary<(string, string), TopicMail> Last(string topic, int daysAgo, string severity = Severity.Waarschuwing) =>
        new() { [("college@asten.test", topic)] = new TopicMail(Day.AddDays(-daysAgo), severity) };

    [Fact]
    public void FirstMailOnATopic_GoesOut() =>
        Assert.Single(MailThrottle.Decide(Day, 7, [A(1, "taakstelling", NotificationKind.Nieuw)], [], Last("asiel", 1)).Send);

    [Fact]
    public void WithinTheWeek_ANewAlertOnTheSameTopicWaits_AnotherTopicDoesNot()
    {
        var d = MailThrottle.Decide(Day, 7, [A(1, "taakstelling", NotificationKind.Nieuw), A(2, "asiel", NotificationKind.Nieuw)], [], Last("taakstelling", 3));
        Assert.Equal(2, Assert.Single(d.Send).Notice.AlertId);
        Assert.Equal(1, Assert.Single(d.Hold).Notice.AlertId);
    }

    [Fact]
    public void Worsening_GoesOutAtOnce_WithWhatWasHeld()
    {
        var d = MailThrottle.Decide(Day, 7, [A(1, "taakstelling", NotificationKind.Herinnering, Severity.Kritiek)],
            [A(3, "taakstelling", NotificationKind.Nieuw, held: 40)], Last("taakstelling", 2));
        Assert.Equal([1L, 3L], d.Send.Select(a => a.Notice.AlertId).Order());
        Assert.Empty(d.Hold);
        Assert.True(MailThrottle.Worsens(A(1, "x", NotificationKind.Escalatie).Notice, new TopicMail(Day, Severity.Kritiek)));
        Assert.False(MailThrottle.Worsens(A(1, "x", NotificationKind.Opgelost, Severity.Kritiek).Notice, new TopicMail(Day, Severity.Waarschuwing)));
    }

    [Fact]
    public void HeldNotices_GoOutWhenTheIntervalHasPassed()
    {
        var d = MailThrottle.Decide(Day, 7, [], [A(3, "taakstelling", NotificationKind.Opgelost, held: 41)], Last("taakstelling", 7));
        Assert.Equal(41, Assert.Single(d.Send).HeldId);
        Assert.Empty(MailThrottle.Decide(Day, 7, [], [A(3, "taakstelling", NotificationKind.Opgelost, held: 41)], Last("taakstelling", 6)).Send);
    }

    [Fact]
    public void NewThenResolvedWhileHeld_IsNeverMailed()
    {
        var d = MailThrottle.Decide(Day, 7, [A(3, "taakstelling", NotificationKind.Opgelost)], [A(3, "taakstelling", NotificationKind.Nieuw, held: 42)],
            Last("taakstelling", 9));
        Assert.Empty(d.Send);
        Assert.Empty(d.Hold);
        Assert.Equal([42L], d.Dropped);
    }
    [Fact]
    public void RemindersAlone_WaitForTheRecipientsWeek_AcrossTopics()
    {
        // Issue 13: asiel was mailed 2 days ago, the taakstelling 9 days ago. A taakstelling reminder alone would be a
        // second mail this week: it waits, and goes out with the next mail the college gets.
        var last = new Dictionary<(string, string), TopicMail>
        {
            [("college@asten.test", "asiel")] = new(Day.AddDays(-2), Severity.Kritiek),
            [("college@asten.test", "taakstelling")] = new(Day.AddDays(-9), Severity.Kritiek),
        };
        var d = MailThrottle.Decide(Day, 7, [A(1, "taakstelling", NotificationKind.Herinnering, Severity.Kritiek)], [], last);
        Assert.Empty(d.Send);
        Assert.Equal(1, Assert.Single(d.Hold).Notice.AlertId);
        // With news on the day (a new alert on a topic that is due), the reminder goes along; a held one too.
        var withNews = MailThrottle.Decide(Day, 7, [A(2, "taakstelling", NotificationKind.Nieuw, Severity.Kritiek)],
            [A(1, "taakstelling", NotificationKind.Herinnering, Severity.Kritiek, held: 50)], last);
        Assert.Equal([1L, 2L], withNews.Send.Select(a => a.Notice.AlertId).Order());
        // A reminder that got worse is news.
        Assert.Single(MailThrottle.Decide(Day, 7, [A(3, "asiel", NotificationKind.Herinnering, Severity.Kritiek)], [],
            new Dictionary<(string, string), TopicMail> { [("college@asten.test", "asiel")] = new(Day.AddDays(-7), Severity.Waarschuwing),
                [("college@asten.test", "amv")] = new(Day.AddDays(-1), Severity.Kritiek) }).Send);
    }
}
