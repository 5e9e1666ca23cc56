// Hidden tests for tasks/page-request/csharp.yaml. The code under test is Solution.cs.
public class PagingTests
{
    private static void Expect(PageRequest r, int code, int page, int size, int skip, string sort)
    {
        Assert.True(r != null, "Normalize returned null");
        string want = new PageRequest(code, page, size, skip, sort).ToString();
        Assert.True(r.Code == code && r.Page == page && r.PageSize == size && r.Skip == skip && r.Sort == sort,
            "expected " + want + ", got " + r);
    }

    public static void TestDefaultsWhenNull()
    {
        Expect(Paging.Normalize(null, null, null), 0, 1, 25, 0, "created");
    }

    public static void TestInvalidPageReturns40001()
    {
        foreach (var page in new int?[] { 0, -1, int.MinValue })
            Assert.Equal(40001, Paging.Normalize(page, 10, "name").Code);
    }

    public static void TestPageOverflowReturns40001()
    {
        Assert.Equal(40001, Paging.Normalize(int.MaxValue, 200, "name").Code);
        Assert.Equal(40001, Paging.Normalize(20_000_000, 200, null).Code);
    }

    public static void TestInvalidPageSizeReturns40002()
    {
        foreach (var size in new int?[] { 0, -5 })
            Assert.Equal(40002, Paging.Normalize(1, size, "name").Code);
    }

    public static void TestPageSizeClampedTo200()
    {
        Expect(Paging.Normalize(2, 1000, null), 0, 2, 200, 200, "created");
        Expect(Paging.Normalize(1, 200, null), 0, 1, 200, 0, "created");
    }

    public static void TestSortWhitelist()
    {
        foreach (var sort in new[] { "email", "Name", "CREATED", "name; drop table", "--name" })
            Assert.True(Paging.Normalize(1, 10, sort).Code == 40003, "sort=" + sort + " should return 40003");
        Expect(Paging.Normalize(1, 10, "  -name "), 0, 1, 10, 0, "-name");
        Expect(Paging.Normalize(1, 10, "   "), 0, 1, 10, 0, "created");
    }

    public static void TestSkipIsZeroBasedOffset()
    {
        Expect(Paging.Normalize(3, 20, "name"), 0, 3, 20, 40, "name");
        Expect(Paging.Normalize(1, 50, "-created"), 0, 1, 50, 0, "-created");
        Expect(Paging.Normalize(7, null, null), 0, 7, 25, 150, "created");
    }
}
