namespace Backoffice.Core.Validation;

/// <summary>
/// Which iWmo 3.2 messages a validation takes as in scope. The schema check is the same for both;
/// only the classification of the answers the municipality sends itself differs.
/// </summary>
public enum MessageScope
{
    /// <summary>
    /// What arrives in the municipality's inbox: messages from providers (302, 305, 307, 315, 317, 320,
    /// 323) and from its own front office (301). An answer the municipality itself sends (306, 308,
    /// 316, 318, 325, see <see cref="Standard.MessageType.IsMunicipalityAnswer"/>) is
    /// <see cref="Verdict.Unsupported"/>: someone put our own output, or a misrouted file, in the inbox.
    /// </summary>
    Inbound,

    /// <summary>
    /// Every iWmo 3.2 message, whichever side sends it: for staff checking the answers we send
    /// (<c>backoffice validate</c>) before or after they go out.
    /// </summary>
    AnyDirection,
}
