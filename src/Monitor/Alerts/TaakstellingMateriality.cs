namespace Monitor.Alerts;

/// <summary>
/// When a taakstelling backlog is worth a college's attention (issue 13: fewer, better mails). One person carried in
/// made 308 of 342 colleges a mail on the demo day, every week; a college reads that as noise and stops reading.
/// A backlog is material from <see cref="AlertOptions.CarryInMinimum"/> persons, and for larger gemeenten from
/// <see cref="AlertOptions.MaterialShare"/> of the half year's own taakstelling, whichever is larger. The pace test
/// projects the half year's end at the pace so far (housed ÷ elapsed share) and asks the same of the shortfall then.
/// The PRT still sees every gemeente in the digest's tables; this only decides who gets a mail.
/// </summary>
public static class TaakstellingMateriality
{
    /// <summary>The smallest backlog (persons) that raises the alert for a half year with this taakstelling.</summary>
    public static int Threshold(int? taakstelling, AlertOptions o) =>
        Math.Max(o.CarryInMinimum, (int)Math.Ceiling(o.MaterialShare * Math.Max(taakstelling ?? 0, 0)));

    /// <summary>Persons short at the end of the half year if the pace so far holds: due − housed ÷ elapsed share.</summary>
    public static int ShortfallAtEnd(int due, int housed, double elapsed) =>
        elapsed <= 0 ? due - housed : due - (int)Math.Floor(housed / elapsed);
}
