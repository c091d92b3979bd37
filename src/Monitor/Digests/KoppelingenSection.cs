using System.Text;
using Monitor.Analysis;
using static Monitor.Digests.DigestModel;
using static Monitor.Outbox.Mail;

namespace Monitor.Digests;

/// <summary>
/// The taakstelling part of every digest, issue 14 point 1: of the last completed half year's achterstand, how much is
/// explained by too few koppelingen (a gemeente cannot house whom COA did not link to it). Per gemeente with an
/// achterstand: due, linked, housed, the achterstand and the explained part; largest own part first.
/// </summary>
public static class KoppelingenSection
{
    public sealed record Row(string Gemeentecode, Periode Periode, KoppelingStand Stand);

    public static IReadOnlyList<Row> Rows(DigestModel m)
    {
        var rows = (m.Toezicht?.Rows ?? []).Where(p => p.LaatstePeriode is not null && p.Laatste?.Achterstand is > 0)
            .Select(p => new Row(p.Gemeentecode, p.LaatstePeriode!.Value, p.Laatste!)).ToList();
        if (rows.Count == 0) return rows;
        var periode = rows.Max(r => r.Periode);
        return rows.Where(r => r.Periode == periode)
            .OrderByDescending(r => r.Stand.EigenDeel ?? r.Stand.Achterstand).ThenByDescending(r => r.Stand.Achterstand)
            .ThenBy(r => m.Name(r.Gemeentecode), StringComparer.CurrentCulture).ToList();
    }

    /// <summary>"Achterstand na 2026-H1: 340 personen bij 12 gemeenten, waarvan 120 doordat er te weinig gekoppeld is."</summary>
    public static string? Summary(DigestModel m)
    {
        var rows = Rows(m);
        if (rows.Count == 0) return null;
        var total = rows.Sum(r => r.Stand.Achterstand ?? 0);
        var known = rows.Where(r => r.Stand.Verklaard is not null).ToList();
        var explained = known.Sum(r => r.Stand.Verklaard ?? 0);
        var unknown = rows.Count - known.Count;
        return $"Achterstand na {rows[0].Periode}: {N(total)} {(total == 1 ? "persoon" : "personen")} bij {N(rows.Count)} {(rows.Count == 1 ? "gemeente" : "gemeenten")}, "
               + $"waarvan {N(explained)} doordat COA te weinig statushouders koppelde"
               + (unknown > 0 ? $" ({N(unknown)} {(unknown == 1 ? "gemeente" : "gemeenten")} zonder koppelingencijfer)" : "") + ".";
    }

    public static void Html(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        DigestHtml.Section(sb, "Taakstelling: achterstand en koppelingen");
        var rows = Rows(m);
        if (rows.Count == 0) { sb.Append("<p>Geen gemeente van deze provincie bleef het laatste afgeronde halfjaar achter.</p>"); return; }
        var top = rows.Take(v.O.TopShortfalls).ToList();
        sb.Append($"<p style=\"margin:0 0 6px 0;\">{H(Summary(m))} Dat deel ligt niet aan de gemeente: ze kan alleen huisvesten wie COA aan haar koppelt.</p>")
          .Append($"<p style=\"margin:0 0 6px 0;color:#555;\">Grootste eigen deel eerst{(top.Count < rows.Count ? $" (de {top.Count} van {rows.Count}; alle staan op het dashboard Taakstelling)" : "")}:</p>")
          .Append(DigestHtml.Table)
          .Append($"<tr>{DigestHtml.Th}Gemeente</th>{DigestHtml.Th}Te huisvesten</th>{DigestHtml.Th}Gekoppeld</th>{DigestHtml.Th}Gehuisvest</th>")
          .Append($"{DigestHtml.Th}Achterstand</th>{DigestHtml.Th}waarvan door te weinig koppelingen</th></tr>");
        foreach (var r in top)
            sb.Append($"<tr><td>{H(m.Name(r.Gemeentecode))}</td>{DigestHtml.Num}{N(r.Stand.Due)}</td>{DigestHtml.Num}{N(r.Stand.Gekoppeld)}</td>")
              .Append($"{DigestHtml.Num}{N(r.Stand.Housed)}</td>{DigestHtml.Num}<strong>{N(r.Stand.Achterstand)}</strong></td>{DigestHtml.Num}{N(r.Stand.Verklaard)}</td></tr>");
        sb.Append("</table>");
    }

    public static void Text(StringBuilder sb, DigestModel m, DigestOptions o)
    {
        sb.AppendLine("TAAKSTELLING: ACHTERSTAND EN KOPPELINGEN");
        if (Summary(m) is not { } summary) { sb.AppendLine("- geen gemeente bleef het laatste afgeronde halfjaar achter").AppendLine(); return; }
        sb.AppendLine(summary);
        foreach (var r in Rows(m).Take(o.TopShortfalls))
            sb.AppendLine($"- {m.Name(r.Gemeentecode)}: {KoppelingShare.Zin(r.Stand)} (te huisvesten {N(r.Stand.Due)}, gekoppeld {N(r.Stand.Gekoppeld)}, gehuisvest {N(r.Stand.Housed)})");
        sb.AppendLine();
    }
}
