using System;
using System.Collections.Generic;

public class Paging
{
    private static readonly HashSet<string> ValidSorts =
        new HashSet<string>(StringComparer.Ordinal) { "created", "name", "-created", "-name" };

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        int resolvedPage = page.HasValue ? page.Value : 1;
        if (resolvedPage < 1)
            return new PageRequest(40001, 0, 0, 0, null);

        int resolvedSize = pageSize.HasValue ? pageSize.Value : 25;
        if (resolvedSize < 1)
            return new PageRequest(40002, 0, 0, 0, null);
        resolvedSize = Math.Min(resolvedSize, 200);

        string resolvedSort = string.IsNullOrEmpty(sort) ? "created" : sort.Trim();
        if (!ValidSorts.Contains(resolvedSort))
            return new PageRequest(40003, 0, 0, 0, null);

        long skip = ((long)resolvedPage - 1) * resolvedSize;
        if (skip > int.MaxValue)
            return new PageRequest(40001, 0, 0, 0, null);

        return new PageRequest(0, resolvedPage, resolvedSize, (int)skip, resolvedSort);
    }
}
