using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

public class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        var kept = new List<string>();
        if (tags == null)
        {
            return kept;
        }

        foreach (var tag in tags)
        {
            if (tag == null)
            {
                continue;
            }

            var cleaned = tag.Trim().ToLowerInvariant();
            cleaned = Regex.Replace(cleaned, @"\s+", "-");
            cleaned = Regex.Replace(cleaned, "[^a-z0-9-]", "");
            if (cleaned.Length > 30)
            {
                cleaned = cleaned.Substring(0, 30);
            }
            cleaned = cleaned.Trim('-');

            if (cleaned.Length == 0 || kept.Contains(cleaned))
            {
                continue;
            }

            if (kept.Count > 10)
            {
                break;
            }
            kept.Add(cleaned);
        }

        return kept;
    }
}
