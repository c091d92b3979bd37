using Monitor.Formatting;

namespace Monitor.Analysis;

/// <summary>Why an area's opgave is unknown: some member gemeenten have none (DOMAIN.md, settled rule). A blank cell
/// without a reason is a defect, and a partial sum shown as the opgave would read as a smaller one, so the known part
/// is only ever shown labelled as such.</summary>
public sealed record UnknownAggregate(int Unknown, int Members, int KnownPart)
{
    /// <summary>From the members' opgaven on one date; null when every member's opgave is known (nothing to explain).</summary>
    public static UnknownAggregate? Of(IEnumerable<int?> memberOpgaven)
    {
        int unknown = 0, members = 0, known = 0;
        foreach (var o in memberOpgaven)
        {
            members++;
            if (o is { } v) known += v; else unknown++;
        }
        return unknown == 0 ? null : new(unknown, members, known);
    }

    /// <summary>"onbekend: 45 van 56 gemeenten zonder opgave; bekend deel: 3.008" (the known part only when there is one).</summary>
    public string Text => $"onbekend: {Unknown} van {Members} gemeenten zonder opgave"
                          + (Unknown < Members ? $"; bekend deel: {KnownPart.ToString("N0", Dutch.Culture)}" : "");

    /// <summary>When the area's opgave is known (a provincial figure binds) but its gross shortfall is not, because that
    /// needs every member's opgave: "bruto tekort onbekend: 9 van 9 gemeenten zonder opgave".</summary>
    public string ShortfallText => $"bruto tekort onbekend: {Unknown} van {Members} gemeenten zonder opgave";
}
