using System.ComponentModel.DataAnnotations;
using Cronos;

namespace Monitor.Scheduling;

/// <summary>
/// When the recurring jobs run (configuration section "Schedule"; cron, Europe/Amsterdam). Each expression is parsed
/// when a verb starts: a wrong one would otherwise surface only when <c>monitor serve</c> registers the job.
/// </summary>
public sealed class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedule";

    /// <summary>The nightly full computation.</summary>
    public string Compute { get; set; } = "30 2 * * *";

    /// <summary>Alerts daily, after the nightly computation.</summary>
    public string Alerts { get; set; } = "0 6 * * *";

    /// <summary>The weekly digest per PRT, Monday morning.</summary>
    public string Digest { get; set; } = "0 8 * * 1";

    /// <summary>Issue 13: each college's own overview, monthly (the 1st, 08:00).</summary>
    public string CollegeDigest { get; set; } = "0 8 1 * *";

    /// <summary>The outbox is sent often: a mail that could not go out waits minutes, not a day.</summary>
    public string Outbox { get; set; } = "*/5 * * * *";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var (name, cron) in new[] { (nameof(Compute), Compute), (nameof(Alerts), Alerts), (nameof(Digest), Digest),
                     (nameof(CollegeDigest), CollegeDigest), (nameof(Outbox), Outbox) })
            if (!IsCron(cron))
                yield return new ValidationResult($"Instelling {Section}:{name} = '{cron}' is geen cron-uitdrukking; schrijf vijf velden " +
                                                  "(minuut uur dag maand weekdag), bijvoorbeeld 30 2 * * *.", [name]);
    }

    /// <summary>Hangfire's own grammar: five fields, or six with seconds first.</summary>
    public static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return false;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException) { return false; }
    }
}
