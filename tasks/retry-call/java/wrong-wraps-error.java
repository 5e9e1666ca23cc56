import java.io.IOException;
import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1");
        }
        IOException lastError = null;
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            if (attempt > 0) {
                sleeper.sleep(Math.min(100L << (attempt - 1), 1000L));
            }
            try {
                return operation.call();
            } catch (IOException e) {
                lastError = e;
            } catch (Exception e) {
                throw new RuntimeException("operation failed", e);
            }
        }
        throw new RuntimeException("all " + maxAttempts + " attempts failed", lastError);
    }
}
