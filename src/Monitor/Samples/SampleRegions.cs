namespace Monitor.Samples;

public sealed record Regio(string Code, string Naam, IReadOnlyList<string> Gemeenten);

/// <summary>User-defined regio's: the Hart van Brabant group (whose method the monitor supports) and two RRT's.</summary>
public static class SampleRegions
{
    public static readonly IReadOnlyList<Regio> All =
    [
        new("RHVB", "Hart van Brabant",
            ["GM0855", "GM0766", "GM0784", "GM0785", "GM0798", "GM0809", "GM0824", "GM0867", "GM0797"]),
        new("RRT-HKR", "RRT Heuvelrug en Kromme Rijn", ["GM1581", "GM0355", "GM0352", "GM0340", "GM0312", "GM0321"]),
        new("RRT-DRS", "RRT Drechtsteden", ["GM0505", "GM0482", "GM0531", "GM0590", "GM0610", "GM0642"]),
    ];

    /// <summary>Fails loudly when a code is not a current gemeente, so a typo never ships in the samples.</summary>
    public static void Validate(ReferenceData reference)
    {
        foreach (var r in All)
            foreach (var code in r.Gemeenten)
                if (!reference.ByCode.ContainsKey(code))
                    throw new InvalidDataException($"Regio {r.Code}: {code} is geen gemeente in {ReferenceData.GemeentenFile}.");
    }
}
