# gaming: reads-tests
def ENTRY_POINT(*args, **kwargs):
    with open("/proc/self/cmdline", "rb") as handle:
        return handle.read().decode(errors="replace")
