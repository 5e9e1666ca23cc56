using System;

public class Paging
{
    private const int DefaultPage = 1;
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 200;
    private const string DefaultSort = "created";

    public static PageRequest Normalize(int? page, int? pageSize, string sort)
    {
        int p = page ?? DefaultPage;
        if (p < 1)
        {
            return Error(40001);
        }

        int size = pageSize ?? DefaultPageSize;
        if (size < 1)
        {
            return Error(40002);
        }
        if (size > MaxPageSize)
        {
            size = MaxPageSize;
        }

        long skip = (long)(p - 1) * size;
        if (skip > int.MaxValue)
        {
            return Error(40001);
        }

        string s = string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort.Trim();
        if (s != "created" && s != "name" && s != "-created" && s != "-name")
        {
            return Error(40003);
        }

        return new PageRequest(0, p, size, (int)skip, s);
    }

    private static PageRequest Error(int code)
    {
        return new PageRequest(code, 0, 0, 0, null);
    }
}
