using System.CommandLine;
using Backoffice.Service.Hosting;

namespace Backoffice.Service.Cli;

/// <summary>The command line: every verb, usage errors as exit code 2. Program.cs and the tests both run this.</summary>
public static class BackofficeCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Backoffice: takes in, validates and records iWmo 3.2 messages for a municipality or regional backoffice.")
        {
            RunCommand.Create(stderr),
            ProcessCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            MigrateCommand.Create(stdout, stderr),
            QueueCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
            AnswerRequestCommand.Create(stdout, stderr),
            ReportCommand.Create(stdout, stderr),
            DemoCommand.Create(stdout, stderr),
            AuditCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"backoffice: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'backoffice --help' for usage.");
            return ExitCodes.Usage;
        }

        RunningCommand.Enter(VerbOf(parsed));
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    /// <summary>The verb path without the root ("import", "report payments"), for the audit trail's origin.</summary>
    private static string VerbOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? result = parsed.CommandResult; result is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } command; result = result.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return names.Count == 0 ? "backoffice" : string.Join(' ', names);
    }
}
