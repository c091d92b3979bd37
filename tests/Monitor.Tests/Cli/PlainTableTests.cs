using Monitor.Analysis;
using Monitor.Cli;
using Monitor.Compute;
using Spectre.Console;

namespace Monitor.Tests.Cli;

/// <summary>The gaps table written directly (<see cref="PlainTable"/>) is character for character what Spectre writes for
/// the same cells, and hands anything it cannot be sure of back to Spectre.</summary>
public sealed class PlainTableTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private static GapRow Row(string code, string naam, string niveau, string opgave, int? aantal, int realised, string? toelichting = null,
        string? rechtsstatus = null, DeadlineOutcome? outcome = null) =>
        new(code, naam, niveau, opgave, Day, aantal, realised, aantal - realised, aantal is { } a ? Math.Max(a - realised, 0) : null,
            aantal is { } b ? 100m * realised / b : null, aantal is null ? null : new DateOnly(2027, 7, 1), aantal is null ? null : realised + 10,
            aantal is null ? null : realised + 20, aantal is null ? null : realised + 30, aantal is null ? null : "pijplijn+trend")
        { Toelichting = toelichting, Rechtsstatus = rechtsstatus, VorigeDeadline = outcome };

    private static DeadlineOutcome Missed() =>
        new("GM0855", AreaLevel.Gemeente, Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1), true, 145, 70, 75, 75, ["GM0855"], 0, 1,
            new DateOnly(2027, 7, 1), null);

    private static string Spectre(List<string[]> cells)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(text) });
        console.Profile.Width = GapFormats.PageWidth;
        console.Write(GapFormats.SpectreTable(cells));
        return text.ToString();
    }

    public static TheoryData<string> Cases() => ["provincie", "gemeenten", "onbekend", "leeg"];

    private static List<GapRow> Rows(string name) => name switch
    {
        "provincie" =>
        [
            Row("PV26", "Utrecht", "provincie", "asiel", 6196, 4770), Row("PV26", "Utrecht", "provincie", "amv", 573, 175),
            Row("PV26", "Utrecht", "provincie", "oekraine", 7130, 6790), Row("PV26", "Utrecht", "provincie", "taakstelling", 2062, 1208),
        ],
        "gemeenten" =>
        [
            Row("GM0855", "Tilburg", "gemeente", "asiel", 145, 85, rechtsstatus: "in_bezwaar"),
            Row("GM1900", "Súdwest-Fryslân", "gemeente", "oekraine", 300, 310, toelichting: "beëindigd per 4-3-2026"),
        ],
        "onbekend" => [Row("PV30", "Noord-Brabant", "provincie", "asiel", null, 4000, toelichting: "opgave onbekend: 3 van 56 gemeenten zonder opgave")],
        _ => [Row("NL", "Nederland", "land", "taakstelling", 100, 0, toelichting: "")],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlainTable_IsWhatSpectreWrites(string name)
    {
        var cells = GapFormats.Cells(Rows(name));
        var plain = PlainTable.TryRender(GapFormats.Headers, cells, GapFormats.PageWidth);
        Assert.NotNull(plain);
        Assert.Equal(Spectre(cells), plain);
    }

    [Theory]
    [InlineData("naam [met] haken")]
    [InlineData("twee  spaties")]
    [InlineData(" voorloopspatie")]
    [InlineData("let op: :warning: hier")]
    [InlineData("tab\there")]
    [InlineData("日本")]
    public void OddText_IsLeftToSpectre(string toelichting)
    {
        var cells = GapFormats.Cells([Row("PV26", "Utrecht", "provincie", "asiel", 10, 5, toelichting: toelichting)]);
        Assert.Null(PlainTable.TryRender(GapFormats.Headers, cells, GapFormats.PageWidth));
    }

    [Fact]
    public void WiderThanThePage_IsLeftToSpectre()
    {
        var cells = GapFormats.Cells([Row("PV26", "Utrecht", "provincie", "asiel", 10, 5, toelichting: string.Join(' ', Enumerable.Repeat("woord", 40)))]);
        Assert.Null(PlainTable.TryRender(GapFormats.Headers, cells, GapFormats.PageWidth));
        // A passed deadline beside a gemeente's figures makes the table 206 wide: Spectre wraps it.
        Assert.Null(PlainTable.TryRender(GapFormats.Headers, GapFormats.Cells([Row("GM0855", "Tilburg", "gemeente", "asiel", 145, 85, outcome: Missed())]),
            GapFormats.PageWidth));
    }

    [Fact]
    public void IntoAFile_ALongExplanationStaysOnItsRow()
    {
        // A passed deadline beside a gemeente's figures is wider than any page: into a file or pipe each row stays one
        // line (grep sees the whole row), where a terminal gets Spectre's wrapping.
        var rows = new List<GapRow> { Row("GM0855", "Tilburg", "gemeente", "asiel", 145, 85, outcome: Missed()), Row("GM0855", "Tilburg", "gemeente", "amv", 20, 5) };
        var file = new StringWriter();
        GapFormats.Table(rows, file, redirected: true);
        var lines = file.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(4, lines.Count); // header, rule, two rows
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
        Assert.True(lines[0].Length > GapFormats.PageWidth);
        var asiel = Assert.Single(lines, l => l.Contains(" asiel "));
        Assert.Contains(GapDeadlineColumns.Text(rows[0]), asiel);
        Assert.Contains("70 van 145, gemist", asiel);
        Assert.StartsWith("  GM0855 Tilburg", lines[3]);
    }
}
