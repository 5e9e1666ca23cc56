using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

public class TagCleaner
{
    private const int MaxTags = 10;
    private const int MaxLength = 30;

    private static readonly Regex Whitespace = new Regex(@"\s+");
    private static readonly Regex Disallowed = new Regex("[^a-z0-9-]");

    public static List<string> Clean(IEnumerable<string> tags)
    {
        var result = new List<string>();
        if (tags == null)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags)
        {
            if (raw == null)
            {
                continue;
            }

            var tag = raw.Trim().ToLower(CultureInfo.InvariantCulture);
            tag = Whitespace.Replace(tag, "-");
            tag = Disallowed.Replace(tag, "");
            if (tag.Length > MaxLength)
            {
                tag = tag.Substring(0, MaxLength);
            }
            tag = tag.Trim('-');

            if (tag.Length == 0 || !seen.Add(tag))
            {
                continue;
            }

            result.Add(tag);
            if (result.Count == MaxTags)
            {
                break;
            }
        }

        return result;
    }
}
