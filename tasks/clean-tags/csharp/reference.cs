using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

public static class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        var result = new List<string>();
        if (tags == null)
        {
            return result;
        }
        var seen = new HashSet<string>();
        foreach (var raw in tags)
        {
            if (raw == null)
            {
                continue;
            }
            var text = Regex.Replace(raw.Trim().ToLowerInvariant(), @"\s+", "-");
            var kept = new StringBuilder();
            foreach (var ch in text)
            {
                if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')
                {
                    kept.Append(ch);
                }
            }
            var tag = kept.ToString();
            if (tag.Length > 30)
            {
                tag = tag.Substring(0, 30);
            }
            tag = tag.Trim('-');
            if (tag.Length == 0 || !seen.Add(tag))
            {
                continue;
            }
            result.Add(tag);
            if (result.Count == 10)
            {
                break;
            }
        }
        return result;
    }
}
