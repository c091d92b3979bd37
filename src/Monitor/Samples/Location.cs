namespace Monitor.Samples;

/// <summary>One row of a plekken feed: a location's state on a peildatum.</summary>
public sealed record PlekkenRow(
    DateOnly Peildatum, string Opgave, string Gemeentecode, string Locatiecode, string Locatienaam, string Status,
    int Capaciteit, int? Bezetting, DateOnly? BeschikbaarVanaf, DateOnly? BeschikbaarTot, string? Soort = null, string? Duurzaam = null);

/// <summary>
/// A location's whole life, from which the state on any date follows: announced (in_voorbereiding with the planned
/// start, which moves to the real start once the plan has slipped), available, then closed (shown as gesloten for a
/// while, or simply left out of later snapshots).
/// </summary>
/// <param name="ReportedCode">The gemeentecode as the feed writes it (an old code for some merged gemeenten).</param>
/// <param name="PlannedEnd">beschikbaar_tot: last day the places count; null when open-ended.</param>
/// <param name="ClosedOn">First day not available; null while open.</param>
/// <param name="DroppedOn">First peildatum the location is missing from the feed.</param>
public sealed record Location(
    string Feed, string Opgave, string GemeenteCode, string ReportedCode, string Code, string Naam, int Capaciteit,
    DateOnly AnnouncedOn, DateOnly PlannedStart, DateOnly ActualStart, DateOnly? PlannedEnd, DateOnly? ClosedOn,
    DateOnly? DroppedOn, double Occupancy, ulong OccupancyKey)
{
    /// <summary>Duurzaam: available for at least five years (earns the bonus; shown apart).</summary>
    public bool Duurzaam => PlannedEnd is { } end && end >= ActualStart.AddYears(5).AddDays(-1);

    public PlekkenRow? On(DateOnly date)
    {
        if (date < AnnouncedOn || (DroppedOn is { } dropped && date >= dropped)) return null;
        if (ClosedOn is { } closed && date >= closed)
            return Row(date, "gesloten", 0, ActualStart, PlannedEnd ?? closed.AddDays(-1));
        if (date >= ActualStart)
            return Row(date, "beschikbaar", OccupiedOn(date), ActualStart, PlannedEnd);
        // Before the planned date the plan is shown; once it has passed unopened, the revised date is.
        return Row(date, "in_voorbereiding", null, date < PlannedStart ? PlannedStart : ActualStart, PlannedEnd);
    }

    private PlekkenRow Row(DateOnly date, string status, int? bezetting, DateOnly vanaf, DateOnly? tot) =>
        new(date, Opgave, ReportedCode, Code, Naam, status, Capaciteit, bezetting, vanaf, tot,
            SampleLocationKinds.Soort(this), SampleLocationKinds.Duurzaam(this));

    /// <summary>Occupancy wobbles by ±3 % from week to week; integer hashing keeps it identical on every platform.</summary>
    private int OccupiedOn(DateOnly date)
    {
        var week = (ulong)(date.DayNumber / 7);
        var wobble = (new SampleRandom(OccupancyKey ^ (week * 0x9E3779B97F4A7C15UL)).NextDouble() - 0.5) * 0.06;
        var rate = Math.Clamp(Occupancy + wobble, 0.0, 1.0);
        return (int)Math.Round(Capaciteit * rate, MidpointRounding.AwayFromZero);
    }
}
