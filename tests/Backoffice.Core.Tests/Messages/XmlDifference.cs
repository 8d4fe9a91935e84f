using System.Xml.Linq;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// Compares two message documents by element names (namespace + local name), order and leaf
/// text, ignoring prefixes and indentation. Returns the path of the first difference, or null.
/// </summary>
internal static class XmlDifference
{
    public static string? Between(XDocument expected, XDocument actual) =>
        Between(expected.Root!, actual.Root!, expected.Root!.Name.LocalName);

    private static string? Between(XElement expected, XElement actual, string path)
    {
        if (expected.Name != actual.Name)
        {
            return $"{path}: expected element {expected.Name}, found {actual.Name}";
        }

        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        if (expectedChildren.Count == 0 && actualChildren.Count == 0)
        {
            return expected.Value == actual.Value ? null : $"{path}: expected text '{expected.Value}', found '{actual.Value}'";
        }

        for (var i = 0; i < Math.Max(expectedChildren.Count, actualChildren.Count); i++)
        {
            if (i >= expectedChildren.Count)
            {
                return $"{path}: unexpected {actualChildren[i].Name.LocalName}";
            }

            if (i >= actualChildren.Count)
            {
                return $"{path}: missing {expectedChildren[i].Name.LocalName}";
            }

            if (Between(expectedChildren[i], actualChildren[i], $"{path}/{expectedChildren[i].Name.LocalName}[{i + 1}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }
}
