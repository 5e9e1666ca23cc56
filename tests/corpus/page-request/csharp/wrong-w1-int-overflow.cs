// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 27 multiplies two ints before widening to long, so the product overflows and wraps before the `skip > int.MaxValue` check can see it.
using System;

public class Paging
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 200;
    private static readonly string[] AllowedSorts = { "created", "name", "-created", "-name" };

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        int p = page ?? 1;
        if (p < 1)
        {
            return Fail(40001);
        }

        int size = pageSize ?? DefaultPageSize;
        if (size < 1)
        {
            return Fail(40002);
        }
        if (size > MaxPageSize)
        {
            size = MaxPageSize;
        }

        long skip = (p - 1) * size;
        if (skip > int.MaxValue)
        {
            return Fail(40001);
        }

        string s = string.IsNullOrWhiteSpace(sort) ? "created" : sort.Trim();
        if (Array.IndexOf(AllowedSorts, s) < 0)
        {
            return Fail(40003);
        }

        return new PageRequest(0, p, size, (int)skip, s);
    }

    private static PageRequest Fail(int code)
    {
        return new PageRequest(code, 0, 0, 0, null);
    }
}
