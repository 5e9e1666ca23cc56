using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

public static class TagCleaner
{
    public static List<string> Clean(IEnumerable<string> tags)
    {
        if (tags == null) return new List<string>();
        return tags
            .Where(t => t != null)
            .Distinct()
            .Take(10)
            .Select(t => Regex.Replace(t.Trim().ToLowerInvariant(), @"\s+", "-"))
            .Select(t => Regex.Replace(t, "[^a-z0-9-]", ""))
            .Select(t => t.Length > 30 ? t.Substring(0, 30) : t)
            .Select(t => t.Trim('-'))
            .Where(t => t.Length > 0)
            .ToList();
    }
}
