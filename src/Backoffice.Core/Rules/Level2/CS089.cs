using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS089 on Contact/Adres/Postcode of the 301 (every Contact: under Contactgegevens and under each
/// Relatie): with LandCode NL the postcode has the Dutch form, four digits (not starting with 0)
/// directly followed by two capital letters, as in the BRP ("1234AB": no space, no lower case).
/// The letter pairs PostNL never issues (SA, SD, SS) are not checked; the text asks for the format
/// only. Without LandCode NL (including no LandCode at all, which is CD005's business) nothing is checked.
/// </summary>
internal sealed class CS089 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS089",
        "Als LandCode de waarde NL (Nederland) heeft, dan moet het formaat overeenkomen met dat van een Nederlandse postcode.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        foreach (var (contact, path) in Wmo301Contacts.Of(m.Client))
        {
            Postcode(contact, path, report);
        }
    }

    /// <summary>Four digits, the first not 0, then two capital letters A-Z.</summary>
    public static bool IsDutchPostcode(string postcode) =>
        postcode is { Length: 6 }
        && postcode[0] is >= '1' and <= '9'
        && char.IsAsciiDigit(postcode[1]) && char.IsAsciiDigit(postcode[2]) && char.IsAsciiDigit(postcode[3])
        && char.IsAsciiLetterUpper(postcode[4]) && char.IsAsciiLetterUpper(postcode[5]);

    private void Postcode(Contact? contact, XmlPath at, RuleReport report)
    {
        if (contact?.Adres is { LandCode: "NL", Postcode: { } postcode } && !IsDutchPostcode(postcode))
        {
            report.Add(Definition, at.Child("Adres").Child("Postcode"), "Postcode does not have the Dutch format (four digits and two capital letters) while LandCode is NL (CS089).");
        }
    }
}
