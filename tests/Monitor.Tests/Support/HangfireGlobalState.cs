namespace Monitor.Tests.Support;

/// <summary>
/// Hangfire keeps process-wide state (its log provider, global filters): a serve app sets the log provider to its own
/// logger factory, which is disposed with the app. Tests that build apps or Hangfire clients share this collection so
/// they never overlap, and reset the provider when an app is gone. A real process builds one app and never sees this.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HangfireGlobalState
{
    public const string Name = "Hangfire global state";

    public static void ResetLogProvider() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
}
