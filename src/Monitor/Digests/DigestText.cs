using System.Text;
using static Monitor.Digests.DigestModel;

namespace Monitor.Digests;

/// <summary>The plain-text alternative of the digest: the same sections, readable in any client.</summary>
public static class DigestText
{
    public static string Render(DigestModel m, DigestOptions o)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"WEEKOVERZICHT {m.ProvincieNaam.ToUpperInvariant()} ({m.Provincie}), stand op {m.Date:yyyy-MM-dd}").AppendLine();
        sb.AppendLine("IN HET KORT");
        foreach (var opgave in Supervised.Append("oekraine"))
            if (m.HeadlineFor(opgave) is { } input) sb.AppendLine($"- {DigestCharts.OpgaveTitle(opgave)}. " + string.Join(" ", Headline.Sentences(input)));
        sb.AppendLine();
        ToezichtSection.Text(sb, m, o);
        sb.AppendLine("WIE LOOPT ACHTER (grootste tekort eerst)");
        foreach (var opgave in Supervised)
        {
            var laggards = DigestTables.Laggards(m, opgave);
            if (laggards.Count == 0) continue;
            sb.AppendLine($"{OpgaveLabel(opgave)}:");
            foreach (var f in laggards)
                sb.AppendLine($"- {m.Name(f.Gebiedcode)}: {Maps.RealisationBand.Of(f.OpgaveAantal, f.Gerealiseerd).Word}, tekort {N(f.Tekort)} ({N(f.Gerealiseerd)} van {N(f.OpgaveAantal)})");
        }
        sb.AppendLine().AppendLine("KERNCIJFERS PER OPGAVE");
        foreach (var f in m.Headlines)
            sb.AppendLine($"- {OpgaveLabel(f.Opgave)}: opgave {N(f.OpgaveAantal)}, gerealiseerd {N(f.Gerealiseerd)}, netto gap {N(f.Gap)}, " +
                          $"brutotekort {N(f.Tekort)}{(m.DaysToDeadline(f) is { } d ? $", {N(d)} dagen tot de deadline" : "")}");
        if (m.Headlines.Count == 0) sb.AppendLine("- nog geen berekende cijfers");
        sb.AppendLine().AppendLine("SINDS VORIGE WEEK");
        if (m.PreviousDate is not { } prev) sb.AppendLine("Er is nog geen eerder weekoverzicht opgeslagen.");
        else
        {
            sb.AppendLine($"Vergeleken met {prev:yyyy-MM-dd}:");
            foreach (var f in m.Headlines)
            {
                var b = m.Before(f.Gebiedcode, f.Opgave);
                sb.AppendLine($"- {OpgaveLabel(f.Opgave)}: gerealiseerd {Delta(f.Gerealiseerd, b?.Gerealiseerd)}, netto gap {Delta(f.Gap, b?.Gap)}, brutotekort {Delta(f.Tekort, b?.Tekort)}");
            }
            foreach (var c in DigestTables.Changes(m))
                sb.AppendLine($"  {m.Name(c.Gebiedcode)} {OpgaveLabel(c.Opgave)}: {N(c.Before)} -> {N(c.Now)} ({Delta(c.Now, c.Before)})");
        }
        sb.AppendLine().AppendLine("GROOTSTE TEKORTEN");
        foreach (var f in DigestTables.TopShortfalls(m, o.TopShortfalls))
            sb.AppendLine($"- {m.Name(f.Gebiedcode)}, {OpgaveLabel(f.Opgave)}: tekort {N(f.Tekort)} ({N(f.Gerealiseerd)} van {N(f.OpgaveAantal)})");
        sb.AppendLine();
        KoppelingenSection.Text(sb, m, o);
        sb.AppendLine("AFSPRAKEN DIE GELDEN");
        foreach (var a in m.Agreements)
            sb.AppendLine($"- {a.Afspraakcode} ({a.Soort}, {OpgaveLabel(a.Opgave)}): {N(a.Aantal)} van {m.Name(a.Van)} naar {m.Name(a.Naar)}, {Period(a)}");
        if (m.Agreements.Count == 0) sb.AppendLine("- geen");
        sb.AppendLine().AppendLine("OPEN MELDINGEN");
        foreach (var a in m.OpenAlerts) sb.AppendLine($"- [{a.Ernst}] {a.Samenvatting} (melding {a.Id}, sinds {a.Sinds:yyyy-MM-dd})");
        if (m.OpenAlerts.Count == 0) sb.AppendLine("- geen");
        sb.AppendLine().AppendLine("De tabel per gemeente staat in de CSV-bijlage; de grafieken in de HTML-versie van dit bericht.");
        return sb.ToString();
    }
}
