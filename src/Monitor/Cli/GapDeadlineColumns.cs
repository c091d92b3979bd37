using System.Globalization;
using Monitor.Compute;
using Monitor.Formatting;

namespace Monitor.Cli;

/// <summary>
/// The passed deadline beside today's figures in <c>monitor gaps</c>: CSV columns that come after the 13 fixed ones,
/// a JSON object, and one table cell in words. Empty (CSV), null (JSON) or blank (table) when no deadline has passed
/// or the next one has passed too.
/// </summary>
public static class GapDeadlineColumns
{
    /// <summary>Appended after <see cref="GapFormats.CsvHeader"/>; new columns may only ever be added after these.</summary>
    public const string CsvHeader =
        "vorige_deadline,vorige_deadline_periode,vorige_deadline_opgave,vorige_deadline_gerealiseerd,vorige_deadline_netto_gap," +
        "vorige_deadline_bruto_tekort,vorige_deadline_gemist_aantal,vorige_deadline_gemist_gemeenten,sinds_vorige_deadline,deadline_gemist";


    public static IEnumerable<string> Csv(GapRow r)
    {
        if (r.VorigeDeadline is not { } o) return Enumerable.Repeat("", 10);
        return
        [
            o.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Periode, Num(o.OpgaveAantal), Num(o.Gerealiseerd), Num(o.NetGap),
            Num(o.GrossShortfall), Num(o.Missed.Count), string.Join(' ', o.Missed), Num(r.SindsDeadline), r.DeadlineGemist ? "ja" : "nee",
        ];
    }

    public static Dictionary<string, object?>? Json(GapRow r) => r.VorigeDeadline is not { } o ? null : new()
    {
        ["deadline"] = o.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["periode"] = o.Periode,
        ["opgave_aantal"] = o.OpgaveAantal, ["gerealiseerd"] = o.Gerealiseerd, ["netto_gap"] = o.NetGap, ["bruto_tekort"] = o.GrossShortfall,
        ["gemist_gemeenten"] = o.Missed, ["onbekend_aantal"] = o.Unknown, ["leden_aantal"] = o.Members,
        ["sinds_deadline"] = r.SindsDeadline, ["deadline_gemist"] = r.DeadlineGemist,
        ["vervangen_op"] = o.ReplacedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["volgende_deadline"] = o.NextDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>"1-7-2025: 70 van 145, gemist; sindsdien +15" or, for an area, "1-7-2025: 1.328 tekort netto, 1.378 bruto,
    /// 23 gemeenten gemist; sindsdien +580".</summary>
    public static string Text(GapRow r)
    {
        if (r.VorigeDeadline is not { } o) return "";
        var day = o.Deadline.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        var since = r.SindsDeadline is { } s ? $"; sindsdien {(s >= 0 ? "+" : "")}{Dutch.Number(s)}" : "";
        var state = r.DeadlineGemist ? " (deadline gemist)" : "";
        if (o.OpgaveAantal is null)
            return $"{day}: opgave onbekend ({o.Unknown} van {o.Members} gemeenten zonder opgave){since}";
        if (o.Niveau == Monitor.Analysis.AreaLevel.Gemeente)
            return $"{day}: {Dutch.Number(o.Gerealiseerd)} van {Dutch.Number(o.OpgaveAantal)}, {(o.WasMissed ? "gemist" : "gehaald")}{since}{state}";
        var result = o.WasMissed ? $"{Dutch.Number(o.NetGap)} tekort netto, {Dutch.Number(o.GrossShortfall)} bruto" : $"gehaald (netto), {Dutch.Number(o.GrossShortfall)} bruto tekort";
        return $"{day}: {result}, {o.Missed.Count} gemeenten gemist{since}{state}";
    }

    /// <summary>Said when the warehouse has no cycli delivery: then asiel and amv have no deadline and no projection.</summary>
    public const string NoCycles =
        "Let op: er is geen levering van soort 'cycli'; asiel en amv hebben daarom geen deadline, geen prognose en geen uitkomst van een deadline. " +
        "Laad de cycli (monitor ingest --kind cycli) en reken opnieuw (monitor compute).";

    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
}
