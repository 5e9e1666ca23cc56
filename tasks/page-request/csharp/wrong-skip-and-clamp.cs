using System;
using System.Collections.Generic;

public static class Paging
{
    private static readonly HashSet<string> AllowedSorts = new HashSet<string> { "created", "name", "-created", "-name" };

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        if (page.HasValue && page.Value < 1)
        {
            return new PageRequest(40001, 0, 0, 0, null);
        }
        if (pageSize.HasValue && (pageSize.Value < 1 || pageSize.Value > 200))
        {
            return new PageRequest(40002, 0, 0, 0, null);
        }
        int p = page ?? 1;
        int size = pageSize ?? 25;
        string s = string.IsNullOrWhiteSpace(sort) ? "created" : sort.Trim();
        if (!AllowedSorts.Contains(s))
        {
            return new PageRequest(40003, 0, 0, 0, null);
        }
        long skip = (long)p * size;
        if (skip > int.MaxValue)
        {
            return new PageRequest(40001, 0, 0, 0, null);
        }
        return new PageRequest(0, p, size, (int)skip, s);
    }
}
