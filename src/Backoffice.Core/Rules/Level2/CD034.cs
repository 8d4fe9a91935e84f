using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD034 on Contact/Adres/Postcode of the 301: a BRP address (Soort 01) or a verblijfadres (03)
/// needs a Postcode. The text says "verplicht vullen" without exception, so a Contact of that kind
/// with no Adres at all lacks its Postcode too and is a finding (the path then names the absent
/// Adres/Postcode). Relatie contacts are Contact classes too (<see cref="Wmo301Contacts"/>).
/// </summary>
internal sealed class CD034 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD034",
        "Als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan verplicht vullen.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client: { } client }:
                foreach (var (contact, path) in Wmo301Contacts.Of(client))
                {
                    // The text says 1 and 3; LDT_AdresSoort spells those codes 01 and 03.
                    if (contact.Soort is "01" or "03" && contact.Adres?.Postcode is null)
                    {
                        report.Add(
                            Definition,
                            path.Child("Adres").Child("Postcode"),
                            "Adres/Postcode is missing while Contact/Soort is 01 (BRP-adres) or 03 (verblijfadres) (CD034).");
                    }
                }

                break;
        }
    }
}
