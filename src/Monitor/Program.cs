// The monitor executable: every operator verb and the scheduled service start here.
// Each verb lives in Cli/ and wires only what it needs; see Cli/Verbs.cs for the table of contents.
using System.CommandLine;
using Monitor.Cli;

// A verb that opens the warehouse first thing has it opened while its command line is built and parsed (cli_gaps_ms).
if (Array.IndexOf(Verbs.OpeningTheWarehouse, args.FirstOrDefault()) >= 0) Monitor.Hosting.MonitorContext.StartOpening();

// The framework's own output (help, parse errors) is caught and put into Dutch; the verbs write to the console directly.
var output = new StringWriter();
var error = new StringWriter();
var parse = Verbs.Build(args.FirstOrDefault()).Parse(args);
int exit;
try
{
    exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
}
finally
{
    if (error.GetStringBuilder().Length > 0) Console.Error.Write(CliText.Help(error.ToString()));
    if (output.GetStringBuilder().Length > 0) Console.Out.Write(CliText.Help(output.ToString()));
}
await Monitor.Hosting.MonitorContext.CloseUnusedOpeningAsync();
return exit;
