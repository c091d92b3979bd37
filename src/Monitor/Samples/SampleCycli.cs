namespace Monitor.Samples;

/// <summary>
/// The cycli delivery of the samples: Spreidingswet cycle 1 as it happened (deadline 1 July 2025) and cycle 2 as far as
/// it was known in December 2026. Cycle 2's deadline of 1 July 2027 is an <b>assumption</b> (the real date had not been
/// announced; samples/README.md says so); its start is the Kamerbrief of 5 February 2026 with the capaciteitsraming.
/// </summary>
public static class SampleCycli
{
    private static readonly string[] Columns =
        ["opgave", "periode", "deadline", "startdatum", "verslag_uiterlijk", "verdeelbesluit_uiterlijk", "omschrijving"];

    /// <summary>The delivery as a table (the benchmark's data set loads the same cycles).</summary>
    public static SampleTable Table() => new(Columns, Rows());

    internal static void Write(SampleOutput output) =>
        output.Csv("cycli.csv", "cycli", "cycli", Table(), CsvStyle.Standard,
            "Spreidingswet-cycli: cyclus 1 (deadline 1-7-2025) en cyclus 2 (deadline 1-7-2027 is een aanname), voor asiel en amv.");

    private static IEnumerable<object?[]> Rows()
    {
        foreach (var opgave in new[] { "asiel", "amv" })
        {
            yield return [opgave, "2024-2025", new DateOnly(2025, 7, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 11, 1),
                new DateOnly(2024, 12, 31), "Spreidingswet cyclus 1: plekken beschikbaar op 1 juli 2025"];
            yield return [opgave, "2026-2027", new DateOnly(2027, 7, 1), new DateOnly(2026, 2, 5), null,
                new DateOnly(2026, 12, 18), "Spreidingswet cyclus 2; deadline aangenomen (nog niet bekendgemaakt)"];
        }
    }
}
