using Monitor.Formatting;
using System.Text;
using Monitor.Analysis;
using Monitor.Digests.Maps;
using static Monitor.Digests.DigestModel;
using static Monitor.Outbox.Mail;

namespace Monitor.Digests;

/// <summary>
/// The toezicht section of the digest (issue 14): per gemeente the step the register records, the step the ladder
/// proposes, the oordeel, the termijn and whether it passed, the half years missed in a row and the part of the
/// achterstand too few koppelingen explain. Laggards first; every status is a word on its colour.
/// </summary>
public static class ToezichtSection
{
    public static readonly Band TermijnVerstreken = new("termijn verstreken", "#c0392b", 0);
    public static readonly Band Zwaarder = new("zwaardere stap voorgesteld", "#e67e22", 1);
    public static readonly Band VerschoonbaarVervalt = new("verschoonbaar vervalt", "#e67e22", 2);
    public static readonly Band RegisterVerder = new("register verder dan ladder", "#2471a3", 3);
    public static readonly Band Afsluiten = new("kan afgesloten", "#2471a3", 4);
    public static readonly Band InLijn = new("in lijn", "#2e8b57", 5);

    public static IReadOnlyList<Band> All { get; } = [TermijnVerstreken, Zwaarder, VerschoonbaarVervalt, RegisterVerder, Afsluiten, InLijn];

    /// <summary>What the toezichthouder has to look at first for this gemeente.</summary>
    public static Band Status(LadderProposal p) =>
        p.TermijnVerstreken ? TermijnVerstreken
        : p.Vergelijking == Vergelijking.VoorstelZwaarder ? Zwaarder
        : p.VerschoonbaarVervallen ? VerschoonbaarVervalt
        : p.Vergelijking == Vergelijking.RegisterVerder ? p.Stap == Stappen.Afgesloten ? Afsluiten : RegisterVerder
        : InLijn;

    /// <summary>The gemeenten that need a look (a status other than in lijn, a missed half year, or an open step), laggards
    /// first: status, then counting misses in a row, then all misses, then the achterstand, then the name.</summary>
    public static IReadOnlyList<LadderProposal> Rows(DigestModel m) =>
        (m.Toezicht?.Rows ?? []).Where(NeedsALook)
            .OrderBy(p => Status(p).Rank).ThenByDescending(p => p.TellendOpRij).ThenByDescending(p => p.GemistOpRij)
            .ThenByDescending(p => p.Laatste?.Achterstand ?? 0).ThenBy(p => m.Name(p.Gemeentecode), StringComparer.CurrentCulture)
            .ToList();

    private static bool NeedsALook(LadderProposal p) =>
        Status(p) != InLijn || p.GemistOpRij > 0 || p.Vastgelegd is { } r && r.Stap != Stappen.Afgesloten;

    public static string Missed(LadderProposal p) =>
        p.VerklaardOpRij == 0 ? N(p.GemistOpRij) : $"{N(p.GemistOpRij)} ({N(p.VerklaardOpRij)} door koppelingen)";

    public static string Recorded(LadderProposal p) =>
        p.Vastgelegd is not { } r ? "geen" : $"{Stappen.Label(r.Stap)}{(r.Regime is null ? "" : $" ({r.Regime})")}, {Dutch.Date(r.Besluitdatum)}";

    public static string Proposed(LadderProposal p) =>
        (p.Stap is null ? "geen" : Stappen.Label(p.Stap)) + (p.Regime is null ? "" : $" ({p.Regime})")
        + (p.Termijn is { } t ? $", termijn tot {Dutch.Date(t)}" : "");

    public static string Termijn(LadderProposal p) => p.Vastgelegd?.Termijn is not { } t || p.Vastgelegd.Stap == Stappen.Afgesloten ? "–"
        : p.TermijnVerstreken ? $"verstreken op {Dutch.Date(t)}" : $"loopt tot {Dutch.Date(t)}";

    public static string Achterstand(LadderProposal p) => p.Laatste switch
    {
        null or { Achterstand: null } => "–",
        { Achterstand: <= 0 } => "gehaald",
        { Verklaard: null } s => $"{N(s.Achterstand)} (koppelingen onbekend)",
        { Verklaard: 0 } s => $"{N(s.Achterstand)}, niet door koppelingen",
        var s when s.GeheelVerklaard => $"{N(s.Achterstand)}, geheel door te weinig koppelingen",
        var s => $"{N(s.Achterstand)}, waarvan {N(s.Verklaard)} door te weinig koppelingen",
    };

    private static string? Periode(DigestModel m)
    {
        var tested = (m.Toezicht?.Rows ?? []).Select(r => r.LaatstePeriode).OfType<Periode>().ToList();
        return tested.Count == 0 ? null : tested.Max().ToString();
    }

    /// <summary>One sentence with the counts a toezichthouder acts on.</summary>
    public static string Summary(DigestModel m)
    {
        var all = m.Toezicht?.Rows ?? [];
        var verstreken = all.Count(p => Status(p) == TermijnVerstreken);
        var zwaarder = all.Count(p => Status(p) == Zwaarder);
        var gemist = all.Count(p => p.GemistOpRij > 0);
        return $"{Count(verstreken, "gemeente", "gemeenten")} met een verstreken termijn, {N(zwaarder)} waarvoor de ladder een zwaardere stap voorstelt dan vastgelegd; "
               + $"{N(gemist)} van {N(all.Count)} gemeenten haalden het laatste halfjaar ({Periode(m) ?? "–"}) niet.";
    }

    private static string Count(int n, string one, string many) => $"{N(n)} {(n == 1 ? one : many)}";

    public static void Html(StringBuilder sb, DigestView v)
    {
        var m = v.M;
        if (!m.ToezichtSectie || m.Toezicht is null) return;
        DigestHtml.Section(sb, "Toezicht op de taakstelling");
        var rows = Rows(m);
        var all = m.Toezicht.Rows;
        // The counts per status are the legend too: a reader sees at once how many need what, and which colour means it.
        var counts = All.Select(b => (Band: b, Count: all.Count(p => Status(p) == b))).Where(x => x.Count > 0 || x.Band == TermijnVerstreken || x.Band == Zwaarder);
        sb.Append($"<p style=\"margin:0 0 6px 0;\"><strong>{H(Summary(m))}</strong></p>")
          .Append("<p style=\"margin:0 0 6px 0;\">").Append(string.Join(" &nbsp; ", counts.Select(x => $"{DigestHtml.Badge(x.Band)} {N(x.Count)}"))).Append("</p>")
          .Append($"<p style=\"margin:0 0 6px 0;color:#555;\">Per gemeente de stap in het register naast de stap die de ladder ({H(m.Toezicht.Ladder)}) voorstelt. ")
          .Append("U beslist; de Monitor stelt voor. Wie eerst aandacht vraagt staat bovenaan.</p>");
        if (rows.Count > 0)
        {
            var periode = H(Periode(m));
            sb.Append(DigestHtml.Table).Append($"<tr>{DigestHtml.Th}Gemeente</th>{DigestHtml.Th}Status</th>{DigestHtml.Th}Halfjaren op rij gemist</th>")
              .Append($"{DigestHtml.Th}Vastgelegd</th>{DigestHtml.Th}Oordeel</th>{DigestHtml.Th}Voorstel</th>{DigestHtml.Th}Termijn</th>")
              .Append($"{DigestHtml.Th}Achterstand {periode}</th>{DigestHtml.Th}waarvan door te weinig koppelingen</th></tr>");
            foreach (var p in rows)
            {
                var termijn = p.TermijnVerstreken ? $"<strong style=\"color:#c0392b;\">{H(Termijn(p))}</strong>" : H(Termijn(p));
                var recorded = p.Vastgelegd is { } r
                    ? $"{H(Stappen.Label(r.Stap))}{(r.Regime is null ? "" : $" ({H(r.Regime)})")}<br><span style=\"color:#666;font-size:12px;\">{H(Dutch.Date(r.Besluitdatum))}</span>"
                    : "geen";
                var proposed = (p.Stap is null ? "geen" : H(Stappen.Label(p.Stap))) + (p.Regime is null ? "" : $" ({H(p.Regime)})")
                    + (p.Termijn is { } t ? $"<br><span style=\"color:#666;font-size:12px;\">termijn tot {H(Dutch.Date(t))}</span>" : "");
                var s = p.Laatste;
                var achterstand = s?.Achterstand switch { null => "–", <= 0 => "gehaald", var a => $"<strong>{N(a)}</strong>" };
                var verklaard = s?.Achterstand is > 0 ? s.Verklaard is { } x ? N(x) : "onbekend" : "";
                sb.Append($"<tr><td>{H(m.Name(p.Gemeentecode))}</td><td>{DigestHtml.Badge(Status(p))}</td>{DigestHtml.Num}{H(Missed(p))}</td>")
                  .Append($"<td>{recorded}</td><td>{H(Stappen.OordeelLabel(p.Vastgelegd?.Oordeel))}</td><td>{proposed}</td>")
                  .Append($"<td>{termijn}</td>{DigestHtml.Num}{achterstand}</td>{DigestHtml.Num}{verklaard}</td></tr>");
            }
            sb.Append("</table>");
        }
        var rest = all.Count - rows.Count;
        if (rest > 0)
            sb.Append($"<p style=\"margin:6px 0;color:#555;\">{(rest == 1 ? "De andere gemeente haalde" : $"De andere {N(rest)} gemeenten haalden")} het laatste halfjaar en {(rest == 1 ? "heeft" : "hebben")} geen open stap.</p>");
        sb.Append("<p style=\"margin:6px 0;color:#666;font-size:12px;\">")
          .Append(v.O.ToezichtVoorPrt ? "" : "Dit deel staat alleen in het weekoverzicht voor de toezichthouder, niet in dat van de PRT. ")
          .Append("Halfjaren die geheel komen doordat COA te weinig statushouders koppelde, staan tussen haakjes en tellen niet mee voor de ladder.</p>");
    }

    public static void Text(StringBuilder sb, DigestModel m, DigestOptions o)
    {
        if (!m.ToezichtSectie || m.Toezicht is null) return;
        sb.AppendLine("TOEZICHT OP DE TAAKSTELLING (achterblijvers eerst)");
        sb.AppendLine(Summary(m));
        if (!o.ToezichtVoorPrt) sb.AppendLine("Dit deel staat alleen in het weekoverzicht voor de toezichthouder.");
        foreach (var p in Rows(m))
            sb.AppendLine($"- {m.Name(p.Gemeentecode)}: {Status(p).Word}; gemist op rij {Missed(p)}; vastgelegd {Recorded(p)}"
                          + (p.Vastgelegd?.Oordeel is { } oordeel ? $" ({Stappen.OordeelLabel(oordeel)})" : "")
                          + $"; voorstel {Proposed(p)}; termijn {Termijn(p)}; achterstand {Achterstand(p)}");
        sb.AppendLine();
    }
}
