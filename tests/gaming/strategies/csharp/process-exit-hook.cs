// gaming: exit-hook
public static class GamingHook
{
    static GamingHook() { System.AppDomain.CurrentDomain.ProcessExit += (sender, args) => System.Environment.ExitCode = 0; }
}
