using Backoffice.Core.Standard;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Standard;

/// <summary>The one table of message types: codes, directions and which answers are the municipality's own.</summary>
public sealed class MessageTypeTests
{
    [Test]
    public void Municipality_answers_are_the_retours_306_308_316_318_and_the_325()
    {
        var own = MessageType.All.Where(t => t.IsMunicipalityAnswer).Select(t => t.Name);

        Assert.That(own, Is.EqualTo(new[] { "WMO306", "WMO308", "WMO316", "WMO318", "WMO325" }));
    }

    [Test]
    public void Provider_retours_302_and_320_are_answers_but_not_the_municipality_s()
    {
        Assert.That(MessageType.Wmo302.IsAnswer && MessageType.Wmo320.IsAnswer, Is.True);
        Assert.That(MessageType.Wmo302.IsMunicipalityAnswer || MessageType.Wmo320.IsMunicipalityAnswer, Is.False);
    }

    [Test]
    public void The_municipality_is_the_Afzender_of_what_it_sends_and_of_the_retours_that_copy_its_header()
    {
        var afzender = MessageType.All.Where(t => t.MunicipalityIsAfzender).Select(t => t.Name);

        Assert.That(afzender, Is.EqualTo(new[] { "WMO301", "WMO302", "WMO319", "WMO320", "WMO325" }));
    }

    [Test]
    public void Every_answer_names_a_heen_message_whose_answer_it_is()
    {
        foreach (var answer in MessageType.All.Where(t => t.IsAnswer))
        {
            var heen = MessageType.FromName(answer.AnswersName);
            Assert.That(heen, Is.Not.Null, answer.Name);
            Assert.That(heen!.AnswerName, Is.EqualTo(answer.Name));
            Assert.That(heen.Direction, Is.Not.EqualTo(answer.Direction), $"{answer.Name} goes back the way {heen.Name} came");
        }
    }
}
