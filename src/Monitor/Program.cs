// The monitor executable: every operator verb and the scheduled service start here.
// Each verb lives in Cli/ and wires only what it needs; see Cli/Verbs.cs for the table of contents.
using Monitor.Cli;

return await Verbs.Build().Parse(args).InvokeAsync();
