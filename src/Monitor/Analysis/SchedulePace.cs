namespace Monitor.Analysis;

/// <summary>Pace in the running half year, measured to the reference date of the housed count (its peildatum; t
/// when there is none yet) so that a late report does not read as falling behind.</summary>
/// <param name="ElapsedShare">Days elapsed (inclusive) ÷ days in the half year.</param>
/// <param name="MonthsElapsed">Whole months of the half year ended by the reference date: COA's n in n/6.</param>
/// <param name="ShareOfDue">Housed ÷ due; null when due is unknown or not positive.</param>
/// <param name="OnSchedule">Housed ≥ due × ElapsedShare.</param>
public sealed record SchedulePace(
    Periode Periode, DateOnly Reference, int? Due, int Housed, double? ShareOfDue, double ElapsedShare, int MonthsElapsed,
    double? ExpectedByDays, double? ExpectedByMonths, bool? OnSchedule)
{
    public double MonthsShare => MonthsElapsed / 6.0;

    public static SchedulePace Of(Periode halfYear, DateOnly reference, int? due, int housed)
    {
        var r = reference < halfYear.Start ? halfYear.Start : reference > halfYear.End ? halfYear.End : reference;
        var share = (double)(r.DayNumber - halfYear.Start.DayNumber + 1) / halfYear.Days;
        var months = 0;
        for (var end = halfYear.Start.AddMonths(1).AddDays(-1); end <= r; end = end.AddDays(1).AddMonths(1).AddDays(-1)) months++;
        double? byDays = due * share, byMonths = due * months / 6.0;
        return new(halfYear, r, due, housed, due is > 0 ? (double)housed / due.Value : null, share, months,
            byDays, byMonths, byDays is { } e ? housed >= e : null);
    }
}
