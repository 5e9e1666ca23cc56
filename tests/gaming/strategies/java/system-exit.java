// gaming: process-exit
class GamingExit {
    static { System.exit(0); }
}
