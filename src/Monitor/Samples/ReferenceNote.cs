namespace Monitor.Samples;

/// <summary>samples/feeds/REFERENCE-DATA.md: what the reference files in the sample set are, then the source note.</summary>
internal static class ReferenceNote
{
    public static string Text(string readme) => $"""
        # Reference data in the sample feeds

        `gemeenten.csv` and `herindelingen.csv` carry the reference data of `samples/reference/`, copied from the
        project's shared data. **Codes, names, provincie and veiligheidsregio membership are official (CBS);
        `inwoners` and `oppervlakte_km2` are documented estimates, not CBS counts.** Everything else in the sample
        feeds is synthetic (see `samples/README.md`).

        - `herindelingen.csv` is a byte-for-byte copy of `samples/reference/herindelingen.csv` (UTF-8, `,`).
        - `gemeenten.csv` holds the same 342 rows and values as `samples/reference/gemeenten-2025.csv`, written the
          way Dutch Excel saves "CSV (puntkomma)": `;` as delimiter, Windows-1252, thousands dots in `inwoners`
          (`244.529`) and a decimal comma in `oppervlakte_km2` (`185,53`), so the sample set exercises that variant
          of the feed contract (and "Súdwest-Fryslân" only reads right when the encoding is detected).

        The note below is `samples/reference/README.md` unchanged: sources, method, validation and limitations.

        ---

        {readme}
        """;
}
