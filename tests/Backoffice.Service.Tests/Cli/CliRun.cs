using Backoffice.Service.Cli;

namespace Backoffice.Service.Tests.Cli;

/// <summary>The command line as an operator runs it, in-process: exit code, standard output, standard error.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackofficeCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
