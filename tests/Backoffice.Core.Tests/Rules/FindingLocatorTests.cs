using System.Text;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules;

public sealed class FindingLocatorTests
{
    private const string Xml = """
        <b:Bericht xmlns:b="urn:x">
          <b:Clienten>
            <b:Client><b:Bsn>1</b:Bsn></b:Client>
            <b:Client>
              <b:Bsn>2</b:Bsn>
            </b:Client>
          </b:Clienten>
        </b:Bericht>
        """;

    private static IReadOnlyList<Finding> Locate(params string[] paths) =>
        FindingLocator.Locate(new MemoryStream(Encoding.UTF8.GetBytes(Xml)), [.. paths.Select(p => new Finding(2, "CS002", "0001", p, null, null, "x"))]);

    [Test]
    public void An_element_gets_its_own_line_and_column()
    {
        var found = Locate("/Bericht/Clienten/Client[2]/Bsn").Single();

        Assert.That((found.Line, found.Column), Is.EqualTo((5, 8)));
    }

    [Test]
    public void An_absent_element_gets_the_position_of_its_nearest_present_ancestor()
    {
        var found = Locate("/Bericht/Clienten/Client/Geboortedatum").Single();

        Assert.That((found.Line, found.Column), Is.EqualTo((3, 6)));
    }

    [Test]
    public void Positions_are_counted_per_same_named_sibling()
    {
        var found = Locate("/Bericht/Clienten/Client/Bsn", "/Bericht/Clienten/Client[2]");

        Assert.That(found.Select(f => f.Line), Is.EqualTo(new int?[] { 3, 4 }));
    }
}
