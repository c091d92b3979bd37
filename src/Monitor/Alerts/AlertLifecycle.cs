namespace Monitor.Alerts;

/// <summary>What one evaluation did to one alert: its next state, the events to store, and the notification due (if any).</summary>
public sealed record AlertStep(AlertState Next, IReadOnlyList<string> Events, NotificationKind? Notify);

/// <summary>
/// The lifecycle as a pure state machine, one step per alert per evaluation date (Alertmanager's model, in days):
/// none → pending (condition holds) → firing after <c>ForDays</c> (one "nieuw" mail) → reminders every <c>RepeatDays</c>
/// → resolved when the condition is gone (one "opgelost" mail, only if someone was told). A silence mutes new and
/// reminder mails but not the "opgelost" of an alert people already heard about. Taakstelling alerts still open after
/// <c>EscalateAfterWeeks</c> add their escalation roles and notify at once.
/// </summary>
public static class AlertLifecycle
{
    /// <param name="current">The open episode (pending or firing), or null.</param>
    /// <param name="condition">The condition on this date, or null when it does not hold.</param>
    /// <returns>null when there is no alert and no condition.</returns>
    public static AlertStep? Step(AlertState? current, AlertCondition? condition, bool silenced, DateOnly today, AlertOptions o)
    {
        if (current is { Status: AlertStatus.Resolved }) current = null;
        var events = new List<string>();
        if (current is null)
        {
            if (condition is null) return null;
            current = new AlertState(0, condition.Key, AlertStatus.Pending, condition.Severity, condition.Summary, condition.Roles,
                today, null, null, false, null);
            events.Add("wachtend");
        }

        if (condition is null)
        {
            var told = current.Status == AlertStatus.Firing && current.LastNotified is not null;
            events.Add("opgelost");
            return new AlertStep(current with { Status = AlertStatus.Resolved, ResolvedOn = today, LastNotified = told ? today : current.LastNotified },
                events, told ? NotificationKind.Opgelost : null);
        }

        var next = current with { Severity = condition.Severity, Summary = condition.Summary };
        if (next.Status == AlertStatus.Pending)
        {
            if (today.DayNumber - next.Since.DayNumber < o.ForDays) return new AlertStep(next with { Roles = condition.Roles }, events, null);
            next = next with { Status = AlertStatus.Firing, FiredOn = today };
            events.Add("actief");
        }

        var justEscalated = false;
        if (!next.Escalated && condition.EscalationRoles.Count > 0 && today.DayNumber - next.Since.DayNumber >= o.EscalateAfterWeeks * 7)
        {
            next = next with { Escalated = true };
            events.Add("geescaleerd");
            justEscalated = true;
        }
        next = next with { Roles = next.Escalated ? condition.Roles.Union(condition.EscalationRoles).ToList() : condition.Roles };

        NotificationKind? notify =
            silenced ? null
            : next.LastNotified is null ? NotificationKind.Nieuw
            : justEscalated ? NotificationKind.Escalatie
            : today.DayNumber - next.LastNotified.Value.DayNumber >= o.RepeatDays ? NotificationKind.Herinnering
            : null;
        if (notify is not null) next = next with { LastNotified = today };
        return new AlertStep(next, events, notify);
    }
}
