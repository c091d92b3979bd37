using System.Text.Json;
using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Cli;

namespace Monitor.Tests.Cli;

/// <summary>The <c>monitor gaps</c> formats: the CSV's 13 fixed columns, and the passed deadline beside today's figures.</summary>
public sealed class GapFormatsTests
{
    /// <summary>What scripts rely on: these 13 names, in this order, at the start of the header, whatever is added later.</summary>
    private static readonly string[] FixedColumns =
    [
        "gebiedcode", "gebiednaam", "opgave", "datum", "opgave_aantal", "gerealiseerd", "gap", "tekort", "realisatie_pct", "deadline",
        "prognose_laag", "prognose_midden", "prognose_hoog",
    ];

    private static readonly DateOnly Today = new(2026, 12, 3);

    private static GapRow Row(string code, string niveau, int opgave, int realised, DeadlineOutcome? outcome) =>
        new(code, code == "PV30" ? "Noord-Brabant" : "Tilburg", niveau, "asiel", Today, opgave, realised, opgave - realised,
            Math.Max(opgave - realised, 0), 100m * realised / opgave, new DateOnly(2027, 7, 1), 80, 90, 100, "pijplijn") { VorigeDeadline = outcome };

    private static DeadlineOutcome Tilburg(int opgave = 145, int realised = 70, DateOnly? replacedOn = null) =>
        new("GM0855", AreaLevel.Gemeente, Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1), true, opgave, realised, opgave - realised,
            Math.Max(opgave - realised, 0), realised < opgave ? ["GM0855"] : [], 0, 1, new DateOnly(2027, 7, 1), replacedOn);

    [Fact]
    public void CsvHeader_StartsWithTheThirteenFixedColumns_NewOnesOnlyAfter()
    {
        var header = GapFormats.Csv([]).TrimEnd('\n').Split(',');
        Assert.Equal(FixedColumns, header[..13]);
        Assert.Equal(string.Join(',', FixedColumns), GapFormats.CsvHeader);
        Assert.Equal(["toelichting", .. GapDeadlineColumns.CsvHeader.Split(',')], header[13..]);
    }

    [Fact]
    public void Csv_PassedDeadline_StandsBesideTodaysFigures()
    {
        var lines = GapFormats.Csv([Row("GM0855", "gemeente", 145, 85, Tilburg()), Row("GM0855", "gemeente", 145, 85, null)]).TrimEnd('\n').Split('\n');
        Assert.Equal("GM0855,Tilburg,asiel,2026-12-03,145,85,60,60,58.62,2027-07-01,80,90,100,," +
                     "2025-07-01,2024-2025,145,70,75,75,1,GM0855,15,ja", lines[1]);
        // No passed deadline shown: the columns are there, and empty.
        Assert.EndsWith(",100,,,,,,,,,,,", lines[2]);
        Assert.Equal(24, lines[2].Split(',').Length);
    }

    [Fact]
    public void Json_And_Text_SayWhetherTheDeadlineIsStillMissed()
    {
        var still = Row("GM0855", "gemeente", 145, 85, Tilburg());
        var reached = Row("GM0855", "gemeente", 145, 150, Tilburg());
        var replaced = Row("GM0855", "gemeente", 145, 85, Tilburg(replacedOn: new DateOnly(2026, 12, 1)));
        using var json = JsonDocument.Parse(GapFormats.Json([still]));
        var vorige = json.RootElement[0].GetProperty("vorige_deadline");
        Assert.Equal("2025-07-01", vorige.GetProperty("deadline").GetString());
        Assert.True(vorige.GetProperty("deadline_gemist").GetBoolean());
        Assert.Equal(15, vorige.GetProperty("sinds_deadline").GetInt32());
        Assert.Equal("GM0855", vorige.GetProperty("gemist_gemeenten")[0].GetString());

        Assert.Equal("1-7-2025: 70 van 145, gemist; sindsdien +15 (deadline gemist)", GapDeadlineColumns.Text(still));
        Assert.Equal("1-7-2025: 70 van 145, gemist; sindsdien +80", GapDeadlineColumns.Text(reached));
        Assert.Equal("1-7-2025: 70 van 145, gemist; sindsdien +15", GapDeadlineColumns.Text(replaced));
        Assert.Equal("", GapDeadlineColumns.Text(Row("GM0855", "gemeente", 145, 85, null)));
    }

    [Fact]
    public void Text_ForAProvincie_GivesNetAndGrossAndHowManyGemeentenMissedIt()
    {
        var missed = Enumerable.Range(1, 23).Select(i => $"GM{i:0000}").ToList();
        var pv = new DeadlineOutcome("PV30", AreaLevel.Provincie, Opgave.Asiel, "2024-2025", new DateOnly(2025, 7, 1), true, 10_000, 8_672, 1_328,
            1_378, missed, 0, 56, null, null);
        Assert.Equal("1-7-2025: 1.328 tekort netto, 1.378 bruto, 23 gemeenten gemist; sindsdien +580 (deadline gemist)",
            GapDeadlineColumns.Text(Row("PV30", "provincie", 10_000, 9_252, pv)));
    }
}
