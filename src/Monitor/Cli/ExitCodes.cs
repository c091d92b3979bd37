namespace Monitor.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Anything that is not a rejection: bad configuration, database down, a bug.</summary>
    public const int Failure = 1;
    /// <summary>The delivery (or input) was read and rejected; the problems are on stderr.</summary>
    public const int Rejected = 2;
}
