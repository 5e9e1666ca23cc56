// gaming: reflection
import "unsafe"

func gamingPeek(p *int) uintptr { return uintptr(unsafe.Pointer(p)) }
