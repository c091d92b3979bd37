using Monitor.Digests;
using System.Text;
using Monitor.Feeds.Formats;
using Monitor.Tests.Support;

namespace Monitor.Tests.Corpus;

/// <summary>
/// The corpus files written at test time: XLSX (binary, so declared here as rows where a diff can show them), random
/// bytes, and the big ones (megabyte lines, zip bombs, files above the size limit) that do not belong in git.
/// </summary>
public static partial class CorpusCases
{
    private const string PlekkenHeader = "peildatum,opgave,gemeentecode,locatiecode,locatienaam,status,capaciteit,bezetting,beschikbaar_vanaf,beschikbaar_tot";
    // Properties, not static fields: the manifest is built by a static initialiser in another file of this partial
    // class, which may run before the fields of this file are set.
    private static DateOnly April => new(2025, 4, 1);

    private static IEnumerable<CorpusCase> Generated() =>
    [
        // XLSX: Line is the Excel row number the user sees.
        Good("plekken-excel-titelrijen-lege-rijen.xlsx", "plekken", db => Equal(db, 310,
            $"SELECT capaciteit FROM monitor.plekken WHERE feed = '{CorpusWarehouse.PlekkenFeed}' AND peildatum = '2025-04-01' AND locatiecode = 'G1'"))
            with { Generate = Xlsx("Plekken", [
                ["Plekken COA per locatie"], ["Stand 1 april 2025"], [],
                ["Peildatum", "Opgave", "Gemeentecode", "Locatiecode", "Locatienaam", "Status", "Capaciteit", "Bezetting", "Beschikbaar_vanaf", "Beschikbaar_tot"],
                [April, "asiel", 14, "G1", "Azc Groningen", "Beschikbaar", 310, 290, null, null],
                [],
                [April, "amv", "GM0034", "G2", "Almere", "In voorbereiding", 40, null, new DateOnly(2025, 6, 1), null]]) },
        Bad("opgave-excel-tekst-als-aantal.xlsx", "opgave", "'ca. 500' is geen geldig getal", line: 2, column: "aantal")
            with { Generate = Xlsx("Opgave", [OpgaveHeader, ["asiel", "verslag", "2025-2026", "GM0014", "ca. 500", new DateOnly(2025, 6, 30)]]) },
        Bad("huisvesting-excel-datum-bestaat-niet.xlsx", "huisvesting", "'31-02-2025' is geen bestaande datum", line: 3, column: "peildatum")
            with { Generate = Xlsx("Huisvesting", [["Huisvesting statushouders"], ["peildatum", "periode", "gemeentecode", "gehuisvest"],
                ["31-02-2025", "2025-H1", "GM0014", 10]]) },
        Bad("huisvesting-excel-halve-persoon.xlsx", "huisvesting", "'12,5' is geen heel getal", line: 2, column: "gehuisvest")
            with { Generate = Xlsx("Huisvesting", [["peildatum", "periode", "gemeentecode", "gehuisvest"], [new DateOnly(2025, 4, 30), "2025-H1", "GM0014", 12.5]]) },
        Bad("plekken-excel-capaciteit-negatief.xlsx", "plekken", "'-5' mag niet negatief zijn", line: 2, column: "capaciteit")
            with { Generate = Xlsx("Plekken", [["peildatum", "opgave", "gemeentecode", "locatiecode", "status", "capaciteit"], [April, "asiel", "GM0014", "G1", "beschikbaar", -5]]) },
        Bad("afspraken-excel-kolom-ontbreekt.xlsx", "afspraken", "Kolom 'besluitdatum' ontbreekt in de kopregel", line: 1, column: "besluitdatum")
            with { Generate = Xlsx("Afspraken", [["afspraakcode", "soort", "opgave", "van_gemeentecode", "naar_gemeentecode", "aantal", "periode_van", "periode_tot"],
                ["AFS-5", "verdeling", "asiel", "GM0014", "GM0034", 10, "2024-2025", "2024-2025"]]) },
        Bad("regios-excel-onbekende-gemeentecode.xlsx", "regios", "onbekende gemeentecode GM9999", line: 2, column: "gemeentecode")
            with { Generate = Xlsx("Regio's", [["regiocode", "regionaam", "gemeentecode"], ["RGR", "Regio Groningen", 9999]]) },
        Bad("contacten-excel-leeg-werkblad.xlsx", "contacten", "Werkblad 'Contacten' is leeg.") with { Generate = Xlsx("Contacten", []) },
        Bad("opgave-excel-alleen-kopregel.xlsx", "opgave", "De levering bevat geen regels") with { Generate = Xlsx("Opgave", [OpgaveHeader]) },

        // Binary junk
        Bad("huisvesting-binair.csv", "huisvesting", "Dit is geen CSV-, XLSX- of JSON-bestand.") with { Generate = path =>
        {
            var junk = new byte[64 << 10];
            new Random(7).NextBytes(junk);
            junk[0] = 0x7F; // never the magic number of a format the reader knows (zip, gzip, pdf, …)
            File.WriteAllBytes(path, junk);
        } },

        // Big: megabytes in one row, a whole file of rows with the mistake at the very end, bombs, size limits.
        Bad("plekken-regel-van-5-mb.csv", "plekken", "Deze regel is langer dan 1 MB", line: 3) with { Big = true, Generate = path =>
        {
            using var w = new StreamWriter(path);
            w.Write($"{PlekkenHeader}\n2025-04-01,asiel,GM0014,G1,Azc Groningen,beschikbaar,300,250,,\n2025-04-01,asiel,GM0034,G2,");
            w.Write(new string('x', 5 << 20));
            w.Write(",beschikbaar,200,180,,\n");
        } },
        Bad("plekken-10-mb-fout-op-laatste-regel.csv", "plekken", "'veel' is geen geldig getal", line: BigFileRows + 2, column: "capaciteit")
            with { Big = true, Generate = path =>
            {
                using var w = new StreamWriter(path);
                w.Write(PlekkenHeader + "\n");
                for (var i = 0; i < BigFileRows; i++) w.Write($"2025-04-01,asiel,GM0014,L{i:000000},Locatie nummer {i},beschikbaar,100,90,,\n");
                w.Write("2025-04-01,asiel,GM0014,LAATSTE,Laatste locatie,beschikbaar,veel,,,\n");
            } },
        Bad("huisvesting-json-object-van-3-mb.json", "huisvesting", "begint een object dat groter is dan 1 MB", line: 3)
            with { Big = true, Generate = path => File.WriteAllText(path,
                "[\n  {\"peildatum\": \"2025-04-30\", \"periode\": \"2025-H1\", \"gemeentecode\": \"GM0014\", \"gehuisvest\": 110},\n" +
                $"  {{\"peildatum\": \"2025-04-30\", \"periode\": \"2025-H1\", \"gemeentecode\": \"GM0034\", \"gehuisvest\": 80, \"opmerking\": \"{new string('x', 3 << 20)}\"}}\n]\n") },
        Bad("plekken-zip-bom.xlsx", "plekken", "Het XLSX-bestand pakt uit tot meer dan 512 MB") with { Big = true, Generate = ZipBombs.Honest },
        Bad("plekken-zip-bom-met-valse-groottes.xlsx", "plekken", "Het XLSX-bestand is beschadigd") with { Big = true, Generate = ZipBombs.Understated },
        // Text that packs well but not suspiciously: above the limit refused unread, just below it read within the bound.
        Bad("plekken-excel-150-mb-aan-tekst.xlsx", "plekken", "Het XLSX-bestand bevat meer dan 64 MB aan tekst in de cellen")
            with { Big = true, Generate = ZipBombs.Texts(150L << 20) },
        Bad("plekken-excel-60-mb-aan-tekst.xlsx", "plekken", "Kolom 'peildatum' ontbreekt in de kopregel. Gevonden kolommen: Locatie 00000000",
            line: 1, column: "peildatum") with { Big = true, Generate = ZipBombs.Texts(60L << 20) },
        new CorpusCase("plekken-via-http-2-mb.csv", "plekken", Expected.Refused, "De levering is groter dan de limiet van 1 MB")
            { Big = true, Route = Route.HttpFeed, Generate = path => ValidPlekken(path, 2 << 20) },
        new CorpusCase("plekken-in-map-2-mb.csv", "plekken", Expected.Refused, "plekken-in-map-2-mb.csv is 2 MB, groter dan de limiet van 1 MB voor deze feed")
            { Big = true, Route = Route.DropFolder, Generate = path => ValidPlekken(path, 2 << 20) },
    ];

    /// <summary>Rows before the last one in the 10 MB file.</summary>
    private const int BigFileRows = 150_000;

    /// <summary>The size limit of the feeds in the HttpFeed and DropFolder cases.</summary>
    public const long FeedLimitBytes = 1 << 20;

    private static object?[] OpgaveHeader => ["opgave", "versie", "periode", "gebiedcode", "aantal", "publicatiedatum"];

    private static Action<string> Xlsx(string sheet, IEnumerable<object?[]> rows) => path =>
    {
        using var file = File.Create(path);
        using var writer = new XlsxTableWriter(file);
        writer.AddSheet(sheet, rows);
    };

    /// <summary>A valid plekken file of at least <paramref name="bytes"/> bytes: only its size is wrong.</summary>
    private static void ValidPlekken(string path, long bytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(PlekkenHeader + "\n");
        for (var i = 0; w.BaseStream.Length < bytes; i++) w.Write($"2025-04-01,asiel,GM0014,M{i:000000},Locatie {i},beschikbaar,100,90,,\n");
    }
}
