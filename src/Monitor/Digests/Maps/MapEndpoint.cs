using Monitor.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Digests.Maps;

/// <summary>
/// The digest's map per provincie and opgave as a PNG under <c>monitor serve</c> (/kaart/PV30/asiel.png), for Grafana's
/// text panel: drawn from the shipped geometry, nothing fetched from the internet. The text summary is at .txt.
/// </summary>
public static class MapEndpoint
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/kaart/{provincie}/{file}", async (string provincie, string file, HttpContext http) =>
        {
            var opgave = Path.GetFileNameWithoutExtension(file);
            var ext = Path.GetExtension(file);
            if (!System.Text.RegularExpressions.Regex.IsMatch(provincie, "^PV[0-9]{2}$") || !DigestModel.Opgaven.Contains(opgave) || ext is not (".png" or ".txt"))
                return Results.NotFound("Onbekende kaart: gebruik /kaart/PVnn/<asiel|amv|oekraine|taakstelling>.png of .txt");
            DigestModel model;
            try { model = await app.Services.GetRequiredService<DigestData>().LoadAsync(provincie, AmsterdamDate.Today(), http.RequestAborted); }
            catch (ArgumentException e) { return Results.NotFound(e.Message); }
            var map = DigestCharts.Map(model, MapGeometry.Load(), opgave);
            http.Response.Headers.CacheControl = "max-age=300";
            if (ext == ".txt")
                return Results.Text(map.Summary + (map.Missing.Count > 0 ? " Niet op de kaart: " + string.Join(", ", map.Missing.Select(x => $"{x.Name} ({x.Code})")) + "." : ""),
                    "text/plain; charset=utf-8");
            return Results.File(map.Image.Png, "image/png");
        });
    }
}
