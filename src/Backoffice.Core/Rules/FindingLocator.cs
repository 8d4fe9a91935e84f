using System.Xml;
using Backoffice.Core.Validation;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Rules;

/// <summary>
/// Fills in line and column of rule findings from the raw XML, in one forward pass that builds a
/// path string only for elements on the way to a finding. A finding about an element that is absent
/// (a condition that wants it filled) gets the position of its nearest element that is there.
/// </summary>
public static class FindingLocator
{
    public static IReadOnlyList<Finding> Locate(Stream xml, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0 || findings.All(f => f.Path is null))
        {
            return findings;
        }

        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wanted in findings.Select(f => f.Path).OfType<string>())
        {
            for (var cut = wanted.IndexOf('/', 1); cut > 0; cut = wanted.IndexOf('/', cut + 1))
            {
                prefixes.Add(wanted[..cut]);
            }

            prefixes.Add(wanted);
        }

        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var path = new ElementPath();
        var texts = new List<string?>();
        using (var reader = XmlReader.Create(xml, UntrustedXml.ReaderSettings()))
        {
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    path.Push(reader.LocalName);
                    var depth = path.Depth - 1;
                    var parent = depth == 0 ? string.Empty : texts[depth - 1];
                    var here = parent is null ? null : parent + ElementPath.Step(reader.LocalName, path.Ordinal(depth));
                    if (here is not null && !prefixes.Contains(here))
                    {
                        here = null;
                    }

                    if (texts.Count == depth)
                    {
                        texts.Add(here);
                    }
                    else
                    {
                        texts[depth] = here;
                    }

                    if (here is not null)
                    {
                        positions.TryAdd(here, (info.LineNumber, info.LinePosition));
                    }

                    if (reader.IsEmptyElement)
                    {
                        path.Pop();
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    path.Pop();
                }
            }
        }

        return [.. findings.Select(f => f.Path is null || f.Line is not null ? f : Place(f, positions))];
    }

    private static Finding Place(Finding finding, Dictionary<string, (int Line, int Column)> positions)
    {
        for (var path = finding.Path!; path.Length > 0; path = path[..Math.Max(0, path.LastIndexOf('/'))])
        {
            if (positions.TryGetValue(path, out var at))
            {
                return finding with { Line = at.Line, Column = at.Column };
            }
        }

        return finding;
    }
}
