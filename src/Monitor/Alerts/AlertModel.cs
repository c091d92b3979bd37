namespace Monitor.Alerts;

/// <summary>The identity of an alert: rule + area + subject (the opgave, or "feed:NAME" for feed rules).</summary>
public sealed record AlertKey(string Rule, string Gebiedcode, string Subject)
{
    public override string ToString() => $"{Rule}/{Gebiedcode}/{Subject}";
}

public static class Severity
{
    public const string Informatie = "informatie";
    public const string Waarschuwing = "waarschuwing";
    public const string Kritiek = "kritiek";
}

public static class Roles
{
    public const string College = "college";
    public const string Prt = "prt";
    public const string Toezicht = "toezicht";
    public const string Operator = "operator";
}

/// <summary>A condition that holds on the evaluation date: what a rule found, in Dutch, and who must hear it.</summary>
public sealed record AlertCondition(
    AlertKey Key,
    string Severity,
    string Summary,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> EscalationRoles);

public enum AlertStatus { Pending, Firing, Resolved }

public enum NotificationKind { Nieuw, Herinnering, Escalatie, Opgelost }

/// <summary>The stored state of one alert episode.</summary>
public sealed record AlertState(
    long Id,
    AlertKey Key,
    AlertStatus Status,
    string Severity,
    string Summary,
    IReadOnlyList<string> Roles,
    DateOnly Since,
    DateOnly? FiredOn,
    DateOnly? LastNotified,
    bool Escalated,
    DateOnly? ResolvedOn);
