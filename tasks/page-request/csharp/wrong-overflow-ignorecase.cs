using System;

public static class Paging
{
    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        var p = page ?? 1;
        if (p < 1) return new PageRequest(40001, 0, 0, 0, null);
        var size = pageSize ?? 25;
        if (size < 1) return new PageRequest(40002, 0, 0, 0, null);
        if (size > 200) size = 200;
        var s = string.IsNullOrWhiteSpace(sort) ? "created" : sort.Trim().ToLowerInvariant();
        if (s != "created" && s != "name" && s != "-created" && s != "-name")
            return new PageRequest(40003, 0, 0, 0, null);
        return new PageRequest(0, p, size, (p - 1) * size, s);
    }
}
