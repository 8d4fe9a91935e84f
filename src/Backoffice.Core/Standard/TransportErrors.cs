using Backoffice.Core.Validation;

namespace Backoffice.Core.Standard;

/// <summary>
/// The GGk transport errors (Fo01 codes) that tell a sender about a message no retour can be built
/// for (iwmo-3.2.md §8.1 and §9; OP090x2): the folder inbox, and later the GGk adapter, both use these.
/// </summary>
public static class TransportErrors
{
    /// <summary>IB001: the message is not valid (not XSD-valid, not readable XML, or breaks a file rule).</summary>
    public const string NotValid = "IB001";

    /// <summary>IB003: the message is too large (OP179).</summary>
    public const string TooLarge = "IB003";

    /// <summary>IB004: the function (message type) is not supported by the receiver.</summary>
    public const string NotSupported = "IB004";

    /// <summary>The transport error for a level-1 verdict; null for a valid message (it gets a retour).</summary>
    public static string? For(Verdict verdict) => verdict switch
    {
        Verdict.Valid => null,
        Verdict.TooLarge => TooLarge,
        Verdict.Unsupported => NotSupported,
        _ => NotValid,
    };
}
