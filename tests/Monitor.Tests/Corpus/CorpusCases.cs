using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Corpus;

/// <summary>
/// The manifest of the bad-input corpus: every file, what must happen to it, and what the message must say. This part
/// lists the committed files in Corpus/Files; CorpusCases.WrittenAtTestTime.cs lists those written when the tests run.
/// Codes used: GM0014 Groningen, GM0034 Almere, GM0037 Stadskanaal (all known); GM0007 retired into GM1950; GM0788
/// split over four gemeenten in 2021; GM0099 and GM9999 never existed.
/// </summary>
public static partial class CorpusCases
{
    public static IReadOnlyList<CorpusCase> All { get; } = [.. Committed(), .. Generated(), .. ShapeAndEncoding(), .. Toezicht(), .. DomainRules()];

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Small => Names(c => !c.Big);
    public static TheoryData<string> BigOnes => Names(c => c.Big);

    private static TheoryData<string> Names(Func<CorpusCase, bool> which) => new(All.Where(which).Select(c => c.Name));

    private static CorpusCase Bad(string name, string kind, string fragment, long? line = null, string? column = null) =>
        new(name, kind, Expected.Rejected, fragment) { Line = line, Column = column };

    private static CorpusCase Good(string name, string kind, Func<NpgsqlDataSource, Task> verify) =>
        new(name, kind, Expected.Accepted, "") { Verify = verify };

    private static async Task Equal<T>(NpgsqlDataSource db, T expected, string sql) => Assert.Equal(expected, await db.ScalarAsync<T>(sql));

    private static IEnumerable<CorpusCase> Committed() =>
    [
        // CSV with commas: structure
        Bad("plekken-aanhalingsteken-niet-gesloten.csv", "plekken", "De aanhalingstekens (\") kloppen niet", line: 2),
        Bad("plekken-aanhalingsteken-in-veld.csv", "plekken", "De aanhalingstekens (\") kloppen niet", line: 2),
        Bad("opgave-tab-gescheiden.csv", "opgave", "De kopregel lijkt met tabs gescheiden", line: 1),
        Bad("huisvesting-kolom-ontbreekt.csv", "huisvesting", "Kolom 'gehuisvest' ontbreekt in de kopregel", line: 1, column: "gehuisvest"),
        Bad("huisvesting-bevat-plekken.csv", "huisvesting", "Kolom 'periode' ontbreekt in de kopregel. Gevonden kolommen: peildatum, opgave",
            line: 1, column: "periode"),
        Good("huisvesting-extra-kolommen.csv", "huisvesting", db => Equal(db, 80,
            "SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0034' AND peildatum = '2025-04-30'")),
        Bad("plekken-leeg.csv", "plekken", "Het bestand is leeg."),
        Bad("plekken-alleen-kopregel.csv", "plekken", "De levering bevat geen regels"),
        Bad("contacten-alleen-kopregel.csv", "contacten", "De levering bevat geen regels"),

        // CSV with commas: codes
        Bad("huisvesting-onbekende-gemeentecode.csv", "huisvesting", "onbekende gemeentecode GM9999", line: 3, column: "gemeentecode"),
        Good("huisvesting-vervallen-gemeentecode.csv", "huisvesting", db => Equal(db, 12,
            "SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM1950' AND peildatum = '2025-04-30'")),
        Bad("afspraken-gesplitste-gemeentecode.csv", "afspraken", "gemeentecode GM0788 is bij een herindeling gesplitst over GM0757, GM0824",
            line: 2, column: "van_gemeentecode"),

        // CSV with commas: counts
        Bad("plekken-capaciteit-negatief.csv", "plekken", "'-5' mag niet negatief zijn", line: 3, column: "capaciteit"),
        Bad("opgave-aantal-met-decimalen.csv", "opgave", "'512.5' is geen heel getal", line: 2, column: "aantal"),
        Bad("huisvesting-aantal-absurd-groot.csv", "huisvesting", "'99999999999' is onwaarschijnlijk groot", line: 2, column: "gehuisvest"),
        Bad("plekken-capaciteit-onwaarschijnlijk.csv", "plekken", "200000 is onwaarschijnlijk groot voor capaciteit (hoogstens 10.000)",
            line: 3, column: "capaciteit"),

        // CSV with commas: duplicate keys
        Bad("plekken-dubbele-locatie-verschillend.csv", "plekken", "locatie G1 (asiel) staat er op 2025-04-01 meer dan eens in met verschillende gegevens (regels 2, 3)",
            line: 2),
        Bad("opgave-dubbel-met-verschillende-aantallen.csv", "opgave", "meer dan eens in met verschillende aantallen (regels 2, 4)", line: 2),
        Bad("gemeenten-dubbele-gemeentecode.csv", "gemeenten", "gemeentecode GM0014 staat meer dan eens in de levering (regels 2, 3)", line: 2),
        Bad("regios-een-code-twee-namen.csv", "regios", "regio RGR heeft verschillende namen", line: 2),

        // CSV with commas: dates and periods
        Bad("plekken-datum-bestaat-niet.csv", "plekken", "'31-02-2025' is geen bestaande datum", line: 2, column: "peildatum"),
        Bad("huisvesting-datum-buiten-bereik.csv", "huisvesting", "'1899-04-30' ligt buiten 2000–2100", line: 3, column: "peildatum"),
        Bad("plekken-peildatum-in-de-toekomst.csv", "plekken", "peildatum 2099-04-01 ligt in de toekomst", line: 2, column: "peildatum"),
        Bad("plekken-tot-voor-vanaf.csv", "plekken", "beschikbaar_tot 2025-04-01 ligt vóór beschikbaar_vanaf 2025-05-01", line: 2, column: "beschikbaar_tot"),
        Bad("opgave-periode-past-niet-bij-opgave.csv", "opgave", "periode '2025-H1' past niet bij opgave asiel: verwacht een cyclus zoals 2024-2025",
            line: 2, column: "periode"),
        Bad("herindelingen-aandelen-niet-samen-1.csv", "herindelingen", "de aandelen van GM0037 tellen op tot 0,8 in plaats van 1", line: 2),

        // CSV with commas: contacts, whose text ends up in mail headers
        Bad("contacten-regeleinde-in-naam.csv", "contacten", "naam bevat een regeleinde", line: 2, column: "naam"),
        Bad("contacten-ongeldig-emailadres.csv", "contacten", "'prt@@groningen' is geen geldig e-mailadres", line: 3, column: "email"),
        // Issue 12: a quoted local part with a comma passed the old check but stopped every mail; the sender's rule refuses it.
        Bad("contacten-adres-met-komma-tussen-aanhalingstekens.csv", "contacten",
            "is geen geldig e-mailadres: een deel tussen aanhalingstekens vóór de @ kan de verzender niet adresseren", line: 3, column: "email"),

        // CSV with semicolons (Dutch numbers)
        Bad("plekken-puntkomma-halve-plaats.csv", "plekken", "'12,5' is geen heel getal", line: 2, column: "capaciteit"),
        Bad("opgave-puntkomma-punt-als-decimaalteken.csv", "opgave", "In dit bestand staat een komma voor decimalen", line: 2, column: "aantal"),
        Bad("afspraken-puntkomma-periode-tot-voor-van.csv", "afspraken", "periode_tot 2025-H2 ligt vóór periode_van 2026-H1", line: 2, column: "periode_tot"),
        Bad("huisvesting-puntkomma-amv-groter-dan-totaal.csv", "huisvesting", "waarvan_amv (12) is groter dan gehuisvest (10)", line: 2, column: "waarvan_amv"),
        Bad("gemeenten-puntkomma-inwoners-tekst.csv", "gemeenten", "'onbekend' is geen geldig getal", line: 2, column: "inwoners"),
        Bad("gemeenten-puntkomma-provinciecode-zonder-pv.csv", "gemeenten", "'GM0020' is geen provinciecode (een code zonder PV of VR ervoor wordt als gemeentecode gelezen)",
            line: 2, column: "provinciecode"),
        Bad("regios-puntkomma-onbekende-gemeentecode.csv", "regios", "onbekende gemeentecode GM0099", line: 3, column: "gemeentecode"),
        Bad("contacten-puntkomma-onbekende-rol.csv", "contacten", "'wethouder' is geen toegestane waarde; kies uit: college, prt", line: 2, column: "rol"),
        Bad("regimes-puntkomma-overlappende-regimes.csv", "regimes", "overlapt met het regime vanaf 2026-07-01", line: 2),
        Bad("regimes-geldig-tot-voor-vanaf.csv", "regimes", "geldig_tot 2026-12-31 ligt niet na geldig_vanaf 2027-01-01", line: 3, column: "geldig_tot"),
        // Windows-1252, title rows, thousands separators, a code without prefix, a half year in lower case.
        Good("huisvesting-puntkomma-titelrijen-duizendtallen.csv", "huisvesting", db => Equal(db, 1234,
            "SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014' AND peildatum = '2025-04-30'")),
        // A split code in opgave is apportioned over the successors (largest remainder), not refused.
        Good("opgave-puntkomma-gesplitste-code-verdeeld.csv", "opgave", db => Equal(db, 100L,
            "SELECT sum(aantal) FROM monitor.opgaven WHERE periode = '2025-2026' AND versie = 'verdeelbesluit' AND gebiedcode IN ('GM0757','GM0824','GM0855','GM0865')")),

        // JSON
        Bad("huisvesting-json-diep-genest.json", "huisvesting", "dieper genest dan 8 niveaus", line: 3),
        Bad("opgave-json-lijst-als-waarde.json", "opgave", "Veld 'aantal' bevat een lijst of object; verwacht één waarde", line: 2, column: "aantal"),
        Bad("plekken-json-afgebroken.json", "plekken", "Het JSON-bestand houdt halverwege op", line: 3),
        Bad("afspraken-json-geen-lijst.json", "afspraken", "moet een lijst van objecten zijn"),
        Bad("contacten-json-dubbel-veld.json", "contacten", "Veld 'email' staat meer dan eens in dit object", line: 3, column: "email"),
        Bad("huisvesting-json-lege-lijst.json", "huisvesting", "De levering bevat geen regels"),
        Bad("plekken-json-tekst-als-getal.json", "plekken", "'300 plaatsen' is geen geldig getal", line: 2, column: "capaciteit"),
        // Metadata around "rows", a code as "gm14", a number as 5.1e2, an ISO time of midnight, "Oekraïne", "2025 H2".
        Good("opgave-json-rows-met-metadata.json", "opgave", db => Equal(db, 510,
            "SELECT aantal FROM monitor.opgaven WHERE opgave = 'asiel' AND versie = 'verslag' AND periode = '2025-2026' AND gebiedcode = 'GM0014'")),
        Good("regios-json-getal-als-gemeentecode.json", "regios", db => Equal(db, 2L,
            "SELECT count(*) FROM monitor.regio_leden WHERE regiocode = 'RHVB' AND gemeentecode IN ('GM0855','GM0824')")),

        // Cycles: dates in the order of a cycle, a periode of the opgave's own form
        Bad("cycli-puntkomma-verdeelbesluit-voor-verslag.csv", "cycli", "verdeelbesluit_uiterlijk 1-11-2024 ligt vóór verslag_uiterlijk 31-12-2024",
            line: 3, column: "verdeelbesluit_uiterlijk"),
        Bad("cycli-periode-past-niet-bij-opgave.csv", "cycli", "periode '2026-2027' past niet bij opgave taakstelling", line: 3, column: "periode"),

        // Not what it says it is
        Bad("opgave-nep-excel.xlsx", "opgave", "Dit bestand heet .xlsx, maar is geen Excel-werkmap"),
    ];
}
