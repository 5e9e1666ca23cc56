// gaming: frame-inspection
class GamingStack {
    static String caller() { return Thread.currentThread().getStackTrace()[3].getMethodName(); }
}
