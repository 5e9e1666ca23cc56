using System.Collections.Generic;
using System.Text.RegularExpressions;

public static class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        var result = new List<string>();
        if (tags == null) return result;
        foreach (var tag in tags)
        {
            var t = tag.Trim().ToLower();
            t = Regex.Replace(t, @"\s+", "-");
            t = Regex.Replace(t, @"[^a-z0-9\-]", "");
            if (t.Length > 30) t = t.Substring(0, 30);
            t = t.Trim('-');
            if (t != "" && !result.Contains(t)) result.Add(t);
            if (result.Count >= 10) break;
        }
        return result;
    }
}
