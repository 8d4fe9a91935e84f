using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// A 302 is the provider's retour on one of our 301s, recorded against it by the 301's Afzender and
/// BerichtIdentificatie, which the retour header copies (IV028). Every class whose codes are not just
/// 0200 ("geen opmerking") is listed as a <see cref="ProviderRejection"/> with the provider's codes,
/// for staff: the Header, the Client, each Relatie and its Contact, each Contact and each
/// ToegewezenProduct, in document order. A 302 with no codes in its Header and no Client accepted the
/// 301 and lists nothing. A class with only 0233 ("niet beoordeeld") is listed too: it tells staff
/// which parts the provider did not look at.
/// </summary>
internal sealed class Wmo302Recorder : IRegisterRecorder
{
    private const string NoRemark = "0200";

    public MessageType Type => MessageType.Wmo302;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo302 { Header: { } header } m)
        {
            return [];
        }

        var rejections = new List<ProviderRejection>();
        var bericht = XmlPath.Bericht;
        if (header.RetourCodes is { } headerCodes)
        {
            Add(rejections, bericht.Child("Header"), "Header", headerCodes);
        }

        if (m.Client is { } client)
        {
            var clientPath = bericht.Child("Client");
            Add(rejections, clientPath, "Client", client.RetourCodes);
            for (var i = 0; i < client.Relaties.Count; i++)
            {
                var relatie = clientPath.Child("Relaties").Item("Relatie", i);
                var name = "Relatie " + (i + 1).ToString(CultureInfo.InvariantCulture);
                Add(rejections, relatie, name, client.Relaties[i].RetourCodes);
                Add(rejections, relatie.Child("Contact"), "Contact of " + name, client.Relaties[i].Contact.RetourCodes);
            }

            for (var i = 0; i < client.Contactgegevens.Count; i++)
            {
                Add(
                    rejections,
                    clientPath.Child("Contactgegevens").Item("Contact", i),
                    "Contact " + (i + 1).ToString(CultureInfo.InvariantCulture),
                    client.Contactgegevens[i].RetourCodes);
            }

            for (var i = 0; i < client.ToegewezenProducten.Count; i++)
            {
                var product = client.ToegewezenProducten[i];
                Add(
                    rejections,
                    clientPath.Child("ToegewezenProducten").Item("ToegewezenProduct", i),
                    "ToegewezenProduct with ToewijzingNummer " + product.ToegewezenProduct.ToewijzingNummer.ToString(CultureInfo.InvariantCulture),
                    product.RetourCodes);
            }
        }

        return
        [
            new RetourRecorded(
                Type.AnswersName!,
                header.Afzender,
                header.BerichtIdentificatie.Identificatie,
                header.BerichtIdentificatie.Dagtekening,
                rejections,
                before.AnswersSentMessage),
        ];
    }

    private static void Add(List<ProviderRejection> rejections, XmlPath path, string subject, EquatableArray<string> codes)
    {
        if (codes.Any(c => c != NoRemark))
        {
            rejections.Add(new ProviderRejection(path.ToString(), subject, [.. codes]));
        }
    }
}
