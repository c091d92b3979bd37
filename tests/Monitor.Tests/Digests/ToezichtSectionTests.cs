using System.Text;
using Monitor.Analysis;
using Monitor.Digests;

namespace Monitor.Tests.Digests;

/// <summary>The toezicht section of the digest, pure: which gemeenten, in which order, with which words and dates.</summary>
public sealed class ToezichtSectionTests
{
    private static readonly DateOnly Date = new(2026, 12, 7);
    private static readonly Periode H1 = Periode.Parse("2026-H1");

    private static RegisterEntry Register(string code, string stap, DateOnly besluit, DateOnly? termijn = null, string oordeel = "verwijtbaar") =>
        new(code, "taakstelling", besluit, stap, null, oordeel, termijn, null);

    private static LadderProposal Proposal(string code, int gemist, int verklaard, KoppelingStand? stand, string? stap, RegisterEntry? register,
        Vergelijking vergelijking, bool verstreken = false, DateOnly? termijn = null) =>
        new(code, stand is null ? null : H1, stand, gemist, verklaard, stap, null, termijn, register, vergelijking, verstreken, false);

    private static DigestModel Model(bool section, params LadderProposal[] rows) =>
        new("PV30", "Noord-Brabant", Date, [], [],
            new Dictionary<string, string>
            {
                ["GM0855"] = "Tilburg", ["GM0796"] = "'s-Hertogenbosch", ["GM0772"] = "Eindhoven", ["GM0758"] = "Breda", ["GM0828"] = "Oss",
                ["GM1709"] = "Moerdijk",
            },
            null, [], [], [], [], [])
        { Toezicht = new DigestToezicht("brabant", rows), ToezichtSectie = section };

    private static readonly LadderProposal[] Provincie =
    [
        // On track, nothing open: not listed, counted in "de andere".
        Proposal("GM0772", 0, 0, KoppelingShare.Of(100, 120, 110), null, null, Vergelijking.Gelijk),
        // Missed once, all of it explained by koppelingen; the ladder proposes nothing, in line.
        Proposal("GM0758", 1, 1, KoppelingShare.Of(60, 40, 40), null, null, Vergelijking.Gelijk),
        // Missed twice, no step recorded: a heavier step is proposed.
        Proposal("GM0796", 2, 0, KoppelingShare.Of(80, 50, 70), "plan_van_aanpak", null, Vergelijking.VoorstelZwaarder, termijn: new DateOnly(2027, 3, 7)),
        // Plan van aanpak whose termijn passed on 11 October 2026.
        Proposal("GM0828", 2, 0, KoppelingShare.Of(90, 30, 90), "plan_van_aanpak",
            Register("GM0828", "plan_van_aanpak", new DateOnly(2026, 7, 11), new DateOnly(2026, 10, 11)), Vergelijking.Gelijk, verstreken: true),
        // Plan van aanpak whose termijn runs until 8 January 2027, missed three times: heavier than GM0796, same status.
        Proposal("GM1709", 3, 0, KoppelingShare.Of(50, 20, 20), "aanwijzing",
            Register("GM1709", "plan_van_aanpak", new DateOnly(2026, 10, 8), new DateOnly(2027, 1, 8)), Vergelijking.VoorstelZwaarder),
        // Back on track with a step open: the ladder proposes to close the file.
        Proposal("GM0855", 0, 0, KoppelingShare.Of(200, 210, 205), Stappen.Afgesloten,
            Register("GM0855", "hoor_en_wederhoor", new DateOnly(2026, 1, 10), oordeel: "verschoonbaar"), Vergelijking.RegisterVerder),
    ];

    [Fact]
    public void Rows_LaggardsFirst_PassedTermijnThenHeavierProposalByMissesThenTheRest_OnTrackLeftOut()
    {
        var m = Model(true, Provincie);
        Assert.Equal(["GM0828", "GM1709", "GM0796", "GM0855", "GM0758"], ToezichtSection.Rows(m).Select(p => p.Gemeentecode));
        Assert.Equal(["termijn verstreken", "zwaardere stap voorgesteld", "zwaardere stap voorgesteld", "kan afgesloten", "in lijn"],
            ToezichtSection.Rows(m).Select(p => ToezichtSection.Status(p).Word));
    }

    [Fact]
    public void Html_HasTheWordsTheTermijnsAndTheKoppelingenPart_InThatOrder()
    {
        var sb = new StringBuilder();
        ToezichtSection.Html(sb, new DigestView(Model(true, Provincie), null!, new Dictionary<string, string>(), new DigestOptions()));
        var html = sb.ToString();
        Assert.Contains(">Toezicht op de taakstelling</h2>", html);
        Assert.Contains("<strong>1 gemeente met een verstreken termijn, 2 waarvoor de ladder een zwaardere stap voorstelt dan vastgelegd; 4 van 6 gemeenten haalden het laatste halfjaar (2026-H1) niet.</strong>", html);
        Assert.Contains("ladder (brabant)", html);
        // Each row: name, status word on its colour, misses, recorded step with its Dutch date, oordeel, proposal, termijn, achterstand.
        Assert.Contains("<td>Oss</td><td><span style=\"display:inline-block;padding:1px 6px;border-radius:3px;background:#c0392b;", html);
        const string Date = "<br><span style=\"color:#666;font-size:12px;\">";
        Assert.Contains($"<td>plan van aanpak{Date}11 juli 2026</span></td><td>verwijtbaar</td><td>plan van aanpak</td><td><strong style=\"color:#c0392b;\">verstreken op 11 oktober 2026</strong></td><td align=\"right\"><strong>60</strong></td><td align=\"right\">0</td>", html);
        Assert.Contains($"<td>plan van aanpak{Date}8 oktober 2026</span></td><td>verwijtbaar</td><td>aanwijzing</td><td>loopt tot 8 januari 2027</td><td align=\"right\"><strong>30</strong></td><td align=\"right\">30</td>", html);
        Assert.Contains($"<td>geen</td><td></td><td>plan van aanpak{Date}termijn tot 7 maart 2027</span></td><td>–</td><td align=\"right\"><strong>30</strong></td><td align=\"right\">10</td>", html);
        Assert.Contains($"<td>hoor en wederhoor{Date}10 januari 2026</span></td><td>verschoonbaar</td><td>afgesloten</td><td>–</td><td align=\"right\">gehaald</td><td align=\"right\"></td>", html);
        // The counts per status, each on its colour, are the legend.
        Assert.Matches("#c0392b;[^>]*>termijn verstreken</span> 1 &nbsp; .*>zwaardere stap voorgesteld</span> 2 &nbsp; .*>kan afgesloten</span> 1 &nbsp; .*>in lijn</span> 2</p>", html);
        Assert.Contains(">1 (1 door koppelingen)</td>", html);
        Assert.Contains("De andere gemeente haalde het laatste halfjaar en heeft geen open stap.", html);
        Assert.Contains("Dit deel staat alleen in het weekoverzicht voor de toezichthouder", html);
        var order = new[] { "Oss", "Moerdijk", "&#39;s-Hertogenbosch", "Tilburg", "Breda" }.Select(n => html.IndexOf($"<td>{n}</td>", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("<td>Eindhoven</td>", html);
    }

    [Fact]
    public void Text_HasTheSameRowsInTheSameOrder()
    {
        var sb = new StringBuilder();
        ToezichtSection.Text(sb, Model(true, Provincie), new DigestOptions());
        var lines = sb.ToString().Split('\n').Where(l => l.StartsWith("- ")).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal("- Oss: termijn verstreken; gemist op rij 2; vastgelegd plan van aanpak, 11 juli 2026 (verwijtbaar); voorstel plan van aanpak; " +
                     "termijn verstreken op 11 oktober 2026; achterstand 60, niet door koppelingen", lines[0].TrimEnd('\r'));
        Assert.StartsWith("- Breda: in lijn; gemist op rij 1 (1 door koppelingen); vastgelegd geen;", lines[4]);
    }

    [Fact]
    public void NotAToezichtMail_NoSection()
    {
        var sb = new StringBuilder();
        ToezichtSection.Html(sb, new DigestView(Model(false, Provincie), null!, new Dictionary<string, string>(), new DigestOptions()));
        ToezichtSection.Text(sb, Model(false, Provincie), new DigestOptions());
        Assert.Equal("", sb.ToString());
    }
}
