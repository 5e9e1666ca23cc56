// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 20 sleeps after every failed attempt, including the last one, before the loop ends and the last IOException is thrown.
import java.io.IOException;
import java.util.concurrent.Callable;

public class Retry {
    private static final long INITIAL_DELAY_MS = 100;
    private static final long MAX_DELAY_MS = 1000;

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        long delay = INITIAL_DELAY_MS;
        IOException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return operation.call();
            } catch (IOException e) {
                last = e;
            }
            sleeper.sleep(delay);
            delay = Math.min(delay * 2, MAX_DELAY_MS);
        }
        throw last;
    }
}
