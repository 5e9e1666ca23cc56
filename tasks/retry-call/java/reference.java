import java.io.IOException;
import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        long delay = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.call();
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
            }
            sleeper.sleep(delay);
            delay = Math.min(delay * 2, 1000);
        }
    }
}
