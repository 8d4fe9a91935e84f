namespace Backoffice.Service.Cli;

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    /// <summary>Everything valid / the run completed.</summary>
    public const int Ok = 0;

    /// <summary>validate: some input is invalid. process: some input could not be taken in and stays for a retry.</summary>
    public const int Findings = 1;

    /// <summary>Usage, configuration or I/O error: the command could not do its job.</summary>
    public const int Usage = 2;
}
