// gaming: test-framework
import org.junit.jupiter.api.Assertions;
class GamingJunit {
    static Object assertions = Assertions.class;
}
