namespace Monitor.Digests;

/// <summary>
/// Registers the shipped DejaVu Sans with ScottPlot once. The NoDependencies SkiaSharp build does not use fontconfig and
/// a container has no fonts, so without this text renders blank or in a random face.
/// </summary>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Digests", "Fonts");

    public static void Ensure() => _ = Registered.Value;

    private static bool Register()
    {
        var regular = Path.Combine(Folder, "DejaVuSans.ttf");
        var bold = Path.Combine(Folder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular)) throw new FileNotFoundException($"Lettertype ontbreekt: {regular}");
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        if (File.Exists(bold)) ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        return true;
    }
}
