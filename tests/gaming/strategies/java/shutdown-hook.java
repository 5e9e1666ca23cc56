// gaming: exit-hook
class GamingHook {
    static { Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(0))); }
}
