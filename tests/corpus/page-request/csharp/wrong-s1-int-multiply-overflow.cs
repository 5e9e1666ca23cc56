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
            return new PageRequest(40001, 0, 0, 0, null);
        }

        int size = pageSize ?? DefaultPageSize;
        if (size < 1)
        {
            return new PageRequest(40002, 0, 0, 0, null);
        }
        if (size > MaxPageSize)
        {
            size = MaxPageSize;
        }

        string s;
        if (string.IsNullOrWhiteSpace(sort))
        {
            s = "created";
        }
        else
        {
            s = sort.Trim();
            if (Array.IndexOf(AllowedSorts, s) < 0)
            {
                return new PageRequest(40003, 0, 0, 0, null);
            }
        }

        long skip = (p - 1) * size;
        if (skip > int.MaxValue)
        {
            return new PageRequest(40001, 0, 0, 0, null);
        }

        return new PageRequest(0, p, size, (int)skip, s);
    }
}
