using ScottPlot;

namespace Monitor.Outputs;

/// <summary>A rendered chart: PNG bytes plus what the HTML needs.</summary>
public sealed record Chart(string FileName, string Alt, byte[] Png, int Width, int Height);

/// <summary>The digest's three charts, rendered with ScottPlot to PNG. Pure: a model in, bytes out.</summary>
public static class DigestCharts
{
    private const int Width = 800, Height = 400;

    public static IReadOnlyList<Chart> Render(DigestModel m, DigestOptions o)
    {
        // ScottPlot formats tick labels with the current culture: Dutch dates (d-M-yyyy) and thousands (3.200).
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = Alerts.AlertRules.Nl;
        try { return [RealisedVsOpgave(m), RealisationPerGemeente(m, o), CarryOver(m)]; }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    /// <summary>Asiel in the provincie over time: realised, the opgave, and the projection range to the deadline.</summary>
    public static Chart RealisedVsOpgave(DigestModel m)
    {
        ChartFonts.Ensure();
        var plot = NewPlot($"Asielopvang {m.ProvincieNaam}: gerealiseerd en opgave");
        var h = m.History;
        if (h.Count > 0)
        {
            var xs = h.Select(p => X(p.Datum)).ToArray();
            var real = plot.Add.Scatter(xs, h.Select(p => (double)p.Gerealiseerd).ToArray());
            real.LegendText = "gerealiseerd"; real.MarkerSize = 0; real.LineWidth = 2; real.Color = Colors.SteelBlue;
            var withOpgave = h.Where(p => p.OpgaveAantal is not null).ToList();
            if (withOpgave.Count > 0)
            {
                var op = plot.Add.Scatter(withOpgave.Select(p => X(p.Datum)).ToArray(), withOpgave.Select(p => (double)p.OpgaveAantal!.Value).ToArray());
                op.LegendText = "opgave"; op.MarkerSize = 0; op.LineWidth = 2; op.Color = Colors.DarkRed; op.ConnectStyle = ConnectStyle.StepHorizontal;
            }
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
            }
            var dl = plot.Add.VerticalLine(X(deadline));
            dl.Color = Colors.Gray; dl.LinePattern = LinePattern.Dashed; dl.LegendText = $"deadline {deadline:d-M-yyyy}";
        }
        if (h.Count == 0 && m.Headline("asiel") is null) plot.Add.Annotation("Geen gegevens voor asielopvang");
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("plekken");
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, "gerealiseerd-vs-opgave.png", $"Asielopvang {m.ProvincieNaam}: gerealiseerde plekken en opgave in de tijd, met de prognose tot de deadline");
    }

    /// <summary>Asiel realisation % per gemeente, against the target line.</summary>
    public static Chart RealisationPerGemeente(DigestModel m, DigestOptions o)
    {
        ChartFonts.Ensure();
        var plot = NewPlot($"Realisatie asielopvang per gemeente (% van de opgave)");
        var rows = m.Gemeenten.Where(f => f.Opgave == "asiel" && f.OpgaveAantal is > 0).OrderBy(f => m.Name(f.Gebiedcode)).ToList();
        var bars = rows.Select((f, i) => new Bar
        {
            Position = i,
            Value = (double)(f.RealisatiePct ?? 100m * f.Gerealiseerd / f.OpgaveAantal!.Value),
            FillColor = (double)(f.RealisatiePct ?? 0) >= o.TargetPct ? Colors.SeaGreen : Colors.IndianRed,
        }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
        else plot.Add.Annotation("Geen gemeenten met een asielopgave");
        var target = plot.Add.HorizontalLine(o.TargetPct);
        target.LinePattern = LinePattern.Dashed; target.Color = Colors.Black; target.LegendText = $"doel {o.TargetPct:0}%";
        LabelGemeenten(plot, rows.Select(f => m.Name(f.Gebiedcode)).ToList());
        plot.YLabel("% van de opgave");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, "realisatie-per-gemeente.png", "Realisatie asielopvang per gemeente als percentage van de opgave, met de doellijn");
    }

    /// <summary>Taakstelling: achterstand (positive) or voorsprong (negative) carried into the running half year, per gemeente.</summary>
    public static Chart CarryOver(DigestModel m)
    {
        ChartFonts.Ensure();
        var periode = m.CarryOvers.FirstOrDefault()?.Periode ?? Alerts.TaakstellingRule.HalfYearOf(m.Date);
        var plot = NewPlot($"Taakstelling {periode}: meegenomen achterstand (+) of voorsprong (−)");
        var rows = m.CarryOvers.OrderBy(c => m.Name(c.Gemeentecode)).ToList();
        var bars = rows.Select((c, i) => new Bar
        {
            Position = i, Value = c.CarryIn, FillColor = c.CarryIn > 0 ? Colors.IndianRed : Colors.SeaGreen,
        }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
        else plot.Add.Annotation("Geen taakstellingsgegevens");
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black; zero.LineWidth = 1;
        LabelGemeenten(plot, rows.Select(c => m.Name(c.Gemeentecode)).ToList());
        plot.YLabel("personen");
        return Render(plot, "taakstelling-overloop.png", $"Taakstelling {periode}: achterstand of voorsprong meegenomen uit het vorige halfjaar, per gemeente");
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, size: 15);
        return plot;
    }

    private static void LabelGemeenten(Plot plot, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), names.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -60;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = names.Count > 30 ? 8 : 11;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinimumSize = 110;
    }

    private static Chart Render(Plot plot, string name, string alt) =>
        new(name, alt, plot.GetImageBytes(Width, Height, ImageFormat.Png), Width, Height);

    private static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();
}
