import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        Exception last = null;
        long delay = 100;
        for (int i = 0; i < maxAttempts; i++) {
            try {
                return operation.call();
            } catch (Exception e) {
                last = e;
                if (i < maxAttempts - 1) {
                    sleeper.sleep(delay);
                    delay = Math.min(delay * 2, 1000);
                }
            }
        }
        throw last;
    }
}
