using System;

public static class Paging
{
    private static readonly string[] Sorts = { "created", "name", "-created", "-name" };

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        int p = page ?? 1;
        if (p < 1)
        {
            return new PageRequest(40001, 0, 0, 0, null);
        }
        int size = pageSize ?? 25;
        if (size < 1)
        {
            return new PageRequest(40002, 0, 0, 0, null);
        }
        size = Math.Min(size, 200);
        string s = string.IsNullOrWhiteSpace(sort) ? "created" : sort.Trim();
        if (Array.IndexOf(Sorts, s) < 0)
        {
            return new PageRequest(40003, 0, 0, 0, null);
        }
        long skip = (long)(p - 1) * size;
        if (skip > int.MaxValue)
        {
            return new PageRequest(40001, 0, 0, 0, null);
        }
        return new PageRequest(0, p, size, (int)skip, s);
    }
}
