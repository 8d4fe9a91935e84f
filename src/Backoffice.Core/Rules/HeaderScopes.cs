using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules;

/// <summary>
/// The scopes of the rules on the Header that TR056, TR135 and TR378 share: their "Gebruik in
/// berichten" names every heen message and the 325 (WJ001 lists the same), never a retour.
/// </summary>
internal static class HeaderScopes
{
    public static RuleScope[] HeenMessagesAnd325() =>
    [
        new(MessageType.Wmo301, "Header"), new(MessageType.Wmo305, "Header"), new(MessageType.Wmo307, "Header"),
        new(MessageType.Wmo315, "Header"), new(MessageType.Wmo317, "Header"), new(MessageType.Wmo319, "Header"),
        new(MessageType.Wmo323, "Header"), new(MessageType.Wmo325, "Header"),
    ];
}
