using System.Text;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Windows code pages are not built into .NET; the provider must be registered before Windows-1252 can decode a CSV,
/// and before ExcelDataReader is created (its configuration asks for 1252 even when reading XLSX).
/// </summary>
internal static class LegacyEncodings
{
    private static readonly Lazy<Encoding> Cp1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static Encoding Windows1252 => Cp1252.Value;

    public static void Register() => _ = Cp1252.Value;
}
