/** Provided to the solution: what the handler returns. */
public record ApiResult(int code, String message) {
}
