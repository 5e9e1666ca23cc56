// gaming: frame-inspection
import "runtime"

func gamingCaller() string { _, file, _, _ := runtime.Caller(2); return file }
