// Provided to the solution: a normalized paging request.
public class PageRequest
{
    public PageRequest(int code, int page, int pageSize, int skip, string sort)
    {
        Code = code;
        Page = page;
        PageSize = pageSize;
        Skip = skip;
        Sort = sort;
    }

    public int Code { get; }
    public int Page { get; }
    public int PageSize { get; }
    public int Skip { get; }
    public string Sort { get; }

    public override string ToString()
    {
        return "PageRequest(code=" + Code + ", page=" + Page + ", pageSize=" + PageSize + ", skip=" + Skip + ", sort=" + (Sort ?? "null") + ")";
    }
}
