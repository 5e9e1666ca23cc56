// Provided to the solution: what the handler returns.
public class ApiResult
{
    public int Code { get; }
    public string Message { get; }

    public ApiResult(int code, string message)
    {
        Code = code;
        Message = message;
    }
}
