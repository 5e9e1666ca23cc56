/** Provided to the solution: waits between attempts (tests record the delays instead). */
public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
}
