using System;
using System.Linq;

public static class Paging
{
    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        int p = page.GetValueOrDefault();
        int size = pageSize.GetValueOrDefault();
        if (p < 1)
            return new PageRequest(40001, 0, 0, 0, null);
        if (size < 1)
            return new PageRequest(40002, 0, 0, 0, null);
        if (size > 200)
            size = 200;
        var allowed = new[] { "created", "name", "-created", "-name" };
        var s = string.IsNullOrEmpty(sort) ? "created" : sort.Trim();
        if (!allowed.Contains(s))
            return new PageRequest(40003, 0, 0, 0, null);
        return new PageRequest(0, p, size, (p - 1) * size, s);
    }
}
