using ScottPlot;
using Monitor.Formatting;

namespace Monitor.Digests.Maps;

/// <summary>One gemeente on the map: its figures for the opgave shown.</summary>
public sealed record MapValue(string Code, string Name, int? Opgave, int Gerealiseerd);

/// <summary>The map, its description for readers who cannot see it, and the gemeenten the geometry lacks.</summary>
public sealed record MapResult(Chart Image, string Summary, IReadOnlyList<MapValue> Missing);

/// <summary>
/// A choropleth of a provincie's gemeenten by realisation band, rendered with ScottPlot to PNG (mail clients show no
/// SVG), with the attribution drawn on the image. Pure: geometry and figures in, bytes and sentences out.
/// </summary>
public static class ChoroplethMap
{

    public static MapResult Render(MapGeometry geometry, string fileName, string title, IReadOnlyList<MapValue> values, int width = 800, int height = 640)
    {
        ChartFonts.Ensure();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, size: 15);
        var drawn = values.Where(v => geometry.Shapes.ContainsKey(v.Code)).ToList();
        var missing = values.Where(v => !geometry.Shapes.ContainsKey(v.Code)).OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
        // Longitude shrinks with latitude: scale x by cos(latitude) so the provincie keeps its shape.
        var lat = drawn.SelectMany(v => geometry.Shapes[v.Code].Rings.SelectMany(r => r)).Select(p => p.Lat).DefaultIfEmpty(52).Average();
        var kx = Math.Cos(lat * Math.PI / 180);
        foreach (var v in drawn)
        {
            var band = RealisationBand.Of(v.Opgave, v.Gerealiseerd);
            foreach (var ring in geometry.Shapes[v.Code].Rings)
            {
                var polygon = plot.Add.Polygon(ring.Select(p => new Coordinates(p.Lon * kx, p.Lat)).ToArray());
                polygon.FillColor = Color.FromHex(band.Hex);
                polygon.LineColor = Colors.White;
                polygon.LineWidth = 0.8f;
            }
        }
        if (drawn.Count == 0) plot.Add.Annotation("Geen gemeenten om te tekenen");
        // No axes on a map, but keep the title (Frameless would drop it with the axes).
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.TickLabelStyle.IsVisible = false;
        }
        plot.HideGrid();
        plot.Axes.SquareUnits();
        foreach (var b in RealisationBand.All.Where(b => drawn.Any(v => RealisationBand.Of(v.Opgave, v.Gerealiseerd) == b)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = RealisationBand.Legend(b), FillColor = Color.FromHex(b.Hex), LineColor = Color.FromHex(b.Hex) });
        plot.Legend.FontSize = 12;
        plot.ShowLegend(Edge.Right);
        var source = plot.Add.Annotation(MapGeometry.Attribution, Alignment.LowerLeft);
        source.LabelFontSize = 10; source.LabelBackgroundColor = Colors.White.WithAlpha(0.85); source.LabelBorderColor = Colors.Transparent;
        source.LabelShadowColor = Colors.Transparent; source.LabelFontColor = Colors.DimGray;
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        var summary = Summary(values);
        return new MapResult(new Chart(fileName, $"{title}. {summary}", png, width, height), summary, missing);
    }

    /// <summary>
    /// The map in sentences (after the Dutch corona dashboard's map descriptions): how many gemeenten per band, the
    /// furthest behind by name.
    /// </summary>
    public static string Summary(IReadOnlyList<MapValue> values)
    {
        var withOpgave = values.Where(v => v.Opgave is > 0).ToList();
        if (withOpgave.Count == 0) return "Geen gemeente heeft een opgave.";
        string Names(IEnumerable<MapValue> vs, int max)
        {
            var list = vs.OrderBy(v => (double)v.Gerealiseerd / v.Opgave!.Value).ThenBy(v => v.Name, StringComparer.Create(Dutch.Culture, true)).ToList();
            var shown = list.Take(max).Select(v => $"{v.Name} ({Pct(v)})").ToList();
            if (list.Count > max) shown.Add($"{list.Count - max} andere");
            return shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " en " + shown[^1];
        }
        var far = withOpgave.Where(v => RealisationBand.Of(v.Opgave, v.Gerealiseerd) == RealisationBand.FarBehind).ToList();
        var behind = withOpgave.Where(v => RealisationBand.Of(v.Opgave, v.Gerealiseerd) == RealisationBand.Behind).ToList();
        var met = withOpgave.Count - far.Count - behind.Count;
        var n = withOpgave.Count;
        var parts = new List<string>
        {
            far.Count == 0 ? $"Geen van de {n} gemeenten zit onder 75% van de opgave." : $"{far.Count} van {n} gemeenten onder 75%: {Names(far, 8)}.",
        };
        if (behind.Count > 0) parts.Add($"{behind.Count} tussen 75% en 100%: {Names(behind, 5)}.");
        parts.Add(met == 1 ? "1 gemeente haalt haar opgave." : $"{met} gemeenten halen hun opgave.");
        var without = values.Count - n;
        if (without > 0) parts.Add(without == 1 ? "1 gemeente heeft geen opgave of cijfer (grijs)." : $"{without} gemeenten hebben geen opgave of cijfer (grijs).");
        return string.Join(" ", parts);
    }

    private static string Pct(MapValue v) => (100.0 * v.Gerealiseerd / v.Opgave!.Value).ToString("0", Dutch.Culture) + "%";
}
