using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

public class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        if (tags == null)
        {
            return new List<string>();
        }

        return tags
            .Where(t => t != null)
            .Select(Normalize)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToList();
    }

    private static string Normalize(string tag)
    {
        string lowered = tag.Trim().ToLowerInvariant();
        var sb = new StringBuilder(lowered.Length);
        bool inWhitespace = false;

        foreach (char c in lowered)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inWhitespace)
                {
                    sb.Append('-');
                    inWhitespace = true;
                }
                continue;
            }

            inWhitespace = false;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            {
                sb.Append(c);
            }
        }

        string cleaned = sb.ToString();
        if (cleaned.Length > 30)
        {
            cleaned = cleaned.Substring(0, 30);
        }
        return cleaned.Trim('-');
    }
}
