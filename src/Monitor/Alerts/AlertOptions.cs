using System.ComponentModel.DataAnnotations;

namespace Monitor.Alerts;

/// <summary>Thresholds and timing of the early warnings: configuration section "Alerts". Defaults and reasons: ALERTS.md.</summary>
public sealed class AlertOptions
{
    /// <summary>Days a condition must hold before it fires (Alertmanager's <c>for</c>); 0 fires on the first day.</summary>
    [Range(0, 365)] public int ForDays { get; set; } = 1;

    /// <summary>
    /// Alertmanager's group_interval in days: a recipient gets at most one mail per topic (opgave, feed) in this many days
    /// unless the state worsens (an escalation, a higher severity); what must wait goes out with the next mail on that topic.
    /// </summary>
    [Range(0, 365)] public int GroupIntervalDays { get; set; } = 7;

    /// <summary>Days between reminders of an unchanged firing alert.</summary>
    [Range(1, 365)] public int RepeatDays { get; set; } = 7;

    /// <summary>Weeks a taakstelling alert may stay unresolved before the PRT and the toezichthouder are added.</summary>
    [Range(1, 104)] public int EscalateAfterWeeks { get; set; } = 4;

    /// <summary>Which projection of asiel/amv places is compared with the opgave: laag, midden or hoog.</summary>
    [RegularExpression("^(laag|midden|hoog)$")] public string Projection { get; set; } = "midden";

    /// <summary>Taakstelling: housed ÷ due may lag the elapsed share of the half year by this much (0.10 = 10 points).</summary>
    [Range(0.0, 1.0)] public double PaceMargin { get; set; } = 0.10;

    /// <summary>Taakstelling: the smallest backlog (carried in, or short at the half year's end at the current pace) that
    /// raises the alert, in persons; see <see cref="TaakstellingMateriality"/>.</summary>
    [Range(1, int.MaxValue)] public int CarryInMinimum { get; set; } = 5;

    /// <summary>Taakstelling: for larger gemeenten the backlog must also be at least this share of the half year's taakstelling.</summary>
    [Range(0.0, 1.0)] public double MaterialShare { get; set; } = 0.25;

    /// <summary>Oekraïne: a gemeente below this realisation percentage of its key share is reported to the PRT.</summary>
    [Range(0.0, 1000.0)] public double OekraineMinPct { get; set; } = 50;

    /// <summary>Series rows older than this (before the evaluation date) are not evaluated; open alerts without fresh rows keep their state.</summary>
    [Range(0, 365)] public int MaxDataAgeDays { get; set; } = 7;
}
