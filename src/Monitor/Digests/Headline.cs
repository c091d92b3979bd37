using Monitor.Formatting;

namespace Monitor.Digests;

/// <summary>How an area stood on a deadline that has passed (asiel/amv cycle 1: 1 July 2025).</summary>
/// <param name="NetShortfall">Σ opgave − Σ gerealiseerd of the area on the deadline (negative: a surplus).</param>
/// <param name="GemeentenMissed">Member gemeenten with a gap above zero on the deadline.</param>
public sealed record PassedDeadline(DateOnly Date, int? NetShortfall, int GemeentenMissed, int RealisedThen);

/// <summary>What the headline of one opgave is made from; everything optional is optional in the data too.</summary>
/// <param name="NextDeadline">The next date that matters (the series' deadline on or after <paramref name="Date"/>).</param>
/// <param name="RealisedLastWeek">The realised figure in last week's digest, when there was one.</param>
/// <param name="Footnote">A remark a later rule may add (a regime that ended, a rechtsstatus in bezwaar); shown as is.</param>
public sealed record HeadlineInput(
    string Opgave, string AreaName, DateOnly Date, int? OpgaveAantal, int Gerealiseerd, int? NetGap, int? GrossShortfall,
    int MembersBelow, int MembersWithOpgave, DateOnly? NextDeadline, int? RealisedLastWeek, PassedDeadline? Passed,
    string? Footnote = null);

/// <summary>
/// The digest's opening sentences per opgave, pure: where the area stands against its deadline (or the one that
/// passed), net and gross, how many gemeenten are below their opgave, what changed since last week, and the next
/// date that matters. Dutch numbers and dates ("1.328 plekken", "3 december 2026").
/// </summary>
public static class Headline
{

    /// <summary>The sentences, without the opgave's name: the caller puts that in front (bold in HTML).</summary>
    public static IReadOnlyList<string> Sentences(HeadlineInput x)
    {
        var unit = x.Opgave == "taakstelling" ? "personen" : "plekken";
        var s = new List<string>();

        if (x.OpgaveAantal is not { } opgave)
        {
            s.Add($"De opgave van {x.AreaName} is niet bekend; gerealiseerd {N(x.Gerealiseerd)} {unit}. Zonder opgave is er geen tekort te berekenen.");
            return s;
        }

        var pct = opgave > 0 ? (100.0 * x.Gerealiseerd / opgave).ToString("0", Dutch.Culture) + "%" : "–";
        var stand = $"{N(x.Gerealiseerd)} van {N(opgave)} {unit} gerealiseerd ({pct})";

        if (x.Passed is { } p && x.Date > p.Date)
        {
            // After the deadline the question is what was missed on it and what came since; the gap keeps running.
            var net = x.MembersWithOpgave > 0 ? " (netto)" : "";
            var then = p.NetShortfall is > 0 ? $"{N(p.NetShortfall)} {unit} tekort{net}" : x.MembersWithOpgave > 0 ? "de opgave netto gehaald" : "de opgave gehaald";
            var missed = p.GemeentenMissed == 1 ? "1 gemeente haalde haar opgave niet" : $"{N(p.GemeentenMissed)} gemeenten haalden hun opgave niet";
            var since = x.Gerealiseerd - p.RealisedThen;
            var sinceText = since switch
            {
                > 0 => $"sindsdien {N(since)} erbij",
                < 0 => $"sindsdien {N(-since)} minder",
                _ => "sindsdien niets veranderd",
            };
            // A gemeente's own headline has no members to count.
            s.Add(x.MembersWithOpgave > 0 ? $"Deadline {Dutch.Date(p.Date)} verstreken: {then}, {missed}; {sinceText}." : $"Deadline {Dutch.Date(p.Date)} verstreken: {then}; {sinceText}.");
            s.Add(stand + (x.NetGap is > 0 ? $"; nu nog {N(x.NetGap)} {unit} tekort (netto)." : "; de opgave is nu netto gehaald."));
        }
        else if (x.NextDeadline is { } deadline && deadline == x.Date)
            s.Add(stand + (x.NetGap is > 0 ? $"; vandaag, {Dutch.Date(deadline)}, is de deadline en er ontbreken netto nog {N(x.NetGap)} {unit}."
                                             : $"; vandaag, {Dutch.Date(deadline)}, is de deadline en de opgave is netto gehaald."));
        else if (x.NextDeadline is { } next)
        {
            var days = next.DayNumber - x.Date.DayNumber;
            s.Add(stand + (x.NetGap is > 0 ? $"; nog {N(x.NetGap)} {unit} nodig vóór {Dutch.Date(next)} (over {N(days)} dagen)."
                                             : $"; de opgave voor {Dutch.Date(next)} is netto gehaald."));
        }
        else s.Add(stand + (x.NetGap is > 0 ? $"; netto nog {N(x.NetGap)} {unit} tekort." : "; de opgave is netto gehaald."));

        if (x.GrossShortfall is > 0)
            s.Add($"Bruto tekort {N(x.GrossShortfall)} {unit}: {N(x.MembersBelow)} van {N(x.MembersWithOpgave)} gemeenten zitten onder hun opgave" +
                  (x.NetGap is { } net && x.GrossShortfall > net ? " (overschotten elders dekken een deel)." : "."));
        else if (x.MembersWithOpgave > 0) s.Add($"Alle {N(x.MembersWithOpgave)} gemeenten met een opgave halen die.");

        if (x.RealisedLastWeek is { } before)
            s.Add((x.Gerealiseerd - before) switch
            {
                > 0 and var d => $"Sinds vorige week {N(d)} {unit} erbij.",
                < 0 and var d => $"Sinds vorige week {N(-d)} {unit} minder.",
                _ => "Sinds vorige week onveranderd.",
            });

        if (x.Passed is { } passed && x.Date > passed.Date)
            s.Add(x.NextDeadline is { } nd && nd > x.Date ? $"Volgende deadline: {Dutch.Date(nd)}." : "Er is nog geen volgende deadline vastgesteld.");
        if (x.Opgave == "oekraine") s.Add("Ter informatie: op de opvang van ontheemden uit Oekraïne is geen toezicht.");
        if (!string.IsNullOrWhiteSpace(x.Footnote)) s.Add(x.Footnote.Trim());
        return s;
    }

    internal static string N(int? n) => Dutch.Number(n, "–");
}
