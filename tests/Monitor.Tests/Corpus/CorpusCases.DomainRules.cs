namespace Monitor.Tests.Corpus;

/// <summary>
/// Issue 12 points 2–5 and issue 11.5: deliveries that were accepted although they corrupted figures. Each is refused
/// with its Dutch reason and changes nothing, or (a plausible correction, a contested figure) is loaded as intended.
/// Against the corpus baseline: GM0014 asiel verdeelbesluit 500 (2024-12-31), taakstelling 2025-H1 120 (2024-12-01),
/// feed coa's snapshot with G1 and G2, huisvesting GM0014 100 on 2025-03-31, agreement AFS-1 moving 50 from GM0014.
/// </summary>
public static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> DomainRules() =>
    [
        // 12.2 Codes that look equal are equal.
        Bad("plekken-locatiecode-nulbreedte-spatie.csv", "plekken", "'G2\\u200b' bevat een onzichtbaar teken of stuurteken (\\u200b)",
            line: 3, column: "locatiecode"),
        Bad("plekken-locatiecode-hoofdletters-dubbel.csv", "plekken",
            "locatie AZC-7 (asiel) staat er op 2025-03-15 meer dan eens in met verschillende gegevens (regels 2, 3)", line: 2),

        // 12.3 Herindelingen act from their datum on, and must end.
        Bad("herindelingen-kring.csv", "herindelingen", "de keten van herindelingen vanaf GM0047 eindigt niet: GM0047 → GM0014 → GM0047", line: 2),
        Good("herindelingen-toekomstige-fusie.csv", "herindelingen", async db =>
        {
            await Equal(db, 1L, "SELECT count(*) FROM monitor.herindelingen WHERE oude_code = 'GM0047' AND datum = '2099-01-01'");
            // Veendam's figures stay whole until 2099, not halved over Veendam and Stadskanaal.
            await Equal(db, "GM0047", "SELECT string_agg(doel_code, ',') FROM monitor.gemeente_code_map WHERE bron_code = 'GM0047'");
        }),

        // 12.4 Domain rules.
        Bad("opgave-indicatief-na-verdeelbesluit.csv", "opgave",
            "een eerder stadium (indicatief, gepubliceerd 2025-03-01) kan na een later stadium (verdeelbesluit", line: 2),
        Bad("opgave-taakstelling-verhoogd-in-halfjaar.csv", "opgave",
            "de taakstelling 2025-H1 van GM0014 gaat tijdens het halfjaar omhoog: van 120 (vastgesteld, 2024-12-01) naar 150", line: 2),
        Bad("opgave-publicatiedatum-in-de-toekomst.csv", "opgave", "publicatiedatum 2062-01-01 ligt in de toekomst", line: 2, column: "publicatiedatum"),
        Bad("afspraken-meer-dan-de-opgave.csv", "afspraken", "afspraak AFS-99 verschuift meer asiel van GM0014 weg dan die gemeente heeft", line: 2),
        Good("huisvesting-gehuisvest-daalt.csv", "huisvesting", db => Equal(db, 90,
            "SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014' AND peildatum = '2025-04-15'")),

        // 12.5 A new feed name double-counts.
        Bad("plekken-nieuwe-feednaam-dubbel.csv", "plekken", "staan al in de huidige momentopname van feed coa; ze zouden dubbel tellen. Lever aan met --feed coa",
            line: 2) with { UnconfiguredFeed = "plekken" },

        // 11.5 A corrected figure replaces the earlier one as if it never counted, with its source.
        Good("opgave-puntkomma-rechtsstatus-gecorrigeerd.csv", "opgave", async db =>
        {
            await Equal(db, false, "SELECT telt FROM monitor.opgaven_geldend WHERE gebiedcode = 'GM0014' AND opgave = 'asiel' AND publicatiedatum = '2024-12-31'");
            await Equal(db, "Stcrt. 2025, 1234", "SELECT bron FROM monitor.opgaven WHERE gebiedcode = 'GM0014' AND rechtsstatus = 'gecorrigeerd'");
            await Equal(db, 1L, "SELECT count(*) FROM monitor.fact_revisions WHERE kind = 'opgave' AND new_value ->> 'rechtsstatus' = 'gecorrigeerd'");
        }),
    ];
}
