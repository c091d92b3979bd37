using System.Text.Json;

namespace Monitor.Digests.Maps;

/// <summary>One gemeente's outline: its rings as (longitude, latitude) points, outer rings and holes alike.</summary>
public sealed record MapShape(string Code, string Name, IReadOnlyList<(double Lon, double Lat)[]> Rings);

/// <summary>
/// The gemeente boundaries shipped in <c>maps/</c> (CBS/Kadaster via PDOK, CC BY 4.0; see maps/BRON.md), decoded from
/// TopoJSON: quantized, delta-encoded arcs, a negative index meaning the arc reversed, the first point of every arc after
/// the first dropped because it repeats the last one.
/// </summary>
public sealed class MapGeometry(IReadOnlyDictionary<string, MapShape> shapes)
{
    public const string Attribution = "Bron: CBS / Kadaster (PDOK), CC BY 4.0";
    public const string FileName = "gemeenten-2025.topojson";

    private static readonly Lazy<MapGeometry> Shipped = new(() => Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "maps", FileName))));

    public IReadOnlyDictionary<string, MapShape> Shapes { get; } = shapes;

    /// <summary>The file that travels with the binary, read once.</summary>
    public static MapGeometry Load() => Shipped.Value;

    public static MapGeometry Parse(string topoJson)
    {
        using var doc = JsonDocument.Parse(topoJson);
        var root = doc.RootElement;
        var scale = root.GetProperty("transform").GetProperty("scale");
        var translate = root.GetProperty("transform").GetProperty("translate");
        double sx = scale[0].GetDouble(), sy = scale[1].GetDouble(), tx = translate[0].GetDouble(), ty = translate[1].GetDouble();

        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            var points = new List<(double, double)>();
            long x = 0, y = 0;
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                points.Add((x * sx + tx, y * sy + ty));
            }
            return points;
        }).ToList();

        var shapes = new Dictionary<string, MapShape>(StringComparer.Ordinal);
        foreach (var object_ in root.GetProperty("objects").EnumerateObject())
            foreach (var g in object_.Value.GetProperty("geometries").EnumerateArray())
            {
                var props = g.GetProperty("properties");
                var code = props.GetProperty("statcode").GetString()!;
                var name = props.GetProperty("statnaam").GetString()!;
                var polygons = g.GetProperty("type").GetString() switch
                {
                    "Polygon" => [g.GetProperty("arcs")],
                    "MultiPolygon" => g.GetProperty("arcs").EnumerateArray().ToList(),
                    _ => new List<JsonElement>(),
                };
                var rings = polygons.SelectMany(poly => poly.EnumerateArray()).Select(ring => Ring(ring, arcs)).ToList();
                shapes[code] = new MapShape(code, name, rings);
            }
        return new MapGeometry(shapes);
    }

    private static (double, double)[] Ring(JsonElement ring, List<List<(double, double)>> arcs)
    {
        var points = new List<(double, double)>();
        foreach (var index in ring.EnumerateArray().Select(i => i.GetInt32()))
        {
            var arc = index >= 0 ? arcs[index] : Enumerable.Reverse(arcs[~index]).ToList();
            points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
        }
        return points.ToArray();
    }
}
