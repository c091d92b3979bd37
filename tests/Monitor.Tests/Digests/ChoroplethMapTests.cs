using Monitor.Digests.Maps;

namespace Monitor.Tests.Digests;

/// <summary>The map: the shipped geometry decodes, the text summary counts and names by band, a code the map lacks is listed.</summary>
public sealed class ChoroplethMapTests
{
    [Fact]
    public void ShippedGeometry_HasAll342GemeentenWithClosedRings()
    {
        var g = MapGeometry.Load();
        Assert.Equal(342, g.Shapes.Count);
        Assert.Equal("Asten", g.Shapes["GM0743"].Name);
        foreach (var ring in g.Shapes.Values.SelectMany(s => s.Rings))
        {
            Assert.True(ring.Length >= 4);
            Assert.Equal(ring[0], ring[^1]);
            Assert.All(ring, p => Assert.InRange(p.Lon, 3.35, 7.23));
        }
    }

    [Fact]
    public void Summary_CountsPerBand_WorstFirstByName()
    {
        MapValue[] values =
        [
            new("GM1", "Asten", 100, 20), new("GM2", "Breda", 100, 70), new("GM3", "Cuijk", 100, 90), new("GM4", "Deurne", 100, 100),
            new("GM5", "Eersel", 100, 130), new("GM6", "Geen", null, 0),
        ];
        Assert.Equal("2 van 5 gemeenten onder 75%: Asten (20%) en Breda (70%). 1 tussen 75% en 100%: Cuijk (90%). 2 gemeenten halen hun opgave. " +
                     "1 gemeente heeft geen opgave of cijfer (grijs).", ChoroplethMap.Summary(values));
    }

    [Fact]
    public void ACodeTheMapLacks_IsListed_AndTheRestIsDrawn()
    {
        var g = MapGeometry.Load();
        MapValue[] values = [new("GM0743", "Asten", 89, 10), new("GM9999", "Nieuwgemeente", 50, 50)];
        var r = ChoroplethMap.Render(g, "kaart.png", "Test", values);
        Assert.Equal("GM9999", Assert.Single(r.Missing).Code);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], r.Image.Png.Take(4).Select(b => (int)b));
        Assert.Contains("1 van 2 gemeenten onder 75%: Asten (11%).", r.Summary);
    }
}
