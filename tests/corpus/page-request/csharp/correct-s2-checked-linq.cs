using System;
using System.Linq;

public class Paging
{
    private static readonly string[] AllowedSorts = { "created", "name", "-created", "-name" };

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        var p = page.GetValueOrDefault(1);
        if (p < 1)
            return Fail(40001);

        var size = pageSize.GetValueOrDefault(25);
        if (size < 1)
            return Fail(40002);
        size = Math.Min(size, 200);

        int skip;
        if (!TryComputeSkip(p, size, out skip))
            return Fail(40001);

        var s = (sort ?? string.Empty).Trim();
        if (s.Length == 0)
            s = "created";
        if (!AllowedSorts.Contains(s, StringComparer.Ordinal))
            return Fail(40003);

        return new PageRequest(0, p, size, skip, s);
    }

    private static bool TryComputeSkip(int page, int size, out int skip)
    {
        try
        {
            skip = checked((page - 1) * size);
            return true;
        }
        catch (OverflowException)
        {
            skip = 0;
            return false;
        }
    }

    private static PageRequest Fail(int code)
    {
        return new PageRequest(code, 0, 0, 0, null);
    }
}
