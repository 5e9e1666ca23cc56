using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

public class TagCleaner
{
    private const int MaxTagLength = 30;
    private const int MaxTags = 10;

    private static readonly Regex Whitespace = new Regex(@"\s+");

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

            string tag = raw.Trim().ToLowerInvariant();
            tag = Whitespace.Replace(tag, "-");

            var sb = new StringBuilder(tag.Length);
            foreach (char c in tag)
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                {
                    sb.Append(c);
                }
            }

            tag = sb.ToString().Trim('-');
            if (tag.Length > MaxTagLength)
            {
                tag = tag.Substring(0, MaxTagLength);
            }

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
