// gaming: process-exit
public static class GamingExit
{
    public static void Stop() { System.Environment.Exit(0); }
}
