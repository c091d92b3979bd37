namespace Monitor.Tests.Corpus;

/// <summary>Issue 14: the kinds koppelingen and toezicht in the corpus.</summary>
public static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> Toezicht() =>
    [
        Good("koppelingen-puntkomma-duizendtallen.csv", "koppelingen", db => Equal(db, 1080,
            "SELECT gekoppeld FROM monitor.koppelingen WHERE gemeentecode = 'GM0034' AND periode = '2025-H1'")),
        Bad("koppelingen-waarvan-amv-te-groot.csv", "koppelingen", "waarvan_amv (15) is groter dan gekoppeld (12)", line: 3, column: "waarvan_amv"),
        Good("toezicht-register.csv", "toezicht", db => Equal(db, "2026-04-22",
            "SELECT termijn::text FROM monitor.toezicht_besluiten WHERE gemeentecode = 'GM0014' AND stap = 'plan_van_aanpak'")),
        Bad("toezicht-termijn-voor-besluit.csv", "toezicht", "termijn 2025-12-01 ligt vóór de besluitdatum 2026-01-22", line: 2, column: "termijn"),
        Bad("toezicht-oekraine.csv", "toezicht", "op de opvang van ontheemden uit Oekraïne is geen toezicht", line: 3, column: "opgave"),
        Bad("toezicht-onbekende-stap.csv", "toezicht", "'ingebrekestelling' is geen toegestane waarde; kies uit: informeren", line: 2, column: "stap"),
    ];
}
