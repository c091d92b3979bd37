using Monitor.Analysis;
using ScottPlot;
using Monitor.Formatting;
using Monitor.Digests.Maps;

namespace Monitor.Digests;

/// <summary>A rendered chart: PNG bytes plus what the HTML needs.</summary>
public sealed record Chart(string FileName, string Alt, byte[] Png, int Width, int Height);

/// <summary>Every picture of one digest, by purpose, so sections pick theirs by name rather than by position.</summary>
public sealed record DigestVisuals(Chart History, IReadOnlyDictionary<string, Chart> Bars, Chart CarryOver, IReadOnlyDictionary<string, MapResult> Maps)
{
    public IEnumerable<Chart> All => new[] { History }.Concat(Bars.Values).Append(CarryOver).Concat(Maps.Values.Select(m => m.Image));
}

/// <summary>
/// The digest's charts, rendered with ScottPlot to PNG. Pure: a model in, bytes out. Bars run horizontally, sorted,
/// one readable label per gemeente (56 in Noord-Brabant), with the value on the bar; quantity axes start at 0; legends
/// sit outside the data.
/// </summary>
public static class DigestCharts
{
    private const int Width = 800, Height = 420, BarRow = 19;

    /// <summary>The opgaven with a realisation bar chart and a map: the supervised ones that most readers ask about.</summary>
    public static readonly string[] Pictured = ["asiel", "taakstelling"];

    public static DigestVisuals Render(DigestModel m, DigestOptions o, MapGeometry? geometry = null)
    {
        // ScottPlot formats tick labels with the current culture: Dutch dates (d-M-yyyy) and thousands (3.200).
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = Dutch.Culture;
        try
        {
            geometry ??= MapGeometry.Load();
            return new DigestVisuals(RealisedVsOpgave(m),
                Pictured.ToDictionary(p => p, p => RealisationPerGemeente(m, o, p)),
                CarryOver(m),
                Pictured.ToDictionary(p => p, p => Map(m, geometry, p)));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    public static MapResult Map(DigestModel m, MapGeometry geometry, string opgave)
    {
        var values = m.Names.Keys.Where(c => c.StartsWith("GM", StringComparison.Ordinal))
            .Select(c => m.Gemeenten.FirstOrDefault(f => f.Gebiedcode == c && f.Opgave == opgave) is { } f
                ? new MapValue(c, m.Name(c), f.OpgaveAantal, f.Gerealiseerd)
                : new MapValue(c, m.Name(c), null, 0))
            .ToList();
        return ChoroplethMap.Render(geometry, $"kaart-{opgave}.png",
            $"{OpgaveTitle(opgave)} {m.ProvincieNaam}: realisatie per gemeente op {Dutch.Date(m.Date)}", values);
    }

    /// <summary>Asiel in the provincie over time from 0: realised, the opgave, the passed deadline, and the projection to the next.</summary>
    public static Chart RealisedVsOpgave(DigestModel m)
    {
        ChartFonts.Ensure();
        var plot = NewPlot($"Asielopvang {m.ProvincieNaam}: gerealiseerd en opgave");
        var h = m.History;
        var top = 0.0;
        if (h.Count > 0)
        {
            var xs = h.Select(p => X(p.Datum)).ToArray();
            var real = plot.Add.Scatter(xs, h.Select(p => (double)p.Gerealiseerd).ToArray());
            real.LegendText = "gerealiseerd"; real.MarkerSize = 0; real.LineWidth = 2.5f; real.Color = Colors.SteelBlue;
            var withOpgave = h.Where(p => p.OpgaveAantal is not null).ToList();
            if (withOpgave.Count > 0)
            {
                var op = plot.Add.Scatter(withOpgave.Select(p => X(p.Datum)).ToArray(), withOpgave.Select(p => (double)p.OpgaveAantal!.Value).ToArray());
                op.LegendText = "opgave"; op.MarkerSize = 0; op.LineWidth = 2; op.Color = Colors.DarkRed; op.ConnectStyle = ConnectStyle.StepHorizontal;
            }
            top = h.Max(p => Math.Max(p.Gerealiseerd, p.OpgaveAantal ?? 0));
        }
        if (m.Passed.GetValueOrDefault("asiel") is { } passed)
        {
            var line = plot.Add.VerticalLine(X(passed.Date));
            line.Color = Colors.DarkRed; line.LinePattern = LinePattern.Dashed; line.LineWidth = 1.5f;
            line.LegendText = $"deadline {passed.Date:d-M-yyyy} (verstreken)";
        }
        if (m.Headline("asiel") is { Deadline: { } deadline, PrognoseLaag: { } laag, PrognoseHoog: { } hoog } f && deadline > m.Date)
        {
            double[] xs = [X(m.Date), X(deadline)];
            var range = plot.Add.FillY(xs, [f.Gerealiseerd, laag], [f.Gerealiseerd, hoog]);
            range.FillColor = Colors.SteelBlue.WithAlpha(0.2); range.LineColor = Colors.SteelBlue.WithAlpha(0.4);
            range.LegendText = "prognose laag–hoog";
            if (f.PrognoseMidden is { } mid)
            {
                var line = plot.Add.Scatter(xs, new double[] { f.Gerealiseerd, mid });
                line.LinePattern = LinePattern.Dashed; line.MarkerSize = 0; line.Color = Colors.SteelBlue; line.LegendText = "prognose midden";
            }
            if (f.OpgaveAantal is { } opgave)
            {
                var op = plot.Add.Scatter(xs, new double[] { opgave, opgave });
                op.MarkerSize = 0; op.LineWidth = 2; op.Color = Colors.DarkRed; op.LinePattern = LinePattern.Dotted;
                top = Math.Max(top, opgave);
            }
            top = Math.Max(top, hoog);
            var dl = plot.Add.VerticalLine(X(deadline));
            dl.Color = Colors.Gray; dl.LinePattern = LinePattern.Dashed; dl.LegendText = $"deadline {deadline:d-M-yyyy}";
        }
        if (h.Count == 0 && m.Headline("asiel") is null) plot.Add.Annotation("Geen gegevens voor asielopvang");
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("plekken");
        // A quantity axis starts at 0: a 4% change must look like 4%.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, Math.Max(10, top * 1.08));
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, "gerealiseerd-vs-opgave.png", $"Asielopvang {m.ProvincieNaam}: gerealiseerde plekken en opgave in de tijd vanaf 0, met de verstreken deadline en de prognose", Height + 40);
    }

    /// <summary>Realisation % per gemeente for one opgave, worst first at the top, coloured by band with the band's word and the value on each bar.</summary>
    public static Chart RealisationPerGemeente(DigestModel m, DigestOptions o, string opgave)
    {
        ChartFonts.Ensure();
        var plot = NewPlot($"{OpgaveTitle(opgave)}: realisatie per gemeente (% van de opgave)");
        var rows = m.Gemeenten.Where(f => f.Opgave == opgave && f.OpgaveAantal is > 0)
            .Select(f => (f, pct: (double)(f.RealisatiePct ?? 100m * f.Gerealiseerd / f.OpgaveAantal!.Value)))
            .OrderBy(x => x.pct).ThenBy(x => m.Name(x.f.Gebiedcode), Dutch.NameOrder).ToList();
        var n = rows.Count;
        // Worst at the top: position n-1 is drawn highest.
        var bars = rows.Select((x, i) =>
        {
            var band = RealisationBand.Of(x.f.OpgaveAantal, x.f.Gerealiseerd);
            return new Bar
            {
                Position = n - 1 - i, Value = x.pct, FillColor = Color.FromHex(band.Hex), LineWidth = 0,
                Label = $"{x.pct.ToString("0", Dutch.Culture)}% {band.Word}",
            };
        }).ToList();
        var max = rows.Count > 0 ? Math.Max(o.TargetPct, rows.Max(x => x.pct)) : o.TargetPct;
        if (bars.Count > 0)
        {
            var bp = plot.Add.Bars(bars);
            bp.Horizontal = true;
            bp.ValueLabelStyle.FontSize = 11;
        }
        else plot.Add.Annotation("Geen gemeenten met een opgave");
        var target = plot.Add.VerticalLine(o.TargetPct);
        target.LinePattern = LinePattern.Dashed; target.Color = Colors.Black; target.LegendText = $"doel {o.TargetPct:0}%";
        LabelGemeenten(plot, rows.Select(x => m.Name(x.f.Gebiedcode)).Reverse().ToList());
        plot.XLabel("% van de opgave");
        plot.Axes.SetLimitsX(0, max * 1.22); // room for the value labels beside the longest bar
        plot.Axes.SetLimitsY(-0.7, Math.Max(n, 1) - 0.3);
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, $"realisatie-{opgave}.png",
            $"{OpgaveTitle(opgave)}: realisatie per gemeente als percentage van de opgave, laagste bovenaan, met de doellijn", BarsHeight(n));
    }

    /// <summary>Taakstelling: achterstand (positive) or voorsprong (negative) carried into the running half year, largest achterstand on top.</summary>
    public static Chart CarryOver(DigestModel m)
    {
        ChartFonts.Ensure();
        var periode = m.CarryOvers.FirstOrDefault()?.Periode ?? Periode.HalfYearOf(m.Date).ToString();
        var plot = NewPlot($"Taakstelling {periode}: meegenomen achterstand (+) of voorsprong (−)");
        var rows = m.CarryOvers.Where(c => c.CarryIn != 0).OrderBy(c => c.CarryIn).ThenBy(c => m.Name(c.Gemeentecode), Dutch.NameOrder).ToList();
        var bars = rows.Select((c, i) => new Bar
        {
            Position = i, Value = c.CarryIn, FillColor = c.CarryIn > 0 ? Color.FromHex(RealisationBand.FarBehind.Hex) : Color.FromHex(RealisationBand.Met.Hex),
            LineWidth = 0, Label = c.CarryIn > 0 ? $"achterstand {c.CarryIn}" : $"voorsprong {-c.CarryIn}",
        }).ToList();
        if (bars.Count > 0)
        {
            var bp = plot.Add.Bars(bars);
            bp.Horizontal = true;
            bp.ValueLabelStyle.FontSize = 11;
        }
        else plot.Add.Annotation("Geen gemeente nam een achterstand of voorsprong mee");
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black; zero.LineWidth = 1;
        LabelGemeenten(plot, rows.Select(c => m.Name(c.Gemeentecode)).ToList());
        plot.XLabel("personen");
        if (rows.Count > 0)
        {
            var lo = Math.Min(0, rows.Min(c => c.CarryIn));
            var hi = Math.Max(0, rows.Max(c => c.CarryIn));
            var pad = Math.Max(10, (hi - lo) * 0.3);
            plot.Axes.SetLimitsX(lo - (lo < 0 ? pad : 0), hi + pad);
            plot.Axes.SetLimitsY(-0.7, rows.Count - 0.3);
        }
        return Render(plot, "taakstelling-overloop.png", $"Taakstelling {periode}: achterstand of voorsprong meegenomen uit het vorige halfjaar, per gemeente, grootste achterstand bovenaan",
            BarsHeight(rows.Count));
    }

    internal static string OpgaveTitle(string opgave) => opgave switch
    {
        "asiel" => "Asielopvang",
        "amv" => "Opvang amv",
        "taakstelling" => "Taakstelling statushouders",
        _ => DigestModel.OpgaveLabel(opgave),
    };

    private static int BarsHeight(int n) => Math.Max(320, 170 + BarRow * n); // title, axis and legend take ~170 px; a few bars still get room

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, size: 15);
        return plot;
    }

    /// <summary>One horizontal label per bar, full names, a font that stays readable with 56 rows.</summary>
    private static void LabelGemeenten(Plot plot, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), names.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
    }

    private static Chart Render(Plot plot, string name, string alt, int height = Height) =>
        new(name, alt, plot.GetImageBytes(Width, height, ImageFormat.Png), Width, height);

    private static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();
}
