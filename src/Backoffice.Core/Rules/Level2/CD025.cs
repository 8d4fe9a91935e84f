using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD025 on Contact/Adres/Huis of the 301: a Dutch address (LandCode NL) needs a Huis. The rule
/// says nothing about other countries, so a foreign address without Huis is fine. Relatie contacts
/// are Contact classes too (<see cref="Wmo301Contacts"/>).
/// </summary>
internal sealed class CD025 : IMessageRule
{
    private const string Nederland = "NL";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD025",
        "Als Adres / LandCode de waarde NL (Nederland) heeft, dan verplicht vullen.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client: { } client }:
                foreach (var (contact, path) in Wmo301Contacts.Of(client))
                {
                    if (contact.Adres is { LandCode: Nederland, Huis: null })
                    {
                        report.Add(Definition, path.Child("Adres").Child("Huis"), "Adres/Huis is missing while Adres/LandCode is NL (Nederland) (CD025).");
                    }
                }

                break;
        }
    }
}
