using Backoffice.Core.Messages;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules.Level4;

/// <summary>
/// TR135: "a date that exists and does not lie in the future", for the Dagtekening of the message
/// (WJ001 8848: "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen"). The external
/// source is the receiver's system date, the register's processing date; the same day is fine. Read
/// for the Header's BerichtIdentificatie/Dagtekening only, the date the retourcode names; whether a
/// date exists is level 1 (xs:date).
/// </summary>
internal sealed class TR135 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level4(
        "TR135",
        "8848",
        "Vullen met een bestaande datum die niet in de toekomst ligt.",
        HeaderScopes.HeenMessagesAnd325());

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message.Header.BerichtIdentificatie.Dagtekening > before.ProcessingDate)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Header").Child("BerichtIdentificatie").Child("Dagtekening"),
                "Dagtekening of the message lies after the processing date (TR135).");
        }
    }
}
