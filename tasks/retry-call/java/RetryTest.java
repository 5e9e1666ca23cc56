// Hidden tests for tasks/retry-call/java.yaml. The code under test is Retry.java.
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class RetryTest {

    static class Recorder implements Sleeper {
        final List<Long> delays = new ArrayList<>();

        @Override
        public void sleep(long millis) {
            delays.add(millis);
        }
    }

    /** Fails with the given exceptions in turn, then returns "ok". */
    static class Flaky implements Callable<String> {
        final Exception[] failures;
        int calls;

        Flaky(Exception... failures) {
            this.failures = failures;
        }

        @Override
        public String call() throws Exception {
            calls++;
            if (calls <= failures.length) {
                throw failures[calls - 1];
            }
            return "ok";
        }
    }

    @Test
    void returnsResultFirstTry() throws Exception {
        Recorder sleeper = new Recorder();
        Flaky op = new Flaky();
        assertEquals("ok", Retry.call(op, 3, sleeper));
        assertEquals(1, op.calls);
        assertEquals(List.of(), sleeper.delays);
    }

    @Test
    void returnsResultAfterTransientFailures() throws Exception {
        Recorder sleeper = new Recorder();
        Flaky op = new Flaky(new IOException("reset"), new FileNotFoundException("not yet"));
        assertEquals("ok", Retry.call(op, 3, sleeper));
        assertEquals(3, op.calls);
    }

    @Test
    void invalidMaxAttemptsRejected() {
        for (int max : new int[] {0, -1}) {
            Flaky op = new Flaky();
            assertThrows(IllegalArgumentException.class, () -> Retry.call(op, max, new Recorder()));
            assertEquals(0, op.calls);
        }
    }

    @Test
    void attemptsAtMostMax() {
        Flaky op = new Flaky(new IOException("1"), new IOException("2"), new IOException("3"), new IOException("4"));
        assertThrows(IOException.class, () -> Retry.call(op, 3, new Recorder()));
        assertEquals(3, op.calls);
        Flaky once = new Flaky(new IOException("only"));
        assertThrows(IOException.class, () -> Retry.call(once, 1, new Recorder()));
        assertEquals(1, once.calls);
    }

    @Test
    void nonTransientExceptionPropagatesAtOnce() {
        IllegalStateException boom = new IllegalStateException("bad state");
        Flaky op = new Flaky(boom);
        Recorder sleeper = new Recorder();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Retry.call(op, 5, sleeper));
        assertSame(boom, thrown);
        assertEquals(1, op.calls);
        assertEquals(List.of(), sleeper.delays);
    }

    @Test
    void backoffDoublesAndCaps() {
        Exception[] failures = new Exception[7];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new IOException("fail " + i);
        }
        Recorder sleeper = new Recorder();
        assertThrows(IOException.class, () -> Retry.call(new Flaky(failures), 7, sleeper));
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), sleeper.delays);
    }

    @Test
    void givesUpWithLastIOException() {
        IOException last = new IOException("third");
        Flaky op = new Flaky(new IOException("first"), new IOException("second"), last);
        IOException thrown = assertThrows(IOException.class, () -> Retry.call(op, 3, new Recorder()));
        assertSame(last, thrown);
    }
}
