namespace Monitor.Compute;

public sealed partial record GapRow
{
    /// <summary>Why a figure is missing or no longer moving, in words: an area's unknown opgave ("onbekend: 45 van 56
    /// gemeenten zonder opgave; bekend deel: 3.008") and a task that ended ("taakstelling beëindigd per 1-1-2027").
    /// Null when there is nothing to explain.</summary>
    public string? Toelichting { get; init; }
}
