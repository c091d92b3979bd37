using Monitor.Formatting;

namespace Monitor.Analysis;

/// <summary>One half year of a gemeente beside what COA linked: due (gecorrigeerde taakstelling), housed, linked, the
/// achterstand and the part of it that linking explains. Gekoppeld null = no koppelingen figure (then nothing is explained).</summary>
public sealed record KoppelingStand(int? Due, int Housed, int? Gekoppeld, int? Achterstand, int? Verklaard)
{
    /// <summary>The achterstand is there, and all of it is explained: behind, but not by the gemeente's own doing.</summary>
    public bool GeheelVerklaard => Achterstand > 0 && Verklaard == Achterstand;

    /// <summary>What the gemeente could have housed and did not: linked but not housed (the achterstand minus the explained part).</summary>
    public int? EigenDeel => Achterstand > 0 && Verklaard is { } v ? Achterstand - v : null;
}

/// <summary>
/// Koppelingen rule: a gemeente can only house who COA linked to it. Of an achterstand (due − housed), the part
/// due − max(linked, housed) is explained by too few koppelingen, never more than the achterstand and never below 0.
/// Housed above linked (persons linked in an earlier half year) means the gemeente housed everyone it was given, so the
/// whole achterstand is explained. Example: due 30, linked 18, housed 12 → achterstand 18, of which 12 explained.
/// </summary>
public static class KoppelingShare
{
    public static KoppelingStand Of(int? due, int housed, int? gekoppeld)
    {
        int? achterstand = due - housed;
        int? verklaard = achterstand is > 0 && gekoppeld is { } k
            ? Math.Clamp(due!.Value - Math.Max(k, housed), 0, achterstand.Value)
            : achterstand is not null && gekoppeld is not null ? 0 : null;
        return new(due, housed, gekoppeld, achterstand, verklaard);
    }


    /// <summary>The Dutch sentence the outputs share: "achterstand 18, waarvan 12 doordat er te weinig gekoppeld is".
    /// Null when there is no achterstand.</summary>
    public static string? Zin(KoppelingStand s)
    {
        if (s.Achterstand is not > 0) return null;
        var a = s.Achterstand.Value.ToString("N0", Dutch.Culture);
        return s.Verklaard switch
        {
            null => $"achterstand {a} (koppelingen onbekend)",
            0 => $"achterstand {a}, niet verklaard door koppelingen",
            var v when v == s.Achterstand => $"achterstand {a}, geheel doordat er te weinig gekoppeld is",
            var v => $"achterstand {a}, waarvan {v.Value.ToString("N0", Dutch.Culture)} doordat er te weinig gekoppeld is",
        };
    }
}
