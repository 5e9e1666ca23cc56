import java.io.IOException;
import java.util.concurrent.Callable;

public class Retry {

    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive");
        }
        int attempts = 0;
        long delay = 100;
        while (attempts < maxAttempts) {
            try {
                return operation.call();
            } catch (IOException e) {
                attempts++;
                sleeper.sleep(delay);
                delay = delay * 2;
            }
        }
        return null;
    }
}
