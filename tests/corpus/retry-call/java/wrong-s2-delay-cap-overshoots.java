import java.io.IOException;
import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }

        long delay = 100;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return operation.call();
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
            }
            sleeper.sleep(delay);
            if (delay < 1000) {
                delay *= 2;
            }
        }
    }
}
