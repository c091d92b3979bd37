using Monitor.Alerts;

namespace Monitor.Tests.Alerts;

/// <summary>The lifecycle on consecutive days, exactly: which day sends what.</summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateOnly D1 = new(2025, 5, 1);
    private static readonly AlertOptions O = new() { ForDays = 1, RepeatDays = 7, EscalateAfterWeeks = 4 };
    private static readonly AlertCondition Asiel = new(new AlertKey("prognose_tekort", "GM0363", "asiel"), Severity.Waarschuwing, "tekort", [Roles.College], []);
    private static readonly AlertCondition Taak = new(new AlertKey("taakstelling_achter", "GM0363", "taakstelling"), Severity.Waarschuwing, "achter",
        [Roles.College], [Roles.Prt, Roles.Toezicht]);

    /// <summary>Runs one evaluation per day; returns what each day sent ("-" for nothing).</summary>
    private static (List<string> Sent, AlertState? Last) Days(AlertCondition c, int days, Func<int, bool> holds, Func<int, bool>? silenced = null, AlertOptions? o = null)
    {
        AlertState? state = null;
        var sent = new List<string>();
        for (var i = 0; i < days; i++)
        {
            var step = AlertLifecycle.Step(state, holds(i) ? c : null, silenced?.Invoke(i) ?? false, D1.AddDays(i), o ?? O);
            sent.Add(step?.Notify?.ToString() ?? "-");
            state = step?.Next is { Status: not AlertStatus.Resolved } next ? next with { Id = 1 } : null;
        }
        return (sent, state);
    }

    [Fact]
    public void Starts_FiresAfterPending_RepeatsAfterInterval_ResolvesOnce()
    {
        var (sent, _) = Days(Asiel, 14, i => i <= 10);
        // day 0 pending, day 1 fires, days 2–7 quiet, day 8 reminder (7 days later), days 9–10 quiet, day 11 resolved, then nothing.
        Assert.Equal(["-", "Nieuw", "-", "-", "-", "-", "-", "-", "Herinnering", "-", "-", "Opgelost", "-", "-"], sent);
    }

    [Fact]
    public void PendingThatClears_NeverNotifies()
    {
        var step0 = AlertLifecycle.Step(null, Asiel, false, D1, O)!;
        Assert.Equal(["wachtend"], step0.Events);
        var step1 = AlertLifecycle.Step(step0.Next with { Id = 1 }, null, false, D1.AddDays(1), O)!;
        Assert.Equal(AlertStatus.Resolved, step1.Next.Status);
        Assert.Null(step1.Notify);
        Assert.Null(AlertLifecycle.Step(null, null, false, D1, O));
    }

    [Fact]
    public void ForZero_FiresOnTheFirstDay()
    {
        var step = AlertLifecycle.Step(null, Asiel, false, D1, new AlertOptions { ForDays = 0 })!;
        Assert.Equal(["wachtend", "actief"], step.Events);
        Assert.Equal(NotificationKind.Nieuw, step.Notify);
        Assert.Equal(D1, step.Next.LastNotified);
    }

    [Fact]
    public void Silence_HoldsNewAndReminders_ThenNotifiesWhenItEnds()
    {
        var (sent, _) = Days(Asiel, 12, _ => true, silenced: i => i < 5);
        Assert.Equal(["-", "-", "-", "-", "-", "Nieuw", "-", "-", "-", "-", "-", "-"], sent);
    }

    [Fact]
    public void Silence_AfterFirstMail_HoldsReminders_ButPeopleWhoWereToldHearItIsSolved()
    {
        var (sent, _) = Days(Asiel, 20, i => i < 18, silenced: i => i >= 3);
        Assert.Equal(["-", "Nieuw"], sent.Take(2));
        Assert.All(sent.Skip(2).Take(16), s => Assert.Equal("-", s));
        Assert.Equal("Opgelost", sent[18]);
    }

    [Fact]
    public void Taakstelling_UnresolvedForWeeks_EscalatesToPrtAndToezicht()
    {
        var (sent, last) = Days(Taak, 30, _ => true);
        Assert.Equal("Nieuw", sent[1]);
        Assert.Equal("Escalatie", sent[28]); // 4 weeks after the condition started
        Assert.Equal(["Herinnering", "Herinnering", "Herinnering"], new[] { sent[8], sent[15], sent[22] });
        Assert.True(last!.Escalated);
        Assert.Equal([Roles.College, Roles.Prt, Roles.Toezicht], last.Roles);
        // Asiel alerts have no escalation roles and never escalate.
        Assert.Equal([Roles.College], Days(Asiel, 30, _ => true).Last!.Roles);
    }

    [Fact]
    public void ConditionReturningAfterResolve_StartsANewEpisode()
    {
        var (sent, _) = Days(Asiel, 8, i => i is < 3 or >= 5);
        Assert.Equal(["-", "Nieuw", "-", "Opgelost", "-", "-", "Nieuw", "-"], sent);
    }
}
