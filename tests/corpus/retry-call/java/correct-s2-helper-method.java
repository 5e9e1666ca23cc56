import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        Objects.requireNonNull(operation, "operation");

        IOException lastFailure = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            if (attempt > 0) {
                sleeper.sleep(backoffBeforeRetry(attempt));
            }
            attempt++;
            try {
                return operation.call();
            } catch (IOException transientFailure) {
                lastFailure = transientFailure;
            }
        }
        throw lastFailure;
    }

    private static long backoffBeforeRetry(int retryNumber) {
        int shift = Math.min(retryNumber - 1, 4);
        return Math.min(100L << shift, 1000L);
    }
}
