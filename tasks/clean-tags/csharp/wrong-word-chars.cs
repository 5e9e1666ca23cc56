using System.Collections.Generic;
using System.Text.RegularExpressions;

public static class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        var cleaned = new List<string>();
        if (tags == null) return cleaned;
        foreach (var tag in tags)
        {
            if (string.IsNullOrWhiteSpace(tag)) continue;
            var t = tag.Trim().ToLowerInvariant().Replace(" ", "-");
            t = Regex.Replace(t, @"[^\w-]", "");
            t = t.Trim('-');
            if (t.Length > 30) t = t.Substring(0, 30);
            if (t.Length == 0 || cleaned.Contains(t)) continue;
            cleaned.Add(t);
        }
        return cleaned.Count > 10 ? cleaned.GetRange(0, 10) : cleaned;
    }
}
