using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// The provider's 320 is recorded against the 319 it answers, found by the 319's Afzender,
/// Identificatie and Dagtekening that the retour header copies (IV028). Each of its two classes whose
/// codes are not just 0200 ("geen opmerking") becomes a <see cref="ProviderRejection"/> with the
/// provider's codes: the Header (0001 for level 2, or a header code) and the Antwoord. A class with
/// only 0233 ("niet beoordeeld") is listed too, as for the 302: it tells staff what the provider did
/// not look at. A 320 without codes accepted the 319 and lists nothing. The subject names the class
/// only: the ReferentieAanbieder is the provider's free text.
/// </summary>
internal sealed class Wmo320Recorder : IRegisterRecorder
{
    private const string NoRemark = "0200";

    public MessageType Type => MessageType.Wmo320;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo320 { Header: { } header } retour)
        {
            return [];
        }

        var rejections = new List<ProviderRejection>();
        Add(rejections, XmlPath.Bericht.Child("Header"), "Header", header.RetourCodes);
        Add(rejections, XmlPath.Bericht.Child("Antwoord"), "Antwoord", retour.Antwoord?.RetourCodes);
        var answered = header.BerichtIdentificatie;
        return [new RetourRecorded(Type.AnswersName!, header.Afzender, answered.Identificatie, answered.Dagtekening, rejections, before.AnswersSentMessage)];
    }

    private static void Add(List<ProviderRejection> rejections, XmlPath path, string subject, EquatableArray<string>? codes)
    {
        if (codes is { } list && list.Any(c => c != NoRemark))
        {
            rejections.Add(new ProviderRejection(path.ToString(), subject, [.. list]));
        }
    }
}
