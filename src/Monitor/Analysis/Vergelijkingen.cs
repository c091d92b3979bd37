namespace Monitor.Analysis;

/// <summary>How the recorded step compares with the proposed one, as codes and as Dutch words.</summary>
public static class Vergelijkingen
{
    /// <summary>The code in csv and json output and in alert keys; scripts rely on it.</summary>
    public static string Code(this Vergelijking v) => v switch
    {
        Vergelijking.RegisterVerder => "register_verder",
        Vergelijking.VoorstelZwaarder => "voorstel_zwaarder",
        _ => "gelijk",
    };

    public static string Label(this Vergelijking v) => v switch
    {
        Vergelijking.RegisterVerder => "register verder dan voorstel",
        Vergelijking.VoorstelZwaarder => "voorstel zwaarder",
        _ => "in lijn",
    };
}
