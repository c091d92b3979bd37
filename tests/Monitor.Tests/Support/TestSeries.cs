using Monitor.Analysis;
using Monitor.Compute;

namespace Monitor.Tests.Support;

/// <summary>A monitor.series row written as the warehouse stores it (level and opgave as text), for alert and mail tests.</summary>
public static class TestSeries
{
    public static SeriesRow Row(string code, string niveau, string opgave, DateOnly datum, int? opgaveAantal, int gerealiseerd, int? gap,
        int? tekort, decimal? pct, DateOnly? deadline, int? laag, int? midden, int? hoog) =>
        new(code, SeriesReader.ParseLevel(niveau), AnalysisCodes.ParseOpgave(opgave), datum, opgaveAantal, gerealiseerd, gap, tekort,
            pct is { } p ? (double)p : null, null, deadline, laag, midden, hoog, midden is null ? null : "lineair");
}
