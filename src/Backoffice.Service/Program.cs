using System.CommandLine;
using Backoffice.Service.Cli;

// backoffice: the municipal side of the iWmo 3.2 exchange. Each verb is one file under Cli/;
// all of them build the same host (Hosting/BackofficeHost.cs) and call the same processing code.
var root = new RootCommand("Backoffice: takes in, validates and records iWmo 3.2 messages for a municipality or regional backoffice.")
{
    RunCommand.Create(),
    ProcessCommand.Create(Console.Out, Console.Error),
    ValidateCommand.Create(Console.Out, Console.Error),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"backoffice: {error.Message}");
    }

    Console.Error.WriteLine("Run 'backoffice --help' for usage.");
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
